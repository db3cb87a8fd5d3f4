// Switchboard performance harness: direct vs floor vs Switchboard, interleaved, pinned; then
// the chat phase: time to first token through a chat job vs /v1, memory per idle attached client;
// then the web phase: the chat page in Chromium (bundle size, time to interactive, frames while streaming).
//   npm run bench                      (10 s per cell, 2 trials)
//   BENCH_SECONDS=3 npm run bench      (quick look)
//   BENCH_ONLY=chat npm run bench      (the chat phase only, about a minute)
//   BENCH_ONLY=web npm run bench       (the web phase only, about a minute)
// Env: BENCH_SECONDS (default 10), BENCH_TRIALS (default 2, 1 when BENCH_SECONDS < 5),
//      BENCH_WARMUP seconds (default min(1, max(0.5, BENCH_SECONDS/5))), BENCH_ONLY=chat|web,
//      BENCH_CHAT_SAMPLES (time-to-first-token samples per path, default 200),
//      BENCH_CHAT_CLIENTS (idle clients attached to one answer, default 1000),
//      BENCH_WEB_RUNS (cold and warm loads of the chat page, each, default 5).
// Writes bench/results/latest.json and prints a table with the targets. Exit code 0 even
// when a target fails (this is a report); non-zero only when the harness itself broke.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureChatTtft, measureIdleClients, signInRoot } from './chat.mjs';
import { WEB_TARGETS, measureWeb } from './web.mjs';
import { cleanup, busyPercent, cpuMs, foreignPercent, cpuTimes, fileSize, killNowSync, machineInfo, makeTempDir, memoryMB, pinSelf, readLog, sleep, startLoadgen, tail } from './procs.mjs';
import { ANTHROPIC_DONE, LOADGEN_CPU, MODEL_FAST, MODEL_SLOW, MOCK_CPU, PRICED_MODEL_OF, SUT_CPU, anthropicBody, benchDatabases, chatBody, checkPath, paths, startFloor, startHeldUpstream, startMock, startSwitchboard } from './systems.mjs';

const num = (v, d) => (v === undefined || v === '' ? d : Number(v));
const SECONDS = num(process.env.BENCH_SECONDS, 10);
const TRIALS = num(process.env.BENCH_TRIALS, SECONDS >= 5 ? 2 : 1);
const WARMUP = num(process.env.BENCH_WARMUP, Math.min(1, Math.max(0.5, SECONDS / 5)));
const CONCURRENCY = 50;
const RATES = [100, 300, 500];
const OPEN_LATENCY_MS = 20;
/**
 * direct: the mock itself; floor: a bare relay; switchboard: root's key on a free model (no
 * billing); priced: a normal user's key, with a spending cap and RPM/TPM limits, on a priced model
 * (reserve, settle, usage row): the path paying users take, and the headline. With
 * TEST_POSTGRES_URL (+ TEST_REDIS_URL) or TEST_MYSQL_URL set, `priced@<database>` runs the same
 * path on a Switchboard over that database, in the cells the targets name.
 */
const SYSTEMS = ['direct', 'floor', 'switchboard', 'priced'];
/** The cells the other databases run in: the req/s and the added p99 the targets hold them to. */
const DATABASE_CELLS = ['closed-json', 'open-500'];
/** CPU used by other processes during a measurement (% of one core) above which the run is flagged. */
const FOREIGN_LIMIT_PCT = 10;
const TARGETS = { rpsRatio: 0.6, addedP99Ms: 2, addedAtRate: 500, idleRssMB: 100 };
/** Issue 10's targets for the paying path on PostgreSQL + Redis and MariaDB. */
const DATABASE_TARGETS = { rpsRatio: 0.4, addedP99Ms: 5 };
/** Conversion phase: an Anthropic caller served by an OpenAI upstream, against the same call in OpenAI's format. */
const CONVERSION_RATE = 300;
const CONVERSION_PATHS = ['direct', 'sb-openai', 'sb-anthropic'];
/** Chat phase: first-token samples per path (on the 20 ms mock), and idle clients attached to one answer. */
const CHAT_SAMPLES = num(process.env.BENCH_CHAT_SAMPLES, 200);
const CHAT_CLIENTS = num(process.env.BENCH_CHAT_CLIENTS, 1000);
/** Web phase: cold loads, and warm reloads, of the chat page; the median of each is reported. */
const WEB_RUNS = num(process.env.BENCH_WEB_RUNS, 5);
/** BENCH_ONLY=chat or web: only that phase and the set-up it needs (no floors, no load generator). */
const ONLY = process.env.BENCH_ONLY || null;
const RUN_CHAT = ONLY !== 'web';
const RUN_WEB = ONLY !== 'chat';
const MODEL_OF = { fast: MODEL_FAST, slow: MODEL_SLOW };

if (!(SECONDS > 0) || !(TRIALS >= 1) || !(WARMUP >= 0)) {
  console.error('BENCH_SECONDS, BENCH_TRIALS and BENCH_WARMUP must be positive numbers');
  process.exit(2);
}
if (!(Number.isInteger(CHAT_SAMPLES) && CHAT_SAMPLES >= 1) || !(Number.isInteger(CHAT_CLIENTS) && CHAT_CLIENTS >= 1)) {
  console.error('BENCH_CHAT_SAMPLES and BENCH_CHAT_CLIENTS must be positive integers');
  process.exit(2);
}
if (!(Number.isInteger(WEB_RUNS) && WEB_RUNS >= 1)) {
  console.error('BENCH_WEB_RUNS must be a positive integer');
  process.exit(2);
}
if (![null, 'chat', 'web'].includes(ONLY)) {
  console.error('BENCH_ONLY takes one of: chat, web');
  process.exit(2);
}

const CELLS = [
  { id: 'closed-json', title: 'non-stream', mode: 'closed', stream: false, upstream: 'fast' },
  { id: 'closed-stream', title: 'stream', mode: 'closed', stream: true, upstream: 'fast' },
  ...RATES.map((rate) => ({ id: `open-${rate}`, title: `${rate}/s`, mode: 'open', rate, stream: false, upstream: 'slow' })),
];
/** The systems measured in a cell: the four, and the other databases' paying path where the targets need it. */
const systemsIn = (cell, databaseSystems) => [...SYSTEMS, ...(DATABASE_CELLS.includes(cell.id) ? databaseSystems : [])];
const relayMeasurements = (databaseSystems) => (CELLS.reduce((a, cell) => a + systemsIn(cell, databaseSystems).length, 0) + CONVERSION_PATHS.length) * TRIALS;

const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${sig}: stopping everything…`);
    void cleanup(1500).finally(() => process.exit(130));
  });
}
process.on('exit', killNowSync);

async function main() {
  const started = Date.now();
  pinSelf(LOADGEN_CPU);
  // Other work on the machine skews every figure: record how busy the CPUs were just before.
  await sleep(300); // let the build step before us finish settling
  const bg0 = cpuTimes();
  await sleep(1000);
  const bg1 = cpuTimes();
  const background = { cpu0BusyPct: busyPercent(bg0, bg1, '0'), cpu1BusyPct: busyPercent(bg0, bg1, '1') };
  if (Math.max(background.cpu0BusyPct ?? 0, background.cpu1BusyPct ?? 0) > 10) {
    log(`warning: the machine is not idle (CPU0 ${fmt(background.cpu0BusyPct, 0)}%, CPU1 ${fmt(background.cpu1BusyPct, 0)}% busy before start)`);
  }
  const tmp = makeTempDir();
  const databases = ONLY ? [] : await benchDatabases();
  const databaseSystems = databases.map((d) => `priced@${d.id}`);
  const measurements = relayMeasurements(databaseSystems);
  if (ONLY) log(`bench: the ${ONLY} phase only (BENCH_ONLY=${ONLY}), about a minute`);
  else log(`bench: ${measurements} measurements × (${WARMUP}s warm-up + ${SECONDS}s) ≈ ${Math.ceil((measurements * (WARMUP + SECONDS + 0.3)) / 60)} min, then the chat and web phases (about a minute each)`);

  // --- start everything -------------------------------------------------------------
  const mockFast = await startMock(tmp, 0);
  const mockSlow = await startMock(tmp, OPEN_LATENCY_MS);
  const floorFast = ONLY ? null : await startFloor(tmp, mockFast.origin, 'fast');
  const floorSlow = ONLY ? null : await startFloor(tmp, mockSlow.origin, 'slow');
  const sb = await startSwitchboard(tmp, { fastOrigin: mockFast.origin, slowOrigin: mockSlow.origin });
  // The same Switchboard over each other database; only one is under load at a time.
  const sbOn = {};
  for (const database of databases) {
    sbOn[`priced@${database.id}`] = await startSwitchboard(tmp, { fastOrigin: mockFast.origin, slowOrigin: mockSlow.origin, env: database.env, name: `switchboard-${database.id}` });
  }
  const held = RUN_CHAT ? await startHeldUpstream(tmp) : null;
  const lg = ONLY ? null : await startLoadgen(paths.loadgen, LOADGEN_CPU);
  const procs = { mockFast, mockSlow, sb, ...sbOn, ...(held ? { held } : {}), ...(ONLY ? {} : { floorFast, floorSlow }) };

  const origins = {
    direct: { fast: mockFast.origin, slow: mockSlow.origin },
    ...(ONLY ? {} : { floor: { fast: floorFast.origin, slow: floorSlow.origin } }),
    switchboard: { fast: sb.origin, slow: sb.origin },
    priced: { fast: sb.origin, slow: sb.origin },
    ...Object.fromEntries(Object.entries(sbOn).map(([system, p]) => [system, { fast: p.origin, slow: p.origin }])),
  };

  // Every path must answer correctly before anything is measured.
  for (const system of Object.keys(origins)) {
    const paying = system.startsWith('priced');
    const key = paying ? (sbOn[system] ?? sb).userKey : sb.apiKey;
    for (const up of ['fast', 'slow']) {
      for (const stream of [false, true]) await checkPath(system, origins[system][up], key, (paying ? PRICED_MODEL_OF : MODEL_OF)[up], stream);
    }
  }
  await sleep(1200); // let the set-up usage rows flush before the idle reading
  const idle = { switchboard: memoryMB(sb.pid), ...(floorFast ? { floor: memoryMB(floorFast.pid) } : {}), switchboardBeforeSetup: sb.memoryAtStart };
  log(`set-up done; switchboard idle RSS ${idle.switchboard.rss.toFixed(1)} MB`);

  const assertAlive = () => {
    for (const p of Object.values(procs)) {
      if (p.exited) throw new Error(`${p.name} exited (${p.exitCode}) during the run:\n${tail(readLog(p.logFile))}`);
    }
  };
  // CPU time of every process the bench started, and of itself: what is left of the machine's is someone else's.
  const ourPids = [...Object.values(procs).map((p) => p.pid), ...(lg ? [lg.pid] : []), process.pid];
  const ourCpuMs = () => ourPids.reduce((a, pid) => a + cpuMs(pid), 0);

  const relay = ONLY ? null : await measureRelay({ procs, sbOn, databaseSystems, lg, origins, idle, assertAlive, ourCpuMs });
  if (interrupted) return;
  // After the relay's memory reading, so its figures stay comparable with runs before the chat phase existed.
  const chat = RUN_CHAT ? await measureChat({ sb, held, assertAlive, ourCpuMs }) : null;
  if (interrupted) return;
  // Last, so the figures above are read as before the web phase existed.
  const web = RUN_WEB ? await measureWeb({ sb, token: await signInRoot(sb), runs: WEB_RUNS, assertAlive, log }) : null;
  if (interrupted) return;

  const notes = [];
  if (Math.max(background.cpu0BusyPct ?? 0, background.cpu1BusyPct ?? 0) > 10) {
    notes.push(`the machine was not idle before the run (CPU0 ${fmt(background.cpu0BusyPct, 0)}%, CPU1 ${fmt(background.cpu1BusyPct, 0)}% busy): figures are unreliable.`);
  }
  notes.push(...(relay?.notes ?? []), ...(chat?.notes ?? []), ...(web?.notes ?? []));

  const machine = machineInfo();
  const result = {
    only: ONLY,
    ...(relay ? { conversion: relay.conversion, databaseSystems } : {}),
    ...(chat ? { chat: chat.figures } : {}),
    ...(web ? { web: web.figures } : {}),
    machine,
    config: {
      seconds: SECONDS,
      trials: TRIALS,
      warmupSeconds: WARMUP,
      concurrency: CONCURRENCY,
      rates: RATES,
      openLoopMockLatencyMs: OPEN_LATENCY_MS,
      chat: { samples: CHAT_SAMPLES, clients: CHAT_CLIENTS, model: MODEL_SLOW },
      web: { runs: WEB_RUNS },
      pinning: { sut: SUT_CPU, mock: MOCK_CPU, loadgen: LOADGEN_CPU, orchestrator: LOADGEN_CPU },
      switchboard: { database: 'sqlite', otherDatabases: databases.map((d) => d.id), logLevel: 'info', usageFlushMs: 1000 },
    },
    durationSec: (Date.now() - started) / 1000,
    backgroundBeforeRun: background,
    memoryMB: { idle, ...(relay ? { afterLoad: relay.afterLoad } : {}) },
    ...(relay ? { summary: relay.summary } : {}),
    targets: [...(relay?.targets ?? []), ...(web?.targets ?? [])],
    notes,
    ...(relay ? { raw: relay.raw } : {}),
  };
  const outDir = join(paths.root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(outDir, 'latest.json'), json);
  // A dated copy too, to compare runs before and after a change (both git-ignored).
  writeFileSync(join(outDir, `run-${machine.date.replace(/[:.]/g, '-')}-${ONLY ?? `${SECONDS}s`}.json`), json);
  process.stdout.write(render(result));
  for (const database of databases) await database.drop().catch((err) => log(`could not drop the bench database (${database.id}): ${err.message}`));
}

// --- relay: direct vs floor vs Switchboard (free and priced), then conversion ---------------

/** The relay phases, interleaved; the figures, their summary, the targets and notes on them. */
async function measureRelay({ procs, sbOn, databaseSystems, lg, origins, idle, assertAlive, ourCpuMs }) {
  const { mockFast, mockSlow, floorFast, floorSlow, sb } = procs;
  const sutOf = {
    direct: { fast: null, slow: null },
    floor: { fast: floorFast, slow: floorSlow },
    switchboard: { fast: sb, slow: sb },
    priced: { fast: sb, slow: sb },
    ...Object.fromEntries(Object.entries(sbOn).map(([system, p]) => [system, { fast: p, slow: p }])),
  };
  const mockOf = { fast: mockFast, slow: mockSlow };
  const count = relayMeasurements(databaseSystems);

  // CPU and log counters around a measurement; a process that vanished is reported by name.
  const sample = async (sut, mock) => {
    try {
      const ours = ourCpuMs();
      return { at: performance.now(), sut: sut ? cpuMs(sut.pid) : 0, mock: cpuMs(mock.pid), ours, cpus: cpuTimes(), log: sut?.logFile ? fileSize(sut.logFile) : 0 };
    } catch (err) {
      await sleep(200);
      assertAlive();
      throw err;
    }
  };

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${sb.apiKey}` };
  const payingHeaders = (system) => ({ 'content-type': 'application/json', authorization: `Bearer ${(sbOn[system] ?? sb).userKey}` });
  const specFor = (cell, system) => ({
    origin: origins[system][cell.upstream],
    path: '/v1/chat/completions',
    headers: system.startsWith('priced') ? payingHeaders(system) : headers,
    body: chatBody((system.startsWith('priced') ? PRICED_MODEL_OF : MODEL_OF)[cell.upstream], cell.stream),
    stream: cell.stream,
    mode: cell.mode,
    concurrency: CONCURRENCY,
    rate: cell.rate,
  });

  // --- measure, interleaved ----------------------------------------------------------
  const raw = [];
  let n = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    for (const cell of CELLS) {
      const systems = systemsIn(cell, databaseSystems);
      const order = systems.map((_, i) => systems[(i + trial + CELLS.indexOf(cell)) % systems.length]);
      for (const system of order) {
        if (interrupted) return;
        assertAlive();
        const spec = specFor(cell, system);
        const sut = sutOf[system][cell.upstream];
        const mock = mockOf[cell.upstream];
        if (WARMUP > 0) await lg.call('warmup', { ...spec, seconds: WARMUP, keep: true });
        const before = await sample(sut, mock);
        const r = await lg.call('measure', { ...spec, seconds: SECONDS, keep: false });
        const after = await sample(sut, mock);
        const sutCpuMs = sut ? after.sut - before.sut : null;
        const m = {
          trial,
          cell: cell.id,
          system,
          ...r,
          rps: r.ok / (r.elapsedMs / 1000),
          sutCpuMs,
          sutCpuUsPerReq: sut && r.ok ? (sutCpuMs * 1000) / r.ok : null,
          mockCpuMs: after.mock - before.mock,
          cpu0BusyPct: busyPercent(before.cpus, after.cpus, String(LOADGEN_CPU)),
          cpu1BusyPct: busyPercent(before.cpus, after.cpus, String(SUT_CPU)),
          logBytesPerReq: sut?.logFile && r.ok ? (after.log - before.log) / r.ok : null,
          foreignCpuPct: foreignPercent(before.cpus, after.cpus, after.ours - before.ours, after.at - before.at),
        };
        raw.push(m);
        n++;
        const fails = r.non2xx + r.failedStreams + r.errors;
        log(
          `[${String(n).padStart(2)}/${count}] t${trial + 1} ${cell.id.padEnd(13)} ${system.padEnd(22)} ` +
            `${fmt(m.rps, 0).padStart(6)} req/s  p50 ${fmt(r.latencyMs.p50, 2).padStart(6)} ms  p99 ${fmt(r.latencyMs.p99, 2).padStart(6)} ms` +
            `${m.sutCpuUsPerReq !== null ? `  cpu ${fmt(m.sutCpuUsPerReq, 0)} µs/req` : ''}${fails ? `  FAILURES ${fails} (${r.firstError ?? JSON.stringify(r.statuses)})` : ''}` +
            `${m.foreignCpuPct > FOREIGN_LIMIT_PCT ? `  [other processes used ${fmt(m.foreignCpuPct, 0)}% of a core]` : ''}`,
        );
      }
    }
  }

  // --- conversion cost: Anthropic in → OpenAI upstream, stream, open loop -----------------
  const conversionSpec = {
    direct: specFor({ mode: 'open', rate: CONVERSION_RATE, stream: true, upstream: 'slow' }, 'direct'),
    'sb-openai': specFor({ mode: 'open', rate: CONVERSION_RATE, stream: true, upstream: 'slow' }, 'switchboard'),
    'sb-anthropic': {
      origin: sb.origin,
      path: '/v1/messages',
      headers: { 'content-type': 'application/json', 'x-api-key': sb.apiKey, 'anthropic-version': '2023-06-01' },
      body: anthropicBody(MODEL_SLOW),
      stream: true,
      doneMarker: ANTHROPIC_DONE,
      mode: 'open',
      rate: CONVERSION_RATE,
      concurrency: CONCURRENCY,
    },
  };
  const conversionRaw = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const order = CONVERSION_PATHS.map((_, i) => CONVERSION_PATHS[(i + trial) % CONVERSION_PATHS.length]);
    for (const path of order) {
      if (interrupted) return;
      assertAlive();
      const spec = conversionSpec[path];
      const sut = path === 'direct' ? null : sb;
      if (WARMUP > 0) await lg.call('warmup', { ...spec, seconds: WARMUP, keep: true });
      const before = await sample(sut, mockSlow);
      const r = await lg.call('measure', { ...spec, seconds: SECONDS, keep: false });
      const after = await sample(sut, mockSlow);
      conversionRaw.push({ trial, path, ...r, sutCpuUsPerReq: sut && r.ok ? ((after.sut - before.sut) * 1000) / r.ok : null });
      n++;
      const fails = r.non2xx + r.failedStreams + r.errors;
      log(
        `[${String(n).padStart(2)}/${count}] t${trial + 1} conversion    ${path.padEnd(12)} p50 ${fmt(r.latencyMs.p50, 2).padStart(6)} ms  p99 ${fmt(r.latencyMs.p99, 2).padStart(6)} ms` +
          `${fails ? `  FAILURES ${fails} (${r.firstError ?? JSON.stringify(r.statuses)})` : ''}`,
      );
    }
  }
  const conversion = {};
  for (const path of CONVERSION_PATHS) {
    const rows = conversionRaw.filter((r) => r.path === path);
    const added = (f) =>
      median(rows.map((r) => {
        const d = conversionRaw.find((x) => x.path === 'direct' && x.trial === r.trial);
        return d ? f(r) - f(d) : null;
      }));
    conversion[path] = {
      p50: median(rows.map((r) => r.latencyMs.p50)),
      p99: median(rows.map((r) => r.latencyMs.p99)),
      addedP50: path === 'direct' ? null : added((r) => r.latencyMs.p50),
      addedP99: path === 'direct' ? null : added((r) => r.latencyMs.p99),
      sutCpuUsPerReq: median(rows.map((r) => r.sutCpuUsPerReq)),
      ok: sum(rows.map((r) => r.ok)),
      failed: sum(rows.map((r) => r.non2xx + r.failedStreams + r.errors)),
    };
  }

  assertAlive();
  await sleep(1500); // last usage flush
  const afterLoad = { switchboard: memoryMB(sb.pid), floor: memoryMB(floorFast.pid) };

  // --- summarise ---------------------------------------------------------------------
  const summary = {};
  for (const cell of CELLS) {
    summary[cell.id] = {};
    for (const system of systemsIn(cell, databaseSystems)) {
      const rows = raw.filter((r) => r.cell === cell.id && r.system === system);
      const med = (f) => median(rows.map(f));
      summary[cell.id][system] = {
        trials: rows.length,
        rps: med((r) => r.rps),
        rpsMin: Math.min(...rows.map((r) => r.rps)),
        rpsMax: Math.max(...rows.map((r) => r.rps)),
        p50: med((r) => r.latencyMs.p50),
        p99: med((r) => r.latencyMs.p99),
        sutCpuUsPerReq: med((r) => r.sutCpuUsPerReq),
        cpu0BusyPct: med((r) => r.cpu0BusyPct),
        cpu1BusyPct: med((r) => r.cpu1BusyPct),
        logBytesPerReq: med((r) => r.logBytesPerReq),
        ok: sum(rows.map((r) => r.ok)),
        non2xx: sum(rows.map((r) => r.non2xx)),
        failedStreams: sum(rows.map((r) => r.failedStreams)),
        errors: sum(rows.map((r) => r.errors)),
      };
      if (cell.mode === 'open' && system !== 'direct') {
        const added = (f) =>
          median(
            rows.map((r) => {
              const d = raw.find((x) => x.cell === cell.id && x.system === 'direct' && x.trial === r.trial);
              return d ? f(r) - f(d) : null;
            }),
          );
        summary[cell.id][system].addedP50 = added((r) => r.latencyMs.p50);
        summary[cell.id][system].addedP99 = added((r) => r.latencyMs.p99);
      }
    }
  }

  const s = summary;
  const failedStreamsSb = sum(CELLS.map((c) => s[c.id].switchboard.failedStreams + s[c.id].priced.failedStreams));
  const ratio = (cell, system) => s[cell][system].rps / s[cell].floor.rps;
  const at = `open-${TARGETS.addedAtRate}`;
  const rpsTarget = (system, cell, label, share) => ({
    name: `${system} req/s ≥ ${pct(share)} of floor, ${label}`,
    pass: ratio(cell, system) >= share,
    detail: `${fmt(s[cell][system].rps, 0)} vs ${fmt(s[cell].floor.rps, 0)} req/s = ${pct(ratio(cell, system))}; CPU ${fmt(s[cell][system].sutCpuUsPerReq, 0)} vs ${fmt(s[cell].floor.sutCpuUsPerReq, 0)} µs/req`,
  });
  const p99Target = (system, limitMs) => ({
    name: `${system} added p99 ≤ ${limitMs} ms at ${TARGETS.addedAtRate} req/s`,
    pass: s[at][system].addedP99 <= limitMs,
    detail: `${fmt(s[at][system].addedP99, 2)} ms (floor ${fmt(s[at].floor.addedP99, 2)} ms)`,
  });
  const targets = [
    // The headline: the paying path (a normal user's limited key on a priced model).
    rpsTarget('priced', 'closed-json', 'non-stream', TARGETS.rpsRatio),
    rpsTarget('priced', 'closed-stream', 'stream', TARGETS.rpsRatio),
    p99Target('priced', TARGETS.addedP99Ms),
    ...databaseSystems.flatMap((system) => [rpsTarget(system, 'closed-json', 'non-stream', DATABASE_TARGETS.rpsRatio), p99Target(system, DATABASE_TARGETS.addedP99Ms)]),
    // The free path (root's key, no billing): the relay alone.
    rpsTarget('switchboard', 'closed-json', 'non-stream', TARGETS.rpsRatio),
    rpsTarget('switchboard', 'closed-stream', 'stream', TARGETS.rpsRatio),
    p99Target('switchboard', TARGETS.addedP99Ms),
    {
      name: `switchboard idle RSS ≤ ${TARGETS.idleRssMB} MB`,
      pass: idle.switchboard.rss <= TARGETS.idleRssMB,
      detail: `${fmt(idle.switchboard.rss, 1)} MB`,
    },
    {
      name: 'zero failed streams (switchboard, free and priced)',
      pass: failedStreamsSb === 0,
      detail: `${failedStreamsSb} failed of ${s['closed-stream'].switchboard.ok + s['closed-stream'].priced.ok + failedStreamsSb}`,
    },
  ];

  const notes = [];
  const disturbed = raw.filter((r) => r.foreignCpuPct > FOREIGN_LIMIT_PCT);
  if (disturbed.length) {
    const worst = disturbed.reduce((a, b) => (b.foreignCpuPct > a.foreignCpuPct ? b : a));
    notes.push(
      `${disturbed.length} of ${raw.length} measurements had other processes using > ${FOREIGN_LIMIT_PCT}% of a core ` +
        `(worst ${fmt(worst.foreignCpuPct, 0)}%, ${worst.cell}/${worst.system} trial ${worst.trial + 1}): those figures are unreliable; re-run on an idle machine.`,
    );
  }
  for (const cell of ['closed-json', 'closed-stream']) {
    const d = s[cell].direct.rps;
    const f = s[cell].floor.rps;
    if (!(d >= 1.25 * f)) {
      notes.push(
        `${cell}: direct (${fmt(d, 0)} req/s) is not clearly above floor (${fmt(f, 0)} req/s): CPU ${LOADGEN_CPU} (load generator + mock) ` +
          `may be what limits floor's req/s, so the req/s ratio understates the gap; compare CPU/req (measured on the system alone).`,
      );
    }
    for (const system of ['switchboard', 'priced']) {
      const cpuRatio = s[cell][system].sutCpuUsPerReq / s[cell].floor.sutCpuUsPerReq;
      if (cpuRatio > 2) notes.push(`${cell}: ${system} CPU/request is ${fmt(cpuRatio, 1)}× the floor's (profile it: node bench/profile.mjs).`);
    }
  }
  for (const cell of CELLS) {
    for (const system of ['direct', 'floor']) {
      const x = s[cell.id][system];
      if (x.non2xx + x.failedStreams + x.errors > 0) notes.push(`${cell.id}/${system}: ${x.non2xx} non-2xx, ${x.failedStreams} failed streams, ${x.errors} errors: harness or mock problem.`);
    }
    for (const system of systemsIn(cell, databaseSystems).filter((name) => name !== 'direct' && name !== 'floor')) {
      const x = s[cell.id][system];
      if (x.non2xx + x.errors > 0) notes.push(`${cell.id}/${system}: ${x.non2xx} non-2xx, ${x.errors} errors (first: ${raw.find((r) => r.cell === cell.id && r.system === system && r.firstError)?.firstError ?? JSON.stringify(raw.find((r) => r.cell === cell.id && r.system === system)?.statuses)}).`);
    }
  }
  for (const rate of RATES) {
    const late = Math.max(...raw.filter((r) => r.cell === `open-${rate}`).map((r) => r.maxSendLateMs ?? 0));
    if (late > 5) notes.push(`open-${rate}: the load generator sent up to ${fmt(late, 1)} ms late (counted in latency, since latency is measured from the scheduled time).`);
  }

  return { raw, summary, conversion, afterLoad, targets, notes };
}

// --- chat: time to first token through a job vs /v1, memory per idle attached client -------

async function measureChat({ sb, held, assertAlive, ourCpuMs }) {
  assertAlive();
  const token = await signInRoot(sb);
  log(`chat: time to first token, ${CHAT_SAMPLES} samples per path (${MODEL_SLOW} on the ${OPEN_LATENCY_MS} ms mock)…`);
  const before = { at: performance.now(), ours: ourCpuMs(), cpus: cpuTimes() };
  const ttft = await measureChatTtft({ sb, token, model: MODEL_SLOW, samples: CHAT_SAMPLES });
  ttft.foreignCpuPct = foreignPercent(before.cpus, cpuTimes(), ourCpuMs() - before.ours, performance.now() - before.at);
  log(
    `chat: first token p50 ${fmt(ttft.chat.p50, 2)} ms chat job, ${fmt(ttft.v1.p50, 2)} ms /v1; p99 ${fmt(ttft.chat.p99, 2)} / ${fmt(ttft.v1.p99, 2)} ms` +
      `${ttft.chat.failed + ttft.v1.failed ? `  FAILURES chat ${ttft.chat.failed}, /v1 ${ttft.v1.failed}` : ''}`,
  );
  assertAlive();
  log(`chat: ${CHAT_CLIENTS} idle clients attaching to one held answer…`);
  const idleClients = await measureIdleClients({ sb, held, token, clients: CHAT_CLIENTS });
  log(`chat: ${idleClients.started} attached, RSS +${fmt(idleClients.addedMB, 1)} MB = ${fmt(idleClients.kbPerClient, 1)} KB per client`);
  assertAlive();

  const notes = [];
  if (ttft.foreignCpuPct > FOREIGN_LIMIT_PCT) notes.push(`chat: other processes used ${fmt(ttft.foreignCpuPct, 0)}% of a core while time to first token was measured: those figures are unreliable.`);
  for (const [path, x] of [['chat job', ttft.chat], ['/v1', ttft.v1]]) {
    if (x.failed) notes.push(`chat: ${x.failed} ${path} samples failed (first: ${x.firstError}).`);
  }
  if (idleClients.started < CHAT_CLIENTS) notes.push(`chat: only ${idleClients.started} of ${CHAT_CLIENTS} idle clients attached (first failure: ${idleClients.firstFailure}).`);
  if (idleClients.ended < idleClients.started) notes.push(`chat: after the stop, ${idleClients.ended} of ${idleClients.started} attached clients saw "end".`);
  return { figures: { ttft, idleClients }, notes };
}

// --- rendering -----------------------------------------------------------------------

function render(result) {
  const { machine, config, durationSec, memoryMB: mem, targets, notes } = result;
  const out = [];
  const line = (...cols) => out.push(cols.join('  ').trimEnd());
  out.push('');
  out.push(`Switchboard bench — ${machine.date}`);
  out.push(
    `${machine.cpuModel} (${machine.cpus} CPUs), Node ${machine.node}, Linux ${machine.kernel}; ` +
      `commit ${machine.commit ?? '?'}${machine.packagesDirty ? ' + uncommitted changes in packages/' : ''}`,
  );
  out.push(
    `${result.only ? `BENCH_ONLY=${result.only}` : `${config.seconds} s per cell, ${config.trials} trial(s) (median), ${config.warmupSeconds} s warm-up per cell`}; ` +
      `system under test on CPU ${SUT_CPU}, mock + load generator on CPU ${LOADGEN_CPU}; run took ${fmt(durationSec, 0)} s`,
  );
  if (result.summary) renderRelay(out, line, result);
  if (result.chat) renderChat(out, line, result);
  if (result.web) renderWeb(out, line, result);
  out.push('');
  out.push(
    `Memory (VmRSS): switchboard ${fmt(mem.idle.switchboardBeforeSetup.rss, 1)} MB right after start, idle after set-up ${fmt(mem.idle.switchboard.rss, 1)} MB` +
      (mem.afterLoad
        ? `, after the relay load ${fmt(mem.afterLoad.switchboard.rss, 1)} MB (peak ${fmt(mem.afterLoad.switchboard.hwm, 1)} MB); floor idle ${fmt(mem.idle.floor.rss, 1)} MB, after load ${fmt(mem.afterLoad.floor.rss, 1)} MB`
        : ''),
  );
  if (targets.length) {
    out.push('');
    out.push('Targets');
    for (const t of targets) out.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`);
  }
  if (notes.length) {
    out.push('');
    out.push('Notes');
    for (const n of notes) out.push(`  - ${n}`);
  }
  out.push('');
  out.push('Raw figures: bench/results/latest.json (and a dated copy)');
  out.push('');
  return out.join('\n');
}

function renderRelay(out, line, { config, summary: s, conversion, databaseSystems }) {
  const systemsOf = (cell) => systemsIn(cell, databaseSystems ?? []).filter((system) => s[cell.id][system]);
  const W = 22;
  out.push('');
  out.push(`Closed loop, concurrency ${config.concurrency}, mock without latency`);
  line(pad('mode', 11), pad('system', W), rpad('req/s', 7), rpad('(min–max)', 13), rpad('vs floor', 8), rpad('p50 ms', 7), rpad('p99 ms', 7), rpad('CPU µs/req', 10), rpad('CPU ×', 6), rpad('CPU0 %', 6), rpad('CPU1 %', 6), rpad('failed', 6));
  for (const cell of CELLS.filter((c) => c.mode === 'closed')) {
    for (const [i, system] of systemsOf(cell).entries()) {
      const x = s[cell.id][system];
      const f = s[cell.id].floor;
      const relayed = system !== 'direct';
      line(
        pad(i === 0 ? cell.title : '', 11),
        pad(system, W),
        rpad(fmt(x.rps, 0), 7),
        rpad(`${fmt(x.rpsMin, 0)}–${fmt(x.rpsMax, 0)}`, 13),
        rpad(relayed ? pct(x.rps / f.rps) : '', 8),
        rpad(fmt(x.p50, 2), 7),
        rpad(fmt(x.p99, 2), 7),
        rpad(relayed ? fmt(x.sutCpuUsPerReq, 0) : '—', 10),
        rpad(relayed ? `${fmt(x.sutCpuUsPerReq / f.sutCpuUsPerReq, 2)}×` : '', 6),
        rpad(fmt(x.cpu0BusyPct, 0), 6),
        rpad(fmt(x.cpu1BusyPct, 0), 6),
        rpad(String(x.non2xx + x.failedStreams + x.errors), 6),
      );
    }
  }
  out.push('  switchboard: root\'s key on a free model (no billing); priced: a normal user\'s key with a spending cap and RPM/TPM limits on a priced model (reserve, settle, usage row) — the path paying users take.');
  out.push('  CPU µs/req: user+system CPU of the floor/Switchboard process per completed request (/proc/<pid>/stat); CPU ×: that over the floor\'s. A database server\'s own CPU is not in it (CPU0/CPU1 % show the cores).');
  out.push(`  Switchboard log volume: ${fmt(s['closed-json'].switchboard.logBytesPerReq, 0)} B/req (non-stream), ${fmt(s['closed-stream'].switchboard.logBytesPerReq, 0)} B/req (stream).`);
  out.push('');
  out.push(`Open loop, non-stream, mock latency ${config.openLoopMockLatencyMs} ms; latency from the scheduled send time`);
  line(pad('rate', 11), pad('system', W), rpad('p50 ms', 7), rpad('p99 ms', 7), rpad('+p50 ms', 8), rpad('+p99 ms', 8), rpad('CPU µs/req', 10), rpad('CPU1 %', 6), rpad('done', 6), rpad('failed', 6));
  for (const cell of CELLS.filter((c) => c.mode === 'open')) {
    for (const [i, system] of systemsOf(cell).entries()) {
      const x = s[cell.id][system];
      line(
        pad(i === 0 ? cell.title : '', 11),
        pad(system, W),
        rpad(fmt(x.p50, 2), 7),
        rpad(fmt(x.p99, 2), 7),
        rpad(system === 'direct' ? '—' : fmt(x.addedP50, 2), 8),
        rpad(system === 'direct' ? '—' : fmt(x.addedP99, 2), 8),
        rpad(system === 'direct' ? '—' : fmt(x.sutCpuUsPerReq, 0), 10),
        rpad(fmt(x.cpu1BusyPct, 0), 6),
        rpad(String(x.ok), 6),
        rpad(String(x.non2xx + x.failedStreams + x.errors), 6),
      );
    }
  }
  out.push('  +p50/+p99: system minus direct in the same trial (median over trials).');
  out.push('');
  out.push(`Conversion cost, stream, open loop ${CONVERSION_RATE}/s, mock latency ${config.openLoopMockLatencyMs} ms: an Anthropic caller (/v1/messages) served by the OpenAI upstream`);
  line(pad('path', 13), rpad('p50 ms', 7), rpad('p99 ms', 7), rpad('+p50 ms', 8), rpad('+p99 ms', 8), rpad('CPU µs/req', 10), rpad('done', 6), rpad('failed', 6));
  for (const path of CONVERSION_PATHS) {
    const x = conversion[path];
    line(pad(path, 13), rpad(fmt(x.p50, 2), 7), rpad(fmt(x.p99, 2), 7), rpad(fmt(x.addedP50, 2), 8), rpad(fmt(x.addedP99, 2), 8), rpad(fmt(x.sutCpuUsPerReq, 0), 10), rpad(String(x.ok), 6), rpad(String(x.failed), 6));
  }
  out.push(
    `  conversion itself: +${fmt(conversion['sb-anthropic'].addedP50 - conversion['sb-openai'].addedP50, 2)} ms p50, ` +
      `+${fmt(conversion['sb-anthropic'].sutCpuUsPerReq - conversion['sb-openai'].sutCpuUsPerReq, 0)} µs CPU per request over the OpenAI-to-OpenAI path.`,
  );
}

function renderChat(out, line, { config, chat: { ttft, idleClients: idle } }) {
  out.push('');
  out.push(
    `Chat, time to first token: ${ttft.model} on the ${config.openLoopMockLatencyMs} ms mock, ${ttft.samples} sequential samples per path ` +
      `(interleaved, after ${ttft.warmupSamples} each), a new conversation every ${ttft.messagesPerConversation} messages, context_length 0`,
  );
  line(pad('path', 13), rpad('p50 ms', 7), rpad('p90 ms', 7), rpad('p99 ms', 7), rpad('max ms', 7), rpad('done', 6), rpad('failed', 6));
  for (const [path, x] of [['/v1 stream', ttft.v1], ['chat job', ttft.chat]]) {
    line(pad(path, 13), rpad(fmt(x.p50, 2), 7), rpad(fmt(x.p90, 2), 7), rpad(fmt(x.p99, 2), 7), rpad(fmt(x.max, 2), 7), rpad(String(x.ok), 6), rpad(String(x.failed), 6));
  }
  out.push(`  chat job minus /v1: +${fmt(ttft.chat.p50 - ttft.v1.p50, 2)} ms p50, +${fmt(ttft.chat.p99 - ttft.v1.p99, 2)} ms p99.`);
  out.push(
    `  chat job: from sending POST …/messages (its 201 took ${fmt(ttft.chatPostMs.p50, 2)} ms p50) to the first "delta" of GET /api/chat/messages/{id}/events; ` +
      '/v1: from sending the stream request to its first content chunk.',
  );
  out.push('');
  out.push(`Chat, idle attached clients: ${idle.clients} clients on one answer that stays open (held upstream), one socket each`);
  line(pad('attached', 8), rpad('in ms', 7), rpad('RSS before MB', 13), rpad('after MB', 8), rpad('added MB', 8), rpad('KB/client', 9), rpad('stop → all ended ms', 19));
  line(
    pad(`${idle.started}/${idle.clients}`, 8),
    rpad(fmt(idle.attachMs, 0), 7),
    rpad(fmt(idle.rssBeforeMB, 1), 13),
    rpad(fmt(idle.rssAfterMB, 1), 8),
    rpad(fmt(idle.addedMB, 1), 8),
    rpad(fmt(idle.kbPerClient, 1), 9),
    rpad(`${fmt(idle.stopToAllEndedMs, 0)} (${idle.ended} saw end)`, 19),
  );
  out.push('  RSS of the Switchboard process, each read 1 s after the clients settled; "stop → all ended": from POST …/stop until every stream closed.');
}

function renderWeb(out, line, { web }) {
  const { bundle } = web;
  const mark = (pass) => (pass ? '✓' : '✘');
  out.push('');
  out.push('Web app, main bundle: what index.html loads before the app runs, gzip -9');
  line(pad('file', 34), pad('loaded as', 13), rpad('KB', 7), rpad('gz KB', 7));
  for (const f of bundle.eager) line(pad(f.file, 34), pad(f.kind, 13), rpad(fmt(f.kB, 1), 7), rpad(fmt(f.gzKB, 1), 7));
  line(pad('eager total', 34), pad('', 13), rpad('', 7), rpad(fmt(bundle.eagerGzKB, 1), 7), `  ${mark(bundle.eagerGzKB <= WEB_TARGETS.mainBundleGzKB)} target ≤ ${WEB_TARGETS.mainBundleGzKB} KB`);
  out.push(
    `  lazy: ${bundle.lazyCount} files, ${fmt(bundle.lazyGzKB, 0)} KB gz in all, loaded on demand` +
      (bundle.lazyOverLimit.length ? `; ≥ 100 KB gz: ${bundle.lazyOverLimit.map((f) => `${f.file} ${fmt(f.gzKB, 0)} KB`).join(', ')}` : '; none ≥ 100 KB gz'),
  );
  if (web.skipped) {
    out.push(`  browser figures skipped: ${web.skipped}`);
    return;
  }
  const { interactive: tti, streaming: st, conversation } = web;
  out.push('');
  out.push(
    `Web app, time to interactive: /c/<id> with ${conversation.messages} messages, Chromium ${web.chromium} headless ${web.viewport.width}×${web.viewport.height} on CPU ${web.browserCpus ?? '?'}; ` +
      `from navigation start until the composer is enabled and the last message is shown (painted), median of ${tti.coldRuns.length}`,
  );
  line(pad('load', 6), rpad('HTML ms', 7), rpad('JS ran ms', 9), rpad('data ms', 7), rpad('composer ms', 11), rpad('last msg ms', 11), rpad('painted ms', 10), rpad('max ms', 7), rpad('long task ms', 12), rpad('fetched KB', 10), '  target');
  for (const [name, x] of [['cold', tti.cold], ['warm', tti.warm]]) {
    line(
      pad(name, 6),
      rpad(fmt(x.responseEndMs.p50, 0), 7),
      rpad(fmt(x.domContentLoadedMs.p50, 0), 9),
      rpad(fmt(x.dataMs.p50, 0), 7),
      rpad(fmt(x.composerMs.p50, 0), 11),
      rpad(fmt(x.lastMessageMs.p50, 0), 11),
      rpad(fmt(x.paintedMs.p50, 0), 10),
      rpad(fmt(x.paintedMs.max, 0), 7),
      rpad(fmt(x.longestTaskMs.p50, 0), 12),
      rpad(fmt(x.transferKB.p50, 0), 10),
      name === 'cold' ? `  ${mark(x.paintedMs.p50 <= WEB_TARGETS.interactiveColdMs)} ≤ ${WEB_TARGETS.interactiveColdMs} ms` : '',
    );
  }
  out.push('  cold: a new browser context (empty cache) per load; warm: reloads in one context after an unmeasured first load. Medians of: HTML, its response end;');
  out.push('  JS ran: DOMContentLoaded end (after the entry module ran); data: the conversation\'s GET answered; composer: its textarea usable; last msg: the last');
  out.push('  message in the DOM; painted: the frame showing both drawn (the figure held to the target); max: the slowest painted; long task: the longest task before it;');
  out.push(`  fetched: bytes over the network (cache hits count 0). The page held ${fmt(tti.cold.articles.p50, 0)} of the ${conversation.messages} messages when it was ready.`);
  out.push('');
  out.push(
    `Web app, frames while an answer streams into that conversation: ~${st.answer.tokens} tokens (${st.answer.chars} characters of markdown) in ${st.answer.chunks} chunks ` +
      `every ${st.answer.chunkDelayMs} ms; from the Enter key until the answer's data-status="done", ${fmt(st.elapsedMs / 1000, 1)} s`,
  );
  line(rpad('frames', 6), rpad('mean ms', 7), rpad('p50 ms', 7), rpad('p95 ms', 7), rpad('max ms', 7), rpad('> 50 ms', 7), rpad('> 25 ms', 7), rpad('work/frame ms', 13), rpad('main busy %', 11), rpad('idle ms', 7));
  line(
    rpad(String(st.frames.count), 6),
    rpad(fmt(st.frames.meanMs, 1), 7),
    rpad(fmt(st.frames.p50Ms, 1), 7),
    rpad(fmt(st.frames.p95Ms, 1), 7),
    rpad(fmt(st.frames.maxMs, 1), 7),
    rpad(String(st.frames.over50), 7),
    rpad(String(st.frames.missed ?? '—'), 7),
    rpad(fmt(st.mainThread.workPerFrameMs, 1), 13),
    rpad(fmt(st.mainThread.busyPct, 0), 11),
    rpad(fmt(st.idleFrames.p50Ms, 1), 7),
  );
  out.push(
    `  ${mark(st.frames.over50 === 0)} no frame over ${WEB_TARGETS.longestFrameMs} ms; ${mark(st.mainThread.workPerFrameMs < WEB_TARGETS.meanFrameWorkMs)} main-thread work under ${WEB_TARGETS.meanFrameWorkMs} ms per frame ` +
      `(frames are drawn at most every 16.7 ms, so their mean interval cannot go under it: the work each frame cost is the figure to hold to the target).`,
  );
  out.push(
    '  mean/p50/p95/max: intervals between requestAnimationFrame timestamps; > 25 ms: intervals in which a frame was missed; work/frame: the renderer main thread\'s busy time (DevTools Performance.getMetrics TaskDuration) over the frames; ' +
      'idle: the median interval over one idle second before (16.7 = 60 Hz).',
  );
  const extra = [];
  if (st.longAnimationFrames) extra.push(`${st.longAnimationFrames.count} long animation frames (longest ${fmt(st.longAnimationFrames.maxMs, 0)} ms, ${fmt(st.longAnimationFrames.maxBlockingMs, 0)} ms blocking)`);
  if (st.longTasks) extra.push(`${st.longTasks.count} long tasks (longest ${fmt(st.longTasks.maxMs, 0)} ms)`);
  extra.push(`CPU ${LOADGEN_CPU} (browser) ${fmt(st.cpu.browserCoreBusyPct, 0)}% busy; Switchboard used ${fmt(st.cpu.switchboardPct, 0)}% of CPU ${SUT_CPU}`);
  out.push(`  ${extra.join('; ')}.`);
  for (const l of st.longAnimationFrames?.longest.slice(0, 3) ?? []) {
    const [top] = l.scripts;
    out.push(
      `  a ${fmt(l.duration, 0)} ms frame at ${fmt(l.atMs / 1000, 1)} s: style, layout and paint ${fmt(l.renderMs, 0)} ms` +
        (top ? `; longest script ${fmt(top.ms, 0)} ms (${top.fn || '?'} in ${top.file || '?'}, ${top.invoker})` : ''),
    );
  }
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
function sum(values) {
  return values.reduce((a, b) => a + (b ?? 0), 0);
}
function fmt(v, digits) {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—';
}
function pct(v) {
  return typeof v === 'number' && Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—';
}
function pad(s, n) {
  return String(s).padEnd(n);
}
function rpad(s, n) {
  return String(s).padStart(n);
}

main().then(
  async () => {
    await cleanup();
    process.exit(interrupted ? 130 : 0);
  },
  async (err) => {
    // After Ctrl-C, the children going away makes main() fail: the signal handler owns the exit.
    if (interrupted) return;
    log(`bench harness failed: ${err?.stack ?? err}`);
    await cleanup();
    process.exit(1);
  },
);
