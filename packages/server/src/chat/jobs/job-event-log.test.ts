import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBase62 } from '../../crypto/tokens.js';
import { RESET_EVENT, type JobEvent, type JobEventLog, type JobEventLogLimits } from './job-event-log.js';
import { MemoryJobEventLog } from './memory-job-event-log.js';
import { RedisJobEventLog } from './redis-job-event-log.js';

/**
 * One suite for both logs: what a client re-attaching with Last-Event-ID must get. The Redis
 * log runs when TEST_REDIS_URL is set, under a prefix of its own; "another node" is a second
 * RedisJobEventLog on the same prefix.
 */
const redisUrl = process.env.TEST_REDIS_URL;
const log = pino({ level: 'silent' });
const FAST: Partial<JobEventLogLimits> = { unknownJobGraceMs: 300 };

type Open = (limits?: Partial<JobEventLogLimits>) => JobEventLog;
interface Backend {
  name: string;
  /** A log of a fresh deployment (its own prefix); `node()` opens another node of the same one. */
  deployment(): { open: Open; node: Open };
}

const backends: Backend[] = [
  {
    name: 'memory',
    deployment: () => {
      let first: JobEventLog | undefined;
      // One node only: "another node" of the memory log is the same log.
      return { open: (limits) => (first = new MemoryJobEventLog({ ...FAST, ...limits })), node: () => first! };
    },
  },
];
if (redisUrl) {
  backends.push({
    name: 'redis',
    deployment: () => {
      const prefix = `sbt:jobs:${randomBase62(8)}:`;
      const open: Open = (limits) => new RedisJobEventLog({ url: redisUrl, prefix, log, limits: { ...FAST, ...limits } });
      return { open, node: open };
    },
  });
}

const opened: JobEventLog[] = [];
afterEach(async () => {
  vi.useRealTimers();
  while (opened.length) await opened.pop()!.close();
});

/** Reads until the job ends (or `count` events arrived, then stops reading). */
async function collect(log: JobEventLog, jobId: string, afterId?: string, count = Infinity, signal = AbortSignal.timeout(5000)): Promise<JobEvent[]> {
  const out: JobEvent[] = [];
  if (count === 0) return out;
  for await (const event of log.read(jobId, afterId, signal)) {
    out.push(event);
    if (out.length >= count) break;
  }
  return out;
}

const datas = (events: JobEvent[]) => events.map((e) => (e.event === RESET_EVENT ? RESET_EVENT : e.data));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function appendAll(log: JobEventLog, jobId: string, from: number, to: number): void {
  for (let i = from; i <= to; i++) log.append(jobId, 'delta', String(i));
}

describe.each(backends)('JobEventLog ($name)', (backend) => {
  function open(limits?: Partial<JobEventLogLimits>): { log: JobEventLog; other: () => JobEventLog } {
    const d = backend.deployment();
    const log = d.open(limits);
    opened.push(log);
    return {
      log,
      other: () => {
        const o = d.node(limits);
        if (o !== log) opened.push(o);
        return o;
      },
    };
  }

  it('replays from the start, from an id in the middle, and after the end', async () => {
    const { log } = open();
    appendAll(log, 'j1', 1, 5);
    log.end('j1');
    const all = await collect(log, 'j1');
    expect(datas(all)).toEqual(['1', '2', '3', '4', '5']);
    expect(all.map((e) => e.event)).toEqual(['delta', 'delta', 'delta', 'delta', 'delta']);
    expect(new Set(all.map((e) => e.id)).size).toBe(5);
    expect(datas(await collect(log, 'j1', all[1]!.id))).toEqual(['3', '4', '5']);
    expect(await collect(log, 'j1', all[4]!.id)).toEqual([]);
  });

  it('gives a reader that waits the live events, then finishes at the end', async () => {
    const { log } = open();
    log.append('j2', 'start', '{}');
    const reading = collect(log, 'j2');
    await sleep(100);
    appendAll(log, 'j2', 1, 3);
    await sleep(100);
    log.append('j2', 'delta', '4');
    log.end('j2');
    expect(datas(await reading)).toEqual(['{}', '1', '2', '3', '4']);
  });

  it('serves two readers of one job at once, each everything, in order', async () => {
    const { log } = open();
    const a = collect(log, 'j3');
    const b = collect(log, 'j3');
    for (let i = 1; i <= 50; i++) {
      log.append('j3', 'delta', String(i));
      if (i % 10 === 0) await sleep(30);
    }
    log.end('j3');
    const expected = Array.from({ length: 50 }, (_, i) => String(i + 1));
    expect(datas(await a)).toEqual(expected);
    expect(datas(await b)).toEqual(expected);
  });

  it('resumes a reader that stopped at the id it last saw: exactly the missed events, then the live rest', async () => {
    const { log } = open();
    appendAll(log, 'j4', 1, 3);
    const first = await collect(log, 'j4', undefined, 2);
    appendAll(log, 'j4', 4, 5);
    const resumed = collect(log, 'j4', first[1]!.id);
    await sleep(60);
    log.append('j4', 'delta', '6');
    log.end('j4');
    expect(datas(await resumed)).toEqual(['3', '4', '5', '6']);
  });

  it('stops a reader on abort without ending the job', async () => {
    const { log } = open();
    log.append('j5', 'delta', '1');
    const controller = new AbortController();
    const got: string[] = [];
    const reading = (async () => {
      for await (const e of log.read('j5', undefined, controller.signal)) got.push(e.data);
    })();
    await sleep(80);
    controller.abort();
    await reading;
    expect(got).toEqual(['1']);
    log.append('j5', 'delta', '2');
    log.end('j5');
    expect(datas(await collect(log, 'j5'))).toEqual(['1', '2']);
  });

  it('tells a reader whose events were trimmed to reset, then gives what is held', async () => {
    const { log } = open({ maxEvents: 50 });
    appendAll(log, 'j6', 1, 400);
    log.end('j6');
    const events = await collect(log, 'j6');
    expect(events[0]!.event).toBe(RESET_EVENT);
    const held = datas(events.slice(1)).map(Number);
    // Redis trims whole stream nodes (MINID ~): it may hold more than asked, never fewer.
    if (backend.name === 'memory') expect(held.length).toBe(50);
    expect(held.length).toBeGreaterThanOrEqual(50);
    expect(held.length).toBeLessThan(400);
    expect(held).toEqual(Array.from({ length: held.length }, (_, i) => 401 - held.length + i));
    // The reset's id is the one before the first held event: resuming there is no reset again.
    expect(datas(await collect(log, 'j6', events[0]!.id))).toEqual(held.map(String));
    // An id still held resumes without a reset; one trimmed away resets.
    expect(datas(await collect(log, 'j6', events.at(-2)!.id))).toEqual(['400']);
    const trimmedAway = await collect(log, 'j6', await idOfFirst(log, 'j7'));
    expect(trimmedAway[0]!.event).toBe(RESET_EVENT);
  });

  it('trims by bytes too, keeping the newest event whatever its size', async () => {
    const { log } = open({ maxBytes: 10_000 });
    for (let i = 1; i <= 300; i++) log.append('j8', 'delta', JSON.stringify({ i, pad: 'x'.repeat(200) }));
    log.append('j8', 'delta', JSON.stringify({ i: 301, pad: 'y'.repeat(20_000) }));
    log.end('j8');
    const events = await collect(log, 'j8');
    expect(events[0]!.event).toBe(RESET_EVENT);
    expect((JSON.parse(events.at(-1)!.data) as { i: number }).i).toBe(301);
    if (backend.name === 'memory') expect(events).toHaveLength(2);
    expect(events.length).toBeLessThan(200);
  });

  it('tells a reader of a job it does not know to reset after the grace, and waits that long for a job about to start', async () => {
    const { log } = open();
    const started = Date.now();
    expect(datas(await collect(log, 'never'))).toEqual([RESET_EVENT]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const early = collect(log, 'late');
    await sleep(100);
    appendAll(log, 'late', 1, 2);
    log.end('late');
    expect(datas(await early)).toEqual(['1', '2']);
  });

  it('resets a reader with an id it never gave, then replays everything', async () => {
    const { log } = open();
    appendAll(log, 'j9', 1, 3);
    log.end('j9');
    for (const bad of ['garbage', '999', '999-0', '-1', '1.5']) {
      expect(datas(await collect(log, 'j9', bad))).toEqual([RESET_EVENT, '1', '2', '3']);
    }
  });

  it('says whether it holds a job, without reading its events', async () => {
    const { log, other } = open();
    log.append('j15', 'delta', '1');
    expect(await log.holds('j15')).toBe(true);
    expect(await log.holds('never')).toBe(false);
    log.end('j15');
    await sleep(80);
    expect(await other().holds('j15')).toBe(true);
  });

  it('snapshots the held events of a job, undefined for an unknown one', async () => {
    const { log } = open();
    appendAll(log, 'j10', 1, 3);
    expect((await log.snapshot('j10'))?.map((e) => e.data)).toEqual(['1', '2', '3']);
    expect(await log.snapshot('unknown')).toBeUndefined();
  });

  it('drops an ended job after retainMs, and a job nobody ends after idleTtlMs', async () => {
    const { log } = open({ retainMs: 200, idleTtlMs: 300 });
    appendAll(log, 'ended', 1, 2);
    log.end('ended');
    appendAll(log, 'abandoned', 1, 2);
    await sleep(100);
    expect((await log.snapshot('ended'))?.length).toBe(2);
    await sleep(400);
    expect(await log.snapshot('ended')).toBeUndefined();
    expect(await log.snapshot('abandoned')).toBeUndefined();
  });

  it('lets a reader on another node follow a job appended on this one, and end it when this node died', async () => {
    const { log, other } = open();
    const b = other();
    appendAll(log, 'j11', 1, 2);
    const reading = collect(b, 'j11');
    await sleep(80);
    appendAll(log, 'j11', 3, 4);
    await sleep(80);
    // The saving node reads what the dead one left and ends the job for its readers.
    expect((await b.snapshot('j11'))?.map((e) => e.data)).toEqual(['1', '2', '3', '4']);
    b.end('j11');
    expect(datas(await reading)).toEqual(['1', '2', '3', '4']);
  });

  it('ends a job with a last event, from the node that ran it or from one that took it over', async () => {
    const { log, other } = open();
    appendAll(log, 'j13', 1, 2);
    log.end('j13', { event: 'end', data: 'saved' });
    const own = await collect(log, 'j13');
    expect(own.map((e) => [e.event, e.data])).toEqual([['delta', '1'], ['delta', '2'], ['end', 'saved']]);

    const b = other();
    appendAll(log, 'j14', 1, 3);
    const reading = collect(b, 'j14');
    await sleep(80);
    // The node that ran j14 died; another one ends it with the saved answer, after what the dead one sent.
    b.end('j14', { event: 'end', data: 'interrupted' });
    const seen = await reading;
    expect(seen.map((e) => [e.event, e.data])).toEqual([['delta', '1'], ['delta', '2'], ['delta', '3'], ['end', 'interrupted']]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(4);
    // A reader that saw the dead node's last event resumes with exactly the last one, no reset.
    expect((await collect(b, 'j14', seen[2]!.id)).map((e) => e.event)).toEqual(['end']);
  });

  it('ignores appends after the end', async () => {
    const { log } = open();
    appendAll(log, 'j12', 1, 2);
    log.end('j12');
    log.append('j12', 'delta', 'late');
    expect(datas(await collect(log, 'j12'))).toEqual(['1', '2']);
  });
});

/** The id of a job's first event, from a job of its own in the same log (ids are per job, alike in form). */
async function idOfFirst(log: JobEventLog, jobId: string): Promise<string> {
  log.append(jobId, 'delta', 'x');
  log.end(jobId);
  return (await collect(log, jobId))[0]!.id;
}

describe('MemoryJobEventLog', () => {
  it('returns to an empty map once ended jobs pass their retention, readers attached at the end still getting everything', async () => {
    vi.useFakeTimers();
    const log = new MemoryJobEventLog({ retainMs: 60_000 });
    opened.push(log);
    const reading = collect(log, 'job-0', undefined, Infinity, new AbortController().signal);
    for (let j = 0; j < 1000; j++) {
      for (let i = 1; i <= 20; i++) log.append(`job-${j}`, 'delta', String(i));
      log.end(`job-${j}`);
    }
    expect(log.jobCount).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.jobCount).toBe(0);
    expect(datas(await reading)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it('drops jobs whose runner never ended them, and lets their readers finish', async () => {
    vi.useFakeTimers();
    const log = new MemoryJobEventLog({ idleTtlMs: 600_000 });
    opened.push(log);
    for (let j = 0; j < 1000; j++) log.append(`job-${j}`, 'delta', 'x');
    const reading = collect(log, 'job-1', undefined, Infinity, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(300_000);
    log.append('job-1', 'delta', 'y'); // still running: its TTL counts from here
    await vi.advanceTimersByTimeAsync(300_000);
    expect(log.jobCount).toBe(1);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(log.jobCount).toBe(0);
    expect(datas(await reading)).toEqual(['x', 'y']);
  });
});

describe.runIf(redisUrl)('RedisJobEventLog', () => {
  const prefix = () => `sbt:jobs:${randomBase62(8)}:`;

  it('serves many idle readers on a node with one reading connection and one blocking command', async () => {
    const p = prefix();
    const node = new RedisJobEventLog({ url: redisUrl!, prefix: p, log, limits: FAST });
    opened.push(node);
    const controller = new AbortController();
    setMaxListeners(1000, controller.signal); // one signal for 500 readers, in this test only
    const jobs = Array.from({ length: 20 }, (_, i) => `many-${i}`);
    for (const job of jobs) node.append(job, 'start', '{}');
    await sleep(50);
    const readers = jobs.flatMap((job) => Array.from({ length: 25 }, () => collect(node, job, undefined, 2, controller.signal)));
    await sleep(300);
    const admin = new Redis(redisUrl!);
    try {
      const ours = ((await admin.client('LIST')) as string).split('\n').filter((line) => line.includes(` name=${p}job-events`));
      // 500 readers of 20 jobs: two connections (commands, and the one reader), one blocking XREAD.
      expect(ours).toHaveLength(2);
      expect(ours.filter((line) => / cmd=xread /.test(line))).toHaveLength(1);
    } finally {
      admin.disconnect();
    }
    for (const job of jobs) node.append(job, 'delta', 'go');
    const results = await Promise.all(readers);
    expect(results.every((events) => datas(events).join() === '{},go')).toBe(true);
    controller.abort();
  });

  it('gives a reader slower than the job every event, in order, from pages once its buffer overflows', async () => {
    const node = new RedisJobEventLog({ url: redisUrl!, prefix: prefix(), log, limits: FAST });
    opened.push(node);
    node.append('slow', 'start', '0');
    const got: string[] = [];
    const reading = (async () => {
      for await (const e of node.read('slow', undefined, AbortSignal.timeout(10_000))) {
        got.push(e.data);
        if (got.length % 100 === 0) await sleep(20);
      }
    })();
    await sleep(50);
    for (let i = 1; i <= 3000; i++) {
      node.append('slow', 'delta', String(i));
      if (i % 500 === 0) await sleep(25);
    }
    node.end('slow');
    await reading;
    expect(got).toEqual(Array.from({ length: 3001 }, (_, i) => String(i)));
  });
});
