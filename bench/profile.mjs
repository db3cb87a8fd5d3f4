// CPU profile of Switchboard (or of the floor, for comparison) under the bench's closed-loop
// load: `node --cpu-prof` on the server process (pinned to CPU 1), concurrency 50 against
// the testkit mock, non-stream then stream, then a summary of the hottest functions.
//   npm run build && node bench/profile.mjs [--floor] [--seconds 10] [--open 500] [--anthropic] [--priced] [--database postgres|mariadb] [--no-profile]
// --no-profile: the same load without the profiler (which slows the server 2–4×), for quick
// before/after figures of one path.
// --priced: the paying path (a normal user's limited key on a priced model) instead of root's free
// calls; --database: that Switchboard over PostgreSQL + Redis or MariaDB (from TEST_POSTGRES_URL,
// TEST_REDIS_URL, TEST_MYSQL_URL) instead of SQLite.
// --anthropic: closed-loop streams from an Anthropic caller (/v1/messages) served by the
// OpenAI mock, to see what the conversion costs.
// --open <rate>: instead, open-loop non-stream load at <rate> req/s against a mock with 20 ms
// latency (the latency-tail cell of run.mjs), sampled every 200 µs; the summary then also
// lists the long tasks (event-loop stalls ≥ 5 ms) and what ran inside them.
// Writes bench/results/profile-<system>.cpuprofile.json (load it in Chrome DevTools or
// speedscope) and bench/results/profile-<system>-summary.json (git-ignored).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { longTasks, renderLongTasks, renderSummary, summarise } from './cpuprofile.mjs';
import { cleanup, cpuMs, killNowSync, makeTempDir, pinSelf, sleep, startLoadgen, startNode } from './procs.mjs';
import { ANTHROPIC_DONE, LOADGEN_CPU, MODEL_FAST, PRICED_MODEL_OF, SUT_CPU, anthropicBody, benchDatabases, chatBody, checkPath, paths, startMock, startSwitchboard } from './systems.mjs';
import { freePort } from './procs.mjs';

const { values } = parseArgs({
  options: {
    floor: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    open: { type: 'string' },
    anthropic: { type: 'boolean', default: false },
    priced: { type: 'boolean', default: false },
    database: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const OPEN_RATE = values.open === undefined ? undefined : Number(values.open);
const system = values.floor ? 'floor' : 'switchboard';
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
  void cleanup(1500).finally(() => process.exit(130));
});
process.on('exit', killNowSync);

async function main() {
  pinSelf(LOADGEN_CPU);
  const tmp = makeTempDir('switchboard-profile-');
  const profDir = join(tmp, 'prof');
  mkdirSync(profDir);
  const profiling = !values['no-profile'];
  const nodeFlags = !profiling ? [] : ['--cpu-prof', '--cpu-prof-dir', profDir, ...(OPEN_RATE ? ['--cpu-prof-interval', '200'] : [])];
  const mock = await startMock(tmp, OPEN_RATE ? 20 : 0);
  const spawnedAt = Date.now();
  let sut;
  let apiKey = 'sk-bench';
  const model = values.priced ? PRICED_MODEL_OF.fast : MODEL_FAST;
  const databases = values.database ? await benchDatabases() : [];
  const database = values.database ? databases.find((d) => d.id.startsWith(values.database)) : undefined;
  if (values.database && !database) throw new Error(`--database ${values.database}: set TEST_POSTGRES_URL (and TEST_REDIS_URL) or TEST_MYSQL_URL`);
  if (system === 'floor') {
    const port = await freePort();
    sut = await startNode({ name: 'floor', args: [paths.floor, String(port), mock.origin], nodeFlags, cpu: SUT_CPU, logFile: join(tmp, 'floor.log'), ready: /floor listening/ });
    sut.origin = `http://127.0.0.1:${port}`;
  } else {
    sut = await startSwitchboard(tmp, { fastOrigin: mock.origin, slowOrigin: mock.origin, nodeFlags, env: database?.env ?? {} });
    apiKey = values.priced ? sut.userKey : sut.apiKey;
  }
  await checkPath(system, sut.origin, apiKey, model, false);
  await checkPath(system, sut.origin, apiKey, model, true);
  const lg = await startLoadgen(paths.loadgen, LOADGEN_CPU);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
  let requests = 0;
  const loadFromMs = Date.now() - spawnedAt; // start-up is not part of the load
  const cpu0 = cpuMs(sut.pid);
  for (const stream of OPEN_RATE ? [false] : values.anthropic ? [true] : [false, true]) {
    const mode = OPEN_RATE ? 'open' : 'closed';
    const spec = values.anthropic
      ? {
          origin: sut.origin,
          path: '/v1/messages',
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' },
          body: anthropicBody(model),
          stream,
          doneMarker: ANTHROPIC_DONE,
          mode,
          concurrency: 50,
        }
      : { origin: sut.origin, path: '/v1/chat/completions', headers, body: chatBody(model, stream), stream, mode, concurrency: 50, rate: OPEN_RATE };
    const r = await lg.call('measure', { ...spec, seconds: SECONDS });
    requests += r.ok;
    const l = r.latencyMs;
    log(
      `${system} ${mode} ${stream ? 'stream    ' : 'non-stream'}: ${(r.ok / (r.elapsedMs / 1000)).toFixed(0)} req/s, ` +
        `p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(1)} ms, failures ${r.non2xx + r.failedStreams + r.errors}`,
    );
  }
  const cpuPerReq = ((cpuMs(sut.pid) - cpu0) * 1000) / requests;
  log(`${system}: ${cpuPerReq.toFixed(0)} µs CPU per request${profiling ? ' under the profiler' : ''}`);
  if (!profiling) {
    for (const d of databases) await d.drop();
    return;
  }
  await sleep(1200); // the last usage flush belongs to the load
  process.kill(sut.pid, 'SIGTERM'); // graceful exit writes the profile
  const deadline = Date.now() + 35_000;
  while (!sut.exited && Date.now() < deadline) await sleep(50);
  if (!sut.exited) throw new Error(`${system} did not exit after SIGTERM; no profile written`);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${profDir}`);
  const outDir = join(paths.root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const profOut = join(outDir, `profile-${system}.cpuprofile.json`);
  copyFileSync(join(profDir, file), profOut);
  const profile = JSON.parse(readFileSync(profOut, 'utf8'));
  const summary = summarise(profile, 25);
  const stalls = longTasks(profile, OPEN_RATE ? 5 : 10, 20, loadFromMs);
  writeFileSync(
    join(outDir, `profile-${system}-summary.json`),
    `${JSON.stringify({ system, seconds: SECONDS, openRate: OPEN_RATE ?? null, requests, cpuUsPerRequest: cpuPerReq, ...summary, longTasks: stalls }, null, 2)}\n`,
  );
  const what = OPEN_RATE
    ? `${SECONDS} s open loop at ${OPEN_RATE} req/s, non-stream, mock latency 20 ms`
    : `${SECONDS} s non-stream + ${SECONDS} s stream, closed loop, concurrency 50`;
  process.stdout.write(`\n${system} under load (${what})\n${renderSummary(summary, requests)}\n`);
  if (OPEN_RATE) process.stdout.write(`\n${renderLongTasks(stalls)}\n`);
  process.stdout.write(`\nprofile: ${profOut}\n`);
  for (const d of databases) await d.drop();
}

main().then(
  async () => {
    await cleanup();
    process.exit(0);
  },
  async (err) => {
    if (interrupted) return;
    log(`profile failed: ${err?.stack ?? err}`);
    await cleanup();
    process.exit(1);
  },
);
