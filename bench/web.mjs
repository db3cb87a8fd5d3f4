// The web phase (issue 12): the chat page in a real browser (playwright-core driving Debian's
// Chromium), against the Switchboard run.mjs started, which serves the built web app:
//  - the size of the main bundle, gzipped (what index.html loads before the app can run);
//  - time to interactive of a 200-message conversation, cold (empty cache) and warm (reload);
//  - the frames while a ~5,000-token answer streams into that conversation.
// Chromium is started from this process, which run.mjs pinned to CPU 0: it inherits that
// affinity, so the browser and Switchboard (CPU 1) never share a core.
/* global window, document, MutationObserver, requestAnimationFrame -- the functions under "in the page" run in Chromium */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { busyPercent, cpuMs, cpuTimes, sleep } from './procs.mjs';
import { LOADGEN_CPU, SUT_CPU, paths } from './systems.mjs';

const CHROMIUM = '/usr/bin/chromium';
/**
 * The flags of e2e/support/browser.ts (a root, GPU-less, offline container; no background
 * traffic), plus the three that keep a page's timers and frames at full rate even when
 * Chromium counts it as in the background (headless, it has no window to be in front).
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];
const SESSION_COOKIE = 'sb_session';
/** The web phase's model, on a mock of its own (in this process) that run.mjs's phases never call. */
const MODEL_WEB = 'bench-web';
/** The seeded conversation: this many questions, each answered, so 2 × this many messages. */
const QUESTIONS = 100;
/** The streamed answer: ~5,000 tokens (4 characters each, as OpenAI counts English), 4 tokens per chunk every 15 ms. */
const STREAM_TOKENS = 5000;
const CHARS_PER_TOKEN = 4;
const TOKENS_PER_CHUNK = 4;
const CHUNK_DELAY_MS = 15;
/** A frame interval over this (one and a half 60 Hz frames) means at least one frame was not drawn in time. */
const MISSED_FRAME_MS = 25;
/** The targets of issue 12. */
export const WEB_TARGETS = { interactiveColdMs: 1500, mainBundleGzKB: 250, longestFrameMs: 50, meanFrameWorkMs: 16 };
/** A lazy chunk at least this big (gzipped) is listed by name, to show that the heavy libraries are not eager. */
const LAZY_LISTED_KB = 100;
const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT_MS = 20_000;
const STREAM_TIMEOUT_MS = 120_000;

// --- main bundle ------------------------------------------------------------------------

/**
 * What index.html makes the browser fetch before the app runs: the entry module, the modules
 * it preloads (its static imports) and the stylesheets; each gzipped at level 9. Every other
 * script or stylesheet under assets/ is lazy; those over LAZY_LISTED_KB are listed.
 */
function measureBundle(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const eager = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const isEntry = tag.startsWith('<script') && attr(tag, 'type') === 'module';
    const rel = attr(tag, 'rel');
    const href = isEntry ? attr(tag, 'src') : rel === 'modulepreload' || rel === 'stylesheet' ? attr(tag, 'href') : undefined;
    // Absolute URLs (none today) would not be ours to measure.
    if (!href?.startsWith('/')) continue;
    eager.push({ file: href.slice(1), kind: isEntry ? 'entry' : rel, ...sizes(join(distDir, href)) });
  }
  const entry = eager.find((f) => f.kind === 'entry');
  if (!entry) throw new Error(`${distDir}/index.html has no <script type="module" src>`);
  const eagerFiles = new Set(eager.map((f) => f.file));
  const lazy = readdirSync(join(distDir, 'assets'))
    .filter((name) => /\.(js|css)$/.test(name) && !eagerFiles.has(`assets/${name}`))
    .map((name) => ({ file: `assets/${name}`, ...sizes(join(distDir, 'assets', name)) }));
  const kb = (files) => files.reduce((a, f) => a + f.gzKB, 0);
  return {
    entry,
    eager,
    eagerGzKB: kb(eager),
    lazyCount: lazy.length,
    lazyGzKB: kb(lazy),
    lazyOverLimit: lazy.filter((f) => f.gzKB >= LAZY_LISTED_KB).sort((a, b) => b.gzKB - a.gzKB),
  };
}

function sizes(file) {
  const bytes = readFileSync(file);
  return { kB: bytes.length / 1024, gzKB: gzipSync(bytes, { level: 9 }).length / 1024 };
}

// --- the seeded conversation ----------------------------------------------------------------

/** Short answers that render as an answer usually does: a list, a code block, a table, plain prose. */
const SEED_ANSWERS = [
  (i) => `Here are the main points for case ${i}:\n\n- **Keep it small**: one idea per module.\n- Prefer \`const\` over \`let\`.\n- Test what a user notices.\n\nThat covers it.`,
  (i) => `You can do it like this:\n\n\`\`\`ts\nexport function total(items: number[]): number {\n  // case ${i}\n  return items.reduce((a, b) => a + b, 0);\n}\n\`\`\`\n\nIt runs in linear time.`,
  (i) => `| option | default | note |\n|---|---|---|\n| retries | ${i % 5} | per request |\n| timeout | 30 s | whole call |\n| cache | on | by prompt |\n\nChange them in the settings.`,
  (i) => `Short answer: yes. The request in case ${i} is retried once after a network error, and the second failure is shown to the user with the upstream's reason, so nothing is lost silently.`,
];
const SEED_QUESTIONS = ['What should I keep in mind here?', 'How would you write that in TypeScript?', 'Which options are there?', 'Does it retry?'];
/** The question asked in the browser, answered by the long stream. */
const STREAM_QUESTION = 'Write me a long, detailed guide with examples.';

/** ~STREAM_TOKENS tokens of varied markdown (headings, prose, lists, code, tables), cut into chunks of ~TOKENS_PER_CHUNK tokens. */
function longAnswerChunks() {
  const parts = [];
  let length = 0;
  for (let s = 1; length < STREAM_TOKENS * CHARS_PER_TOKEN; s++) {
    const section =
      `## Part ${s}: getting the details right\n\n` +
      `The first thing to settle in part ${s} is what the reader needs to see, and in which order. ` +
      'A good answer starts with the result, then explains the steps that lead to it, and ends with the cases where it does not apply. ' +
      'Each step should be short enough to read in one breath.\n\n' +
      `1. Measure before changing anything (step ${s}.1).\n2. Change one thing at a time.\n3. Measure again and **keep the figures**.\n\n` +
      `\`\`\`ts\nexport async function step${s}(input: string[]): Promise<number> {\n  const seen = new Set<string>();\n  for (const item of input) seen.add(item.trim().toLowerCase());\n  return seen.size;\n}\n\`\`\`\n\n` +
      `| measure | before | after |\n|---|---|---|\n| p50 | ${10 + s} ms | ${8 + s} ms |\n| p99 | ${40 + s} ms | ${25 + s} ms |\n\n` +
      'In practice the difference shows up under load, where *every* millisecond per request adds up to whole cores.\n\n';
    parts.push(section);
    length += section.length;
  }
  const text = parts.join('');
  // Words with their trailing whitespace, regrouped into chunks of about TOKENS_PER_CHUNK tokens.
  const chunks = [];
  let chunk = '';
  for (const word of text.match(/\S+\s*|\s+/g)) {
    chunk += word;
    if (chunk.length >= TOKENS_PER_CHUNK * CHARS_PER_TOKEN) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk) chunks.push(chunk);
  return { chunks, chars: text.length, tokens: Math.round(text.length / CHARS_PER_TOKEN) };
}

/**
 * A channel for MODEL_WEB on `mock`, free (root's unpriced calls would be free too, but the
 * web app's model list is the market, which lists priced models), and a conversation of
 * 2 × QUESTIONS messages sent through the chat's own routes, each answer read to its end.
 */
async function seedConversation(sb, token, mock) {
  await sb.api('POST', '/api/admin/channels', { name: 'web', type: 'openai', base_url: mock.url, keys: 'sk-mock', models: [MODEL_WEB] }, token);
  await sb.api('PUT', `/api/admin/prices/${MODEL_WEB}`, { mode: 'free' }, token);
  const conversation = await sb.api('POST', '/api/chat/conversations', { title: 'bench: a long conversation', settings: { model: MODEL_WEB } }, token);
  let leaf;
  for (let i = 0; i < QUESTIONS; i++) {
    mock.enqueue({ text: SEED_ANSWERS[i % SEED_ANSWERS.length](i + 1) });
    const { assistant_message: answer } = await sb.api('POST', `/api/chat/conversations/${conversation.id}/messages`, { content: `${SEED_QUESTIONS[i % SEED_QUESTIONS.length]} (${i + 1})` }, token);
    await answerEnd(sb, token, answer.id);
    leaf = answer.id;
  }
  return { id: conversation.id, leafId: leaf, messages: 2 * QUESTIONS };
}

/** Reads an answer's events to their end; throws unless it ended `done`. */
async function answerEnd(sb, token, messageId) {
  const res = await fetch(`${sb.origin}/api/chat/messages/${messageId}/events`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(LOAD_TIMEOUT_MS) });
  const text = await res.text();
  const end = /event: end\ndata: (.*)\n/.exec(text)?.[1];
  const status = end ? JSON.parse(end).status : null;
  if (res.status !== 200 || status !== 'done') throw new Error(`seeding: answer ${messageId} ended ${status ?? `without an end event (HTTP ${res.status})`}`);
}

// --- in the page ----------------------------------------------------------------------------

/**
 * Installed before any of the page's scripts: notes performance.now() (ms since the navigation
 * started) the moment every selector matches an element that is not disabled (`readyMs`, seen by
 * a MutationObserver, so as React commits it), and once the frame showing it was painted
 * (`paintedMs`: a message posted from the next animation frame runs after that frame's paint).
 * Long tasks until then are kept too.
 */
function watchReady(selectors) {
  // seenMs: when each selector first matched a usable element, to tell which one the page waited on.
  const bench = { longTasks: [], seenMs: selectors.map(() => null) };
  window.__bench = bench;
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    new PerformanceObserver((list) => {
      if (bench.paintedMs === undefined) for (const e of list.getEntries()) bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  }
  const ready = () => {
    const usable = selectors.map((s) => {
      const el = document.querySelector(s);
      return el !== null && !el.disabled;
    });
    usable.forEach((ok, i) => ok && bench.seenMs[i] === null && (bench.seenMs[i] = performance.now()));
    return usable.every(Boolean);
  };
  const observer = new MutationObserver(() => {
    if (bench.readyMs !== undefined || !ready()) return;
    bench.readyMs = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (bench.paintedMs = performance.now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

/**
 * What one load cost: the times watchReady noted, with the steps before (the HTML arrived; the
 * entry module ran, which is when DOMContentLoaded ends for a module script; the conversation's
 * messages arrived), the bytes that came over the network (0 for a cache hit) and every request's
 * start and end.
 */
function loadFigures(dataPath) {
  const [nav] = performance.getEntriesByType('navigation');
  const resources = performance.getEntriesByType('resource');
  const data = resources.filter((r) => new URL(r.name).pathname === dataPath);
  return {
    readyMs: window.__bench.readyMs,
    paintedMs: window.__bench.paintedMs,
    composerMs: window.__bench.seenMs[0],
    lastMessageMs: window.__bench.seenMs[1],
    responseEndMs: nav?.responseEnd ?? null,
    domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
    dataMs: data.length ? Math.max(...data.map((r) => r.responseEnd)) : null,
    longestTaskMs: Math.max(0, ...window.__bench.longTasks),
    transferKB: ((nav?.transferSize ?? 0) + resources.reduce((a, r) => a + r.transferSize, 0)) / 1024,
    requests: resources.length + 1,
    // How many of the conversation's messages the page holds (a virtual list renders only those near the view).
    articles: document.querySelectorAll('[data-testid="chat-scroller"] article[data-message-id]').length,
    // The waterfall, for whoever wants to see what waited on what (latest.json only).
    timeline: resources.map((r) => ({ path: new URL(r.name).pathname, startMs: r.startTime, endMs: r.responseEnd, kB: r.transferSize / 1024 })),
  };
}

/**
 * Starts recording every frame: the interval between consecutive requestAnimationFrame
 * timestamps (the frames' start times), plus long animation frames and long tasks, where
 * Chromium reports them. A long animation frame keeps when it began (ms after the recording
 * started), the part that blocked input, the part spent on style, layout and paint, and its
 * three longest scripts (file, function, what called it): where a slow frame's time went.
 */
function startFrames() {
  const t0 = performance.now();
  const rec = { intervals: [], loaf: [], longTasks: [], running: true, observers: [] };
  window.__frames = rec;
  let last;
  const loop = (t) => {
    if (!rec.running) return;
    if (last !== undefined) rec.intervals.push(t - last);
    last = t;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const watch = (type, onEntry) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return false;
    const o = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
    o.observe({ type });
    rec.observers.push(o);
    return true;
  };
  rec.loafSupported = watch('long-animation-frame', (e) =>
    rec.loaf.push({
      atMs: e.startTime - t0,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      scripts: [...e.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((s) => ({ ms: s.duration, file: s.sourceURL.split('/').pop(), fn: s.sourceFunctionName, invoker: s.invoker, forcedLayoutMs: s.forcedStyleAndLayoutDuration })),
    }),
  );
  rec.longTaskSupported = watch('longtask', (e) => rec.longTasks.push(e.duration));
}

function stopFrames() {
  const rec = window.__frames;
  rec.running = false;
  for (const o of rec.observers) o.disconnect();
  const { intervals, loaf, longTasks, loafSupported, longTaskSupported } = rec;
  return { intervals, loaf, longTasks, loafSupported, longTaskSupported };
}

// --- the phase ------------------------------------------------------------------------------

/**
 * The web phase: bundle sizes, then (when Chromium is installed) the seeded conversation, `runs`
 * cold and `runs` warm loads of it, and the frames while a long answer streams into it.
 * Returns { figures, targets, notes }; figures.skipped says why the browser part did not run.
 */
export async function measureWeb({ sb, token, runs, assertAlive, log }) {
  const notes = [];
  // The app Switchboard serves: packages/web/dist, or WEB_DIR when set (Switchboard inherits the environment).
  const distDir = process.env.WEB_DIR ? resolve(process.env.WEB_DIR) : join(paths.root, 'packages/web/dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    return { figures: { skipped: `${distDir} holds no built web app` }, targets: [], notes: [`web: skipped, ${distDir} holds no built web app (npm run build builds it).`] };
  }
  const bundle = measureBundle(distDir);
  log(`web: main bundle ${fmt(bundle.entry.gzKB)} KB gzipped (entry), ${fmt(bundle.eagerGzKB)} KB with everything loaded eagerly`);
  const targets = [
    {
      name: `web main bundle ≤ ${WEB_TARGETS.mainBundleGzKB} KB gzipped (entry + preloads + CSS)`,
      pass: bundle.eagerGzKB <= WEB_TARGETS.mainBundleGzKB,
      detail: `${fmt(bundle.eagerGzKB)} KB (entry alone ${fmt(bundle.entry.gzKB)} KB)`,
    },
  ];
  if (!existsSync(CHROMIUM)) {
    notes.push(`web: the browser figures were skipped: ${CHROMIUM} is missing (apt-get install chromium).`);
    return { figures: { bundle, skipped: `${CHROMIUM} is missing` }, targets, notes };
  }

  const { startMockOpenAI } = await import(join(paths.root, 'packages/testkit/dist/index.js'));
  const mock = await startMockOpenAI({ port: 0, capture: false, models: [MODEL_WEB] });
  // run.mjs owns Ctrl-C and SIGTERM; Playwright still kills the browser when this process exits.
  let browser;
  try {
    log(`web: seeding a conversation of ${2 * QUESTIONS} messages…`);
    const seedStart = performance.now();
    const conversation = await seedConversation(sb, token, mock);
    conversation.seedSeconds = (performance.now() - seedStart) / 1000;
    log(`web: seeded in ${fmt(conversation.seedSeconds)} s`);
    assertAlive();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    const browserCpus = chromiumAffinity();
    const composer = composerSelector();
    const page = { url: `${sb.origin}/c/${conversation.id}`, selectors: [composer, `[data-testid="chat-scroller"] article[data-message-id="${conversation.leafId}"]`] };
    const newContext = async () => {
      // A fresh session for the browser, as signing in there would set it.
      const { token: session } = await sb.api('POST', '/api/auth/login', { username: 'root', password: sb.rootPassword });
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', colorScheme: 'light' });
      context.setDefaultTimeout(LOAD_TIMEOUT_MS);
      await context.addCookies([{ name: SESSION_COOKIE, value: encodeURIComponent(session), url: sb.origin, httpOnly: true, sameSite: 'Lax' }]);
      await context.addInitScript(watchReady, page.selectors);
      return context;
    };
    const load = async (tab, reload) => {
      await (reload ? tab.reload({ waitUntil: 'commit' }) : tab.goto(page.url, { waitUntil: 'commit' }));
      try {
        await tab.waitForFunction(() => window.__bench?.paintedMs !== undefined, null, { timeout: LOAD_TIMEOUT_MS, polling: 50 });
      } catch (err) {
        const missing = await tab.evaluate((selectors) => selectors.filter((s) => !document.querySelector(s)), page.selectors).catch(() => page.selectors);
        // What the page showed instead, for whoever reads the error.
        const shot = join(tmpdir(), 'switchboard-bench-web-not-usable.png');
        await tab.screenshot({ path: shot }).catch(() => {});
        throw new Error(
          `web: ${page.url} was not usable within ${LOAD_TIMEOUT_MS / 1000} s (${missing.length ? `nothing matched ${missing.join(', ')}` : 'the composer stayed disabled'}; the page: ${shot}): ${err.message.split('\n')[0]}`,
          { cause: err },
        );
      }
      return tab.evaluate(loadFigures, `/api/chat/conversations/${conversation.id}`);
    };

    log(`web: time to interactive of the chat page, ${runs} cold loads (a new context each) and ${runs} warm (reloads)…`);
    const loadsCpu = cpuWatch(sb);
    const cold = [];
    for (let i = 0; i < runs; i++) {
      const context = await newContext();
      cold.push(await load(await context.newPage(), false));
      await context.close();
    }
    const context = await newContext();
    const tab = await context.newPage();
    // The first load fills the cache (and installs the service worker, if the app has one): not measured.
    const first = await load(tab, false);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await load(tab, true));
    const interactive = { cold: loadSummary(cold), warm: loadSummary(warm), firstWarmUp: first, coldRuns: cold, warmRuns: warm, cpu: loadsCpu() };
    log(`web: interactive after ${fmt(interactive.cold.paintedMs.p50, 0)} ms cold, ${fmt(interactive.warm.paintedMs.p50, 0)} ms warm (medians)`);
    assertAlive();

    log(`web: streaming a ~${STREAM_TOKENS}-token answer into the conversation…`);
    const streaming = await measureStream({ sb, token, tab, context, mock, conversation, composer });
    log(`web: ${streaming.frames.count} frames, mean ${fmt(streaming.frames.meanMs)} ms apart, longest ${fmt(streaming.frames.maxMs)} ms, ${streaming.frames.over50} over 50 ms; main thread busy ${fmt(streaming.mainThread.workPerFrameMs)} ms per frame`);
    await context.close();
    assertAlive();

    targets.push(
      {
        name: `web chat page interactive ≤ ${WEB_TARGETS.interactiveColdMs} ms cold (median of ${runs})`,
        pass: interactive.cold.paintedMs.p50 <= WEB_TARGETS.interactiveColdMs,
        detail: `${fmt(interactive.cold.paintedMs.p50, 0)} ms (warm ${fmt(interactive.warm.paintedMs.p50, 0)} ms)`,
      },
      {
        name: `web no frame over ${WEB_TARGETS.longestFrameMs} ms while an answer streams`,
        pass: streaming.frames.over50 === 0,
        detail: `longest ${fmt(streaming.frames.maxMs)} ms, ${streaming.frames.over50} of ${streaming.frames.count} over ${WEB_TARGETS.longestFrameMs} ms`,
      },
      {
        name: `web mean frame time < ${WEB_TARGETS.meanFrameWorkMs} ms while an answer streams (main-thread work per frame)`,
        pass: streaming.mainThread.workPerFrameMs < WEB_TARGETS.meanFrameWorkMs,
        detail: `${fmt(streaming.mainThread.workPerFrameMs)} ms of work per frame; frames ${fmt(streaming.frames.meanMs)} ms apart on average`,
      },
    );
    if (!browserCpus || browserCpus.includes(String(SUT_CPU))) notes.push(`web: Chromium was not kept off Switchboard's CPU ${SUT_CPU} (its CPUs: ${browserCpus ?? 'unknown'}).`);
    if (streaming.idleFrames.p50Ms > 20) notes.push(`web: the idle page drew a frame every ${fmt(streaming.idleFrames.p50Ms)} ms (median), not at 60 Hz: frame intervals are throttled, read the main-thread work instead.`);
    for (const [name, cpu] of Object.entries({ loads: interactive.cpu, streaming: streaming.cpu })) {
      if (cpu.switchboardPct > 90) notes.push(`web: Switchboard used ${fmt(cpu.switchboardPct, 0)}% of its core during the ${name}: it, not the browser, may be what the figures measure.`);
    }
    return { figures: { bundle, model: MODEL_WEB, conversation, viewport: VIEWPORT, browserCpus, chromium: browser.version(), interactive, streaming }, targets, notes };
  } finally {
    await browser?.close();
    await mock.close();
  }
}

/**
 * The composer's text box, by its accessible name in English (the contexts' locale), read from
 * the composer's texts so a new wording does not break the bench.
 */
function composerSelector() {
  const file = join(paths.root, 'packages/web/src/i18n/locales/composer/en.json');
  const label = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).composer?.label : undefined;
  if (!label) throw new Error(`web: no composer label in ${file}: the chat page is not in this tree`);
  return `textarea[aria-label=${JSON.stringify(label)}]`;
}

/**
 * Sends STREAM_QUESTION from the composer with the mock set to stream the long answer, and
 * records every frame from the key press until the answer's article says data-status="done".
 * Main-thread work comes from the DevTools protocol (Performance.getMetrics: TaskDuration is
 * the renderer main thread's busy time), divided by the frames drawn meanwhile.
 */
async function measureStream({ sb, token, tab, context, mock, conversation, composer }) {
  const long = longAnswerChunks();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  // One idle second first: does this headless Chromium draw at 60 Hz without a display?
  await tab.evaluate(startFrames);
  await sleep(1000);
  const idle = await tab.evaluate(stopFrames);

  mock.enqueue({ chunks: long.chunks, chunkDelayMs: CHUNK_DELAY_MS, usage: { prompt_tokens: 1200, completion_tokens: long.tokens } });
  const box = tab.locator(composer);
  await box.fill(STREAM_QUESTION);
  await tab.evaluate(startFrames);
  const metrics0 = await mainThreadMetrics(cdp);
  const cpu = cpuWatch(sb);
  const t0 = performance.now();
  const diagnostics = await startDiagnostics(cdp);
  await box.press('Enter');
  const answerId = await newLeaf(sb, token, conversation);
  await tab.locator(`article[data-message-id="${answerId}"][data-status="done"]`).waitFor({ state: 'attached', timeout: STREAM_TIMEOUT_MS });
  const elapsedMs = performance.now() - t0;
  await diagnostics();
  const rec = await tab.evaluate(stopFrames);
  const metrics1 = await mainThreadMetrics(cdp);
  const cpuUse = cpu();
  await cdp.detach();

  const frames = frameSummary(rec.intervals);
  const taskMs = metrics1.taskMs - metrics0.taskMs;
  return {
    answer: { messageId: answerId, tokens: long.tokens, chars: long.chars, chunks: long.chunks.length, chunkDelayMs: CHUNK_DELAY_MS },
    elapsedMs,
    frames,
    idleFrames: frameSummary(idle.intervals),
    mainThread: {
      taskMs,
      scriptMs: metrics1.scriptMs - metrics0.scriptMs,
      layoutMs: metrics1.layoutMs - metrics0.layoutMs,
      styleMs: metrics1.styleMs - metrics0.styleMs,
      busyPct: (100 * taskMs) / elapsedMs,
      workPerFrameMs: frames.count ? taskMs / frames.count : null,
    },
    longAnimationFrames: rec.loafSupported
      ? {
          count: rec.loaf.length,
          maxMs: Math.max(0, ...rec.loaf.map((l) => l.duration)),
          maxBlockingMs: Math.max(0, ...rec.loaf.map((l) => l.blocking)),
          longest: [...rec.loaf].sort((a, b) => b.duration - a.duration).slice(0, 5),
        }
      : null,
    longTasks: rec.longTaskSupported ? { count: rec.longTasks.length, maxMs: Math.max(0, ...rec.longTasks) } : null,
    cpu: cpuUse,
  };
}

/**
 * For finding what costs frames, not for the figures (both slow the page down): with
 * BENCH_WEB_PROFILE=<file> a V8 CPU profile of the page, with BENCH_WEB_TRACE=<file> a Chromium
 * trace (DevTools timeline events, JSON array), from the Enter key to the answer's end. Returns
 * the function that stops them and writes the files.
 */
async function startDiagnostics(cdp) {
  const profileFile = process.env.BENCH_WEB_PROFILE;
  const traceFile = process.env.BENCH_WEB_TRACE;
  const traceEvents = [];
  if (profileFile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  if (traceFile) {
    cdp.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  }
  return async () => {
    if (traceFile) {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      writeFileSync(traceFile, JSON.stringify(traceEvents));
    }
    if (profileFile) writeFileSync(profileFile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  };
}

/** The answer the browser's message started: the conversation's new leaf, read from the server. */
async function newLeaf(sb, token, conversation) {
  const deadline = performance.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const { current_leaf_id: leaf, messages } = await sb.api('GET', `/api/chat/conversations/${conversation.id}`, undefined, token);
    const message = messages.find((m) => m.id === leaf);
    if (leaf !== conversation.leafId && message?.role === 'assistant') return leaf;
    if (performance.now() > deadline) throw new Error('web: sending from the composer started no answer');
    await sleep(100);
  }
}

async function mainThreadMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const s = (name) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  return { taskMs: s('TaskDuration'), scriptMs: s('ScriptDuration'), layoutMs: s('LayoutDuration'), styleMs: s('RecalcStyleDuration') };
}

/** The CPUs Chromium's processes may run on (children of this process, which launched it). */
function chromiumAffinity() {
  const cpus = new Set();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (key) => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(status)?.[1];
      if (field('PPid') === String(process.pid) && /chrom/.test(field('Name'))) cpus.add(field('Cpus_allowed_list'));
    } catch {
      // The process ended while we looked.
    }
  }
  return cpus.size ? [...cpus].join(' ') : null;
}

/** Starts watching CPU use; the function returned gives how busy each core was since, and Switchboard's own share of its core. */
function cpuWatch(sb) {
  const at = performance.now();
  const cpus = cpuTimes();
  const sbMs = cpuMs(sb.pid);
  return () => {
    const now = cpuTimes();
    return {
      browserCoreBusyPct: busyPercent(cpus, now, String(LOADGEN_CPU)),
      switchboardCoreBusyPct: busyPercent(cpus, now, String(SUT_CPU)),
      switchboardPct: (100 * (cpuMs(sb.pid) - sbMs)) / (performance.now() - at),
    };
  };
}

function loadSummary(runs) {
  const of = (key) => quantiles(runs.map((r) => r[key]));
  return {
    readyMs: of('readyMs'),
    paintedMs: of('paintedMs'),
    responseEndMs: of('responseEndMs'),
    domContentLoadedMs: of('domContentLoadedMs'),
    dataMs: of('dataMs'),
    composerMs: of('composerMs'),
    lastMessageMs: of('lastMessageMs'),
    longestTaskMs: of('longestTaskMs'),
    transferKB: of('transferKB'),
    articles: of('articles'),
  };
}

function frameSummary(intervals) {
  const q = quantiles(intervals);
  return { count: intervals.length, meanMs: q.mean, p50Ms: q.p50, p95Ms: q.p95, maxMs: q.max, over50: intervals.filter((d) => d > WEB_TARGETS.longestFrameMs).length, missed: intervals.filter((d) => d > MISSED_FRAME_MS).length };
}

/** Median, p95 (nearest rank), max and mean of `values`. */
function quantiles(values) {
  const s = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const n = s.length;
  const q = (p) => (n === 0 ? null : s[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]);
  return { p50: n % 2 || n === 0 ? q(0.5) : (s[n / 2 - 1] + s[n / 2]) / 2, p95: q(0.95), max: n ? s[n - 1] : null, mean: mean(s) };
}

function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function fmt(v, digits = 1) {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—';
}
