// Summarises a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time, by
// inclusive time (Switchboard code only), and self time by package. Locations in compiled
// workspace code (packages/*/dist/*.js) are mapped back to the TypeScript source through
// the .js.map next to them.
//   node bench/cpuprofile.mjs <file.cpuprofile> [top=25] [skip-ms=0]   (skip: ignore the first ms, e.g. start-up, for long tasks)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// --- source maps (enough of the format for tsc output) -------------------------------
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const maps = new Map();

function decodeMappings(mappings) {
  const lines = [];
  let src = 0;
  let srcLine = 0;
  for (const line of mappings.split(';')) {
    const segs = [];
    let genCol = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const v = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          v.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      genCol += v[0];
      if (v.length >= 4) {
        src += v[1];
        srcLine += v[2];
        segs.push([genCol, src, srcLine]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

function loadMap(file) {
  if (maps.has(file)) return maps.get(file);
  let map = null;
  const mapFile = `${file}.map`;
  if (existsSync(mapFile)) {
    try {
      const json = JSON.parse(readFileSync(mapFile, 'utf8'));
      map = { sources: json.sources.map((s) => resolve(dirname(file), json.sourceRoot ?? '', s)), lines: decodeMappings(json.mappings) };
    } catch {
      map = null;
    }
  }
  maps.set(file, map);
  return map;
}

/** "path:line" for a call frame (0-based line/column as in the profile), source-mapped when possible. */
function locate(url, line, col) {
  if (!url) return '';
  if (url.startsWith('node:')) return `${url}:${line + 1}`;
  let file = url;
  if (url.startsWith('file://')) file = fileURLToPath(url);
  const map = /\/packages\/[^/]+\/dist\//.test(file) ? loadMap(file) : null;
  if (map) {
    const segs = map.lines[line] ?? [];
    let best;
    for (const s of segs) if (s[0] <= col) best = s;
    best ??= segs[0];
    if (best) return `${relative(root, map.sources[best[1]])}:${best[2] + 1}`;
  }
  const rel = file.startsWith(root) ? relative(root, file) : file;
  return `${rel}:${line + 1}`;
}

function categoryOf(frame) {
  const { url, functionName } = frame;
  if (!url) {
    if (/^\((garbage collector|program|idle|root)\)$/.test(functionName)) return functionName;
    return '(native / V8 builtins)';
  }
  if (url.startsWith('node:')) return 'node core';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return `npm: ${nm[1]}`;
  const ws = /\/packages\/([^/]+)\//.exec(url);
  if (ws) return `workspace: ${ws[1]}`;
  return 'other';
}

export function summarise(profile, top = 25) {
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Each sample lasts until the next one.
  const dur = new Float64Array(samples.length);
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    dur[i] = (i + 1 < timeDeltas.length ? timeDeltas[i + 1] : timeDeltas[i]) / 1000; // ms
    if (dur[i] < 0) dur[i] = 0;
    total += dur[i];
  }
  const keyOf = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'}\u0000${f.url}\u0000${f.lineNumber}\u0000${f.columnNumber}`;
  };
  const fn = new Map(); // key -> { name, frame, self, incl }
  const entry = (n) => {
    const k = keyOf(n);
    let e = fn.get(k);
    if (!e) fn.set(k, (e = { name: n.callFrame.functionName || '(anonymous)', frame: n.callFrame, self: 0, incl: 0 }));
    return e;
  };
  const stacks = new Map(); // node id -> unique entries on its stack
  const stackOf = (id) => {
    let s = stacks.get(id);
    if (s) return s;
    const set = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) set.add(entry(byId.get(cur)));
    s = [...set];
    stacks.set(id, s);
    return s;
  };
  const cats = new Map();
  let idle = 0;
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i]);
    entry(n).self += dur[i];
    const c = categoryOf(n.callFrame);
    if (c === '(idle)') idle += dur[i];
    cats.set(c, (cats.get(c) ?? 0) + dur[i]);
    for (const e of stackOf(samples[i])) e.incl += dur[i];
  }
  const busy = total - idle;
  const row = (e, v) => ({
    ms: Math.round(v),
    pctOfBusy: (100 * v) / busy,
    function: e.name,
    location: locate(e.frame.url, e.frame.lineNumber, e.frame.columnNumber),
    category: categoryOf(e.frame),
  });
  const all = [...fn.values()];
  const selfTop = all
    .filter((e) => e.name !== '(idle)')
    .sort((a, b) => b.self - a.self)
    .slice(0, top)
    .map((e) => row(e, e.self));
  const appIncl = all
    .filter((e) => /\/packages\/(server|protocol)\/dist\//.test(e.frame.url))
    .sort((a, b) => b.incl - a.incl)
    .slice(0, top)
    .map((e) => row(e, e.incl));
  const categories = [...cats.entries()]
    .filter(([c]) => c !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .map(([category, v]) => ({ category, ms: Math.round(v), pctOfBusy: (100 * v) / busy }));
  return { totalMs: Math.round(total), busyMs: Math.round(busy), idleMs: Math.round(idle), samples: samples.length, selfTop, appInclusiveTop: appIncl, categories };
}

/**
 * Stretches of uninterrupted work (no idle sample) longer than `thresholdMs`: while one runs,
 * the event loop answers nothing, so these are what a latency tail is made of. Reports how
 * many there were and which functions (inclusive) the time inside them went to.
 */
export function longTasks(profile, thresholdMs = 10, top = 20, fromMs = 0) {
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isIdle = (id) => byId.get(id).callFrame.functionName === '(idle)';
  const stretches = [];
  let cur;
  let at = 0; // ms since the profile started
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] / 1000;
    const dt = (i + 1 < timeDeltas.length ? Math.max(0, timeDeltas[i + 1]) : 0) / 1000;
    if (at < fromMs) continue;
    if (isIdle(samples[i])) {
      if (cur) stretches.push(cur);
      cur = undefined;
      continue;
    }
    cur ??= { ms: 0, samples: [] };
    cur.ms += dt;
    cur.samples.push([samples[i], dt]);
  }
  if (cur) stretches.push(cur);
  const long = stretches.filter((s) => s.ms >= thresholdMs);
  const incl = new Map();
  const self = new Map();
  const label = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'}  ${locate(f.url, f.lineNumber, f.columnNumber) || '[native]'}`;
  };
  let total = 0;
  for (const s of long) {
    for (const [id, dt] of s.samples) {
      total += dt;
      const n = byId.get(id);
      self.set(label(n), (self.get(label(n)) ?? 0) + dt);
      const seen = new Set();
      for (let c = id; c !== undefined; c = parent.get(c)) {
        const l = label(byId.get(c));
        if (seen.has(l)) continue;
        seen.add(l);
        incl.set(l, (incl.get(l) ?? 0) + dt);
      }
    }
  }
  const rank = (m) =>
    [...m.entries()]
      .filter(([l]) => !/^\((root|program|idle)\)/.test(l))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms: Math.round(ms), pct: (100 * ms) / total }));
  const durs = long.map((s) => s.ms).sort((a, b) => a - b);
  return {
    thresholdMs,
    fromMs,
    count: long.length,
    totalMs: Math.round(total),
    longestMs: durs.length ? Math.round(durs[durs.length - 1]) : 0,
    medianMs: durs.length ? Math.round(durs[durs.length >> 1]) : 0,
    inclusiveTop: rank(incl),
    selfTop: rank(self),
  };
}

export function renderLongTasks(t) {
  const out = [
    `Long tasks (≥ ${t.thresholdMs} ms without an idle sample${t.fromMs ? `, from ${(t.fromMs / 1000).toFixed(1)} s after start` : ''}): ` +
      `${t.count}, ${t.totalMs} ms in all, median ${t.medianMs} ms, longest ${t.longestMs} ms`,
  ];
  if (!t.count) return out.join('\n');
  out.push('  inclusive time inside them:');
  for (const r of t.inclusiveTop) out.push(`  ${r.pct.toFixed(1).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}`);
  out.push('  self time inside them:');
  for (const r of t.selfTop.slice(0, 12)) out.push(`  ${r.pct.toFixed(1).padStart(5)}%  ${String(r.ms).padStart(6)} ms  ${r.fn}`);
  return out.join('\n');
}

/** `requests`, when given, adds a µs-per-request column to the package breakdown. */
export function renderSummary(s, requests) {
  const out = [];
  const p = (v) => `${v.toFixed(1).padStart(5)}%`;
  const per = (ms) => (requests ? `${((ms * 1000) / requests).toFixed(1).padStart(6)} µs/req  ` : '');
  out.push(
    `profile: ${s.samples} samples, ${s.totalMs} ms, busy ${s.busyMs} ms (idle ${s.idleMs} ms)` +
      `${requests ? `, ${requests} requests = ${((s.busyMs * 1000) / requests).toFixed(0)} µs busy/req` : ''}; percentages are of busy time`,
  );
  out.push('');
  out.push('Self time by package');
  for (const c of s.categories.slice(0, 15)) out.push(`  ${p(c.pctOfBusy)}  ${String(c.ms).padStart(6)} ms  ${per(c.ms)}${c.category}`);
  out.push('');
  out.push('Top functions by self time');
  for (const r of s.selfTop) out.push(`  ${p(r.pctOfBusy)}  ${String(r.ms).padStart(6)} ms  ${r.function.padEnd(34)} ${r.location || `[${r.category}]`}`);
  if (!s.appInclusiveTop.length) return out.join('\n');
  out.push('');
  out.push('Switchboard functions by inclusive time');
  for (const r of s.appInclusiveTop) out.push(`  ${p(r.pctOfBusy)}  ${String(r.ms).padStart(6)} ms  ${r.function.padEnd(34)} ${r.location}`);
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/cpuprofile.mjs <file.cpuprofile> [top]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  console.log(renderSummary(summarise(profile, Number(process.argv[3] ?? 25))));
  console.log('');
  console.log(renderLongTasks(longTasks(profile, 10, 20, Number(process.argv[4] ?? 0))));
}
