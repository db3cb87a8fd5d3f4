// Load generator, run as its own process (pinned to CPU 0 by run.mjs) and driven over IPC.
//   request  { id, op: 'warmup' | 'measure', spec }   → reply { id, result } | { id, error }
//   spec     { origin, path, headers, body, stream, doneMarker?, mode: 'closed' | 'open',
//              concurrency, rate, seconds, keep }  (keep: leave the pool open for the next call)
// One undici Pool per target (connections = concurrency, pipelining 1), pre-built bodies,
// no per-request logging. Latencies are kept in a preallocated Float64Array and summarised
// here, so only a small result object crosses the IPC channel.
import { createRequire } from 'node:module';

const { Pool } = createRequire(new URL('../packages/server/package.json', import.meta.url))('undici');

const DONE = 'data: [DONE]\n\n';
/** Open-loop requests still unanswered this long after the last send count as timed out. */
const DRAIN_MS = 10_000;

let pool; // { key, pool }

function poolFor(spec) {
  const connections = spec.mode === 'open' ? Math.max(64, Math.ceil(spec.rate / 4)) : spec.concurrency;
  const key = `${spec.origin} ${connections}`;
  if (pool?.key === key) return pool.pool;
  if (pool) void pool.pool.destroy();
  pool = {
    key,
    pool: new Pool(spec.origin, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    }),
  };
  return pool.pool;
}

async function closePool() {
  if (!pool) return;
  const p = pool.pool;
  pool = undefined;
  await p.close().catch(() => p.destroy());
}

class Recorder {
  constructor(capacity) {
    this.lat = new Float64Array(capacity);
    this.n = 0;
    this.ok = 0;
    this.non2xx = 0;
    this.failedStreams = 0;
    this.errors = 0;
    this.statuses = {};
    this.firstError = undefined;
  }
  record(ms) {
    if (this.n === this.lat.length) {
      const bigger = new Float64Array(this.lat.length * 2);
      bigger.set(this.lat);
      this.lat = bigger;
    }
    this.lat[this.n++] = ms;
  }
  summary() {
    const s = this.lat.subarray(0, this.n).sort();
    const q = (p) => (this.n === 0 ? null : s[Math.min(this.n - 1, Math.max(0, Math.ceil(p * this.n) - 1))]);
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += s[i];
    return {
      ok: this.ok,
      non2xx: this.non2xx,
      failedStreams: this.failedStreams,
      errors: this.errors,
      statuses: this.statuses,
      firstError: this.firstError,
      latencyMs: {
        count: this.n,
        mean: this.n ? sum / this.n : null,
        p50: q(0.5),
        p90: q(0.9),
        p99: q(0.99),
        p999: q(0.999),
        max: this.n ? s[this.n - 1] : null,
      },
    };
  }
}

/** One request; resolves to 'ok' | 'non2xx' | 'failedStream' | 'error'. Never rejects. */
async function once(p, spec, rec) {
  let res;
  try {
    res = await p.request({ path: spec.path, method: 'POST', headers: spec.headers, body: spec.body });
  } catch (err) {
    rec.firstError ??= String(err?.code ?? err?.message ?? err);
    return 'error';
  }
  try {
    if (res.statusCode < 200 || res.statusCode > 299) {
      rec.statuses[res.statusCode] = (rec.statuses[res.statusCode] ?? 0) + 1;
      for await (const _ of res.body);
      return 'non2xx';
    }
    if (spec.stream) {
      // Complete only if the last bytes are the [DONE] event (a failed stream ends with an error event).
      let tail = '';
      for await (const c of res.body) {
        tail = c.length >= 32 ? c.toString('latin1', c.length - 32) : (tail + c.toString('latin1')).slice(-32);
      }
      return tail.endsWith(spec.doneMarker ?? DONE) ? 'ok' : 'failedStream';
    }
    let bytes = 0;
    for await (const c of res.body) bytes += c.length;
    return bytes > 0 ? 'ok' : 'non2xx';
  } catch (err) {
    rec.firstError ??= String(err?.code ?? err?.message ?? err);
    return spec.stream ? 'failedStream' : 'error';
  }
}

function count(rec, outcome) {
  if (outcome === 'ok') rec.ok++;
  else if (outcome === 'non2xx') rec.non2xx++;
  else if (outcome === 'failedStream') rec.failedStreams++;
  else rec.errors++;
}

/** Closed loop: `concurrency` workers, each sends its next request when the previous one ends. */
async function closed(spec) {
  const p = poolFor(spec);
  const rec = new Recorder(65_536);
  const start = performance.now();
  const deadline = start + spec.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const outcome = await once(p, spec, rec);
      rec.record(performance.now() - t);
      count(rec, outcome);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const elapsedMs = performance.now() - start;
  return { elapsedMs, ...rec.summary() };
}

/**
 * Open loop: request i is scheduled at start + i/rate, whatever happened to earlier ones,
 * and its latency is measured from that scheduled time (no coordinated omission: a stall
 * in the system or in this process shows up as latency instead of as fewer requests).
 */
async function open(spec) {
  const p = poolFor(spec);
  const total = Math.max(1, Math.round(spec.rate * spec.seconds));
  const interval = 1000 / spec.rate;
  const rec = new Recorder(total);
  const pending = new Set();
  let maxLateMs = 0;
  const start = performance.now() + 2;
  let i = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + i * interval <= now) {
        const scheduled = start + i * interval;
        maxLateMs = Math.max(maxLateMs, now - scheduled);
        const pr = once(p, spec, rec).then((outcome) => {
          rec.record(performance.now() - scheduled);
          count(rec, outcome);
          pending.delete(pr);
        });
        pending.add(pr);
        i++;
      }
      if (i < total) setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  const sentMs = performance.now() - start;
  let timer;
  await Promise.race([Promise.all(pending), new Promise((r) => (timer = setTimeout(r, DRAIN_MS)))]);
  clearTimeout(timer);
  const timedOut = pending.size;
  const elapsedMs = performance.now() - start;
  const summary = rec.summary();
  summary.errors += timedOut;
  return { elapsedMs, sentMs, sent: total, timedOut, maxSendLateMs: maxLateMs, ...summary };
}

async function run(spec) {
  const cpu0 = process.cpuUsage();
  try {
    const result = spec.mode === 'open' ? await open(spec) : await closed(spec);
    const cpu = process.cpuUsage(cpu0);
    result.loadgenCpuMs = (cpu.user + cpu.system) / 1000;
    return result;
  } finally {
    if (!spec.keep) await closePool();
  }
}

process.on('message', async (msg) => {
  try {
    if (msg.op === 'warmup' || msg.op === 'measure') {
      const spec = { ...msg.spec, body: Buffer.from(msg.spec.body) };
      process.send({ id: msg.id, result: await run(spec) });
    }
    else if (msg.op === 'close') {
      await closePool();
      process.send({ id: msg.id, result: true });
    } else throw new Error(`unknown op ${msg.op}`);
  } catch (err) {
    process.send({ id: msg.id, error: String(err?.stack ?? err) });
  }
});
// The orchestrator owns this process: go away with it.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
