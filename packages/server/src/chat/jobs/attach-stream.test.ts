import { setMaxListeners } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SseDecoder, type SseEvent } from '@switchboard/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { randomBase62 } from '../../crypto/tokens.js';
import { streamJobEvents } from './attach-stream.js';
import type { JobEvent, JobEventLog } from './job-event-log.js';
import { MemoryJobEventLog } from './memory-job-event-log.js';
import { RedisJobEventLog } from './redis-job-event-log.js';

/** A plain Node server attaching each request to a job: GET /<jobId>, Last-Event-ID as sent. */
interface AttachServer {
  url: string;
  /** Attachments whose streamJobEvents has not returned yet (bare responses: not closed yet). */
  active: () => number;
  close(): Promise<void>;
}

const servers: AttachServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function attachServer(log: JobEventLog | undefined, keepAliveMs = 10_000): Promise<AttachServer> {
  let active = 0;
  const server: Server = createServer((req, res) => {
    active++;
    if (!log) {
      // A bare idle response: the baseline an attachment is measured against.
      res.once('close', () => active--);
      return void res.writeHead(200).flushHeaders();
    }
    const lastEventId = req.headers['last-event-id'];
    void streamJobEvents(res, log, req.url!.slice(1), typeof lastEventId === 'string' ? lastEventId : undefined, { keepAliveMs }).finally(() => active--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const s: AttachServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    active: () => active,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(s);
  return s;
}

/** Reads a whole SSE response (until the server ends it). */
async function readEvents(res: Response): Promise<{ events: SseEvent[]; comments: number }> {
  const decoder = new SseDecoder();
  const events: SseEvent[] = [];
  for await (const chunk of res.body! as AsyncIterable<Uint8Array>) events.push(...decoder.push(chunk));
  events.push(...decoder.end());
  return { events, comments: decoder.comments };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function heap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('streamJobEvents', () => {
  it('answers an event stream, resumes after Last-Event-ID with exactly the missed events, and ends with the job', async () => {
    const log = new MemoryJobEventLog();
    const server = await attachServer(log);
    for (let i = 1; i <= 5; i++) log.append('job', 'delta', JSON.stringify({ text: `t${i}` }));
    const first = await fetch(`${server.url}/job`);
    expect(first.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('x-accel-buffering')).toBe('no');
    const decoder = new SseDecoder();
    const seen: SseEvent[] = [];
    const reader = first.body!.getReader();
    while (seen.length < 2) seen.push(...decoder.push((await reader.read()).value!));
    await reader.cancel(); // the network drops after two events

    const resumed = await fetch(`${server.url}/job`, { headers: { 'last-event-id': seen[1]!.id! } });
    const reading = readEvents(resumed);
    await sleep(50);
    log.append('job', 'delta', JSON.stringify({ text: 't6' }));
    log.end('job');
    const { events } = await reading;
    expect(events.map((e) => [e.id, e.event, e.data])).toEqual([
      ['3', 'delta', '{"text":"t3"}'],
      ['4', 'delta', '{"text":"t4"}'],
      ['5', 'delta', '{"text":"t5"}'],
      ['6', 'delta', '{"text":"t6"}'],
    ]);
  });

  it('leaves the job and its log alone when the client goes away mid-stream', async () => {
    const log = new MemoryJobEventLog();
    const server = await attachServer(log);
    log.append('job', 'delta', '"a"');
    const controller = new AbortController();
    const res = await fetch(`${server.url}/job`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    expect(server.active()).toBe(1);
    controller.abort();
    for (let i = 0; i < 100 && server.active() > 0; i++) await sleep(10);
    expect(server.active()).toBe(0); // the server side stopped reading
    log.append('job', 'delta', '"b"');
    expect((await log.snapshot('job'))?.map((e) => e.data)).toEqual(['"a"', '"b"']);
    const again = readEvents(await fetch(`${server.url}/job`));
    log.end('job');
    expect((await again).events.map((e) => e.data)).toEqual(['"a"', '"b"']);
  });

  it('sends keep-alive comments while the job is quiet', async () => {
    const log = new MemoryJobEventLog();
    const server = await attachServer(log, 40);
    log.append('job', 'start', '{}');
    const reading = readEvents(await fetch(`${server.url}/job`));
    await sleep(250);
    log.end('job');
    const { events, comments } = await reading;
    expect(events.map((e) => e.event)).toEqual(['start']);
    expect(comments).toBeGreaterThanOrEqual(3);
  });

  it('reads no further ahead of a client that does not read than the socket buffers hold', async () => {
    let pulled = 0;
    const inner = new MemoryJobEventLog();
    const counting: JobEventLog = {
      append: (...a) => inner.append(...a),
      end: (id) => inner.end(id),
      holds: (id) => inner.holds(id),
      snapshot: (id) => inner.snapshot(id),
      close: () => inner.close(),
      async *read(jobId, afterId, signal): AsyncIterable<JobEvent> {
        for await (const e of inner.read(jobId, afterId, signal)) {
          pulled++;
          yield e;
        }
      },
    };
    const server = await attachServer(counting);
    const big = JSON.stringify({ text: 'x'.repeat(64 * 1024) });
    for (let i = 0; i < 1000; i++) inner.append('job', 'delta', big); // 64 MB in all
    const res = await new Promise<IncomingMessage>((resolve) => httpRequest(`${server.url}/job`, resolve).end());
    res.pause();
    await sleep(300);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(300); // a few MB of socket buffers, not the 64 MB the log holds
    console.log(`a paused client: ${pulled} of 1,000 events of 64 KB read from the log`);
    res.destroy();
  });

  it('holds little memory per idle attached client (1,000 on one job)', async () => {
    const log = new MemoryJobEventLog();
    log.append('job', 'start', '{}');

    // The log's readers alone: what each attached client costs the job.
    const readers = new AbortController();
    setMaxListeners(2000, readers.signal); // one signal for 1,000 readers, in this test only
    const before = heap();
    const iterators = Array.from({ length: 1000 }, () => log.read('job', '1', readers.signal)[Symbol.asyncIterator]());
    const pending = iterators.map((it) => it.next());
    await sleep(20);
    const perReader = (heap() - before) / 1000;

    // Whole attachments over HTTP, against bare idle HTTP responses: the client sockets live in
    // this process too, so the difference is what an attachment adds on the server.
    const connect = async (server: AttachServer) => {
      const base = heap();
      const responses = await Promise.all(
        Array.from({ length: 1000 }, () => new Promise<IncomingMessage>((resolve) => httpRequest(`${server.url}/job`, { headers: { 'last-event-id': '1' }, agent: false }, resolve).end())),
      );
      await sleep(50);
      expect(server.active()).toBe(1000);
      return { perConnection: (heap() - base) / 1000, responses };
    };
    const bare = await connect(await attachServer(undefined));
    const attached = await connect(await attachServer(log));
    const added = attached.perConnection - bare.perConnection;
    console.log(
      `heap per idle attached client: reader ${Math.round(perReader)} B; SSE attachment ${(added / 1024).toFixed(1)} KB over a bare idle HTTP response (${(bare.perConnection / 1024).toFixed(1)} KB, both socket ends)`,
    );
    expect(perReader).toBeLessThan(2048);
    expect(added).toBeLessThan(8 * 1024);
    const responses = [...bare.responses, ...attached.responses];

    log.end('job');
    await Promise.all(pending);
    for (const res of responses) res.destroy();
    readers.abort();
  });

  it.runIf(process.env.TEST_REDIS_URL)('holds little memory per idle reader of the Redis log too (1,000 on one job)', async () => {
    const log = new RedisJobEventLog({ url: process.env.TEST_REDIS_URL!, prefix: `sbt:attach:${randomBase62(8)}:`, log: pino({ level: 'silent' }) });
    try {
      log.append('job', 'start', '{}');
      await sleep(50);
      const readers = new AbortController();
      setMaxListeners(2000, readers.signal);
      await sleep(200); // the sockets of earlier tests finish closing
      const before = heap();
      const iterators = Array.from({ length: 1000 }, () => log.read('job', '1-0', readers.signal)[Symbol.asyncIterator]());
      const pending = iterators.map((it) => it.next());
      await sleep(300);
      const perReader = (heap() - before) / 1000;
      console.log(`heap per idle reader of the Redis log: ${Math.round(perReader)} B`);
      expect(perReader).toBeLessThan(4096);
      log.end('job');
      await Promise.all(pending);
      readers.abort();
    } finally {
      await log.close();
    }
  });
});
