import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { BoundedWindow } from './bounded-window.js';
import { DEFAULT_LIMITS, eventBytes, resetEvent, type JobEvent, type JobEventLog, type JobEventLogLimits } from './job-event-log.js';
import { RedisStreamHub, type StreamEntry, type StreamListener } from './redis-stream-hub.js';
import { compareStreamIds, eventStreamId, seqOfStreamId } from './stream-ids.js';

/** Appended events wait this long to go out together in one pipeline. */
const FLUSH_MS = 20;
/** Entries per XRANGE page of a replay. */
const PAGE = 500;
/** A live reader buffers at most this many entries; a slower one goes back to reading pages from Redis. */
const LIVE_BUFFER = 256;
/** The field of the entry that marks a job's end (events carry `e` and `d`). */
const END_FIELD = 'end';

/** A job this node appends to. */
interface Appender {
  jobId: string;
  key: string;
  /** Held sizes only, to know how far to trim; the events themselves are in Redis. */
  window: BoundedWindow<null>;
  /** Appended, not yet sent: seq, event, data, … */
  queue: Array<[number, string, string]>;
  ended: boolean;
  lastAppendAt: number;
}

export interface RedisJobEventLogOptions {
  url: string;
  /** The deployment's key prefix (REDIS_PREFIX). */
  prefix: string;
  log: Logger;
  limits?: Partial<JobEventLogLimits>;
}

/**
 * The job event log in Redis Streams, readable from every node. Appends are batched (one
 * pipeline every FLUSH_MS or at the end) and each XADD trims the stream to the window the
 * appending node keeps (MINID ~). A stream lives `idleTtlMs` past its last flush while the
 * job runs (a dead node's stream still expires) and `retainMs` after its end marker.
 * Readers replay with XRANGE, then follow through the node's one RedisStreamHub.
 */
export class RedisJobEventLog implements JobEventLog {
  private readonly client: Redis;
  private readonly hub: RedisStreamHub;
  private readonly limits: JobEventLogLimits;
  private readonly appenders = new Map<string, Appender>();
  /** Jobs this node ended, for `retainMs`: a late append is ignored rather than starting the stream over. */
  private readonly ended = new Set<string>();
  private readonly dirty = new Set<Appender>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Forgets jobs whose runner stopped appending without ending them (their streams expire in Redis alike). */
  private readonly sweep: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: RedisJobEventLogOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    // Named after the deployment's prefix, so CLIENT LIST shows whose connections these are.
    const name = `${options.prefix}job-events`.replace(/[^\w:.-]/g, '_');
    this.client = new Redis(options.url, { maxRetriesPerRequest: 2, connectionName: name });
    this.hub = new RedisStreamHub(this.client, () => new Redis(options.url, { maxRetriesPerRequest: null, connectionName: `${name}-reader` }), options.log, {
      blockMs: Math.min(1000, this.limits.unknownJobGraceMs),
      missingGraceMs: this.limits.unknownJobGraceMs,
      wakeKey: `${options.prefix}chat:job-wake:${randomUUID()}`,
    });
    this.sweep = setInterval(() => {
      const idleSince = Date.now() - this.limits.idleTtlMs;
      for (const [jobId, a] of this.appenders) if (!a.ended && a.lastAppendAt < idleSince) this.appenders.delete(jobId);
    }, Math.min(60_000, this.limits.idleTtlMs));
    this.sweep.unref();
  }

  append(jobId: string, event: string, data: string): void {
    if (this.closed || this.ended.has(jobId)) return;
    let a = this.appenders.get(jobId);
    if (!a) this.appenders.set(jobId, (a = { jobId, key: this.keyOf(jobId), window: new BoundedWindow(this.limits), queue: [], ended: false, lastAppendAt: 0 }));
    if (a.ended) return;
    a.lastAppendAt = Date.now();
    const seq = a.window.push(null, eventBytes(event, data));
    a.queue.push([seq, event, data]);
    this.markDirty(a, false);
  }

  end(jobId: string, last?: { event: string; data: string }): void {
    if (this.closed || this.ended.has(jobId)) return;
    const a = this.appenders.get(jobId);
    if (a) {
      if (a.ended) return;
      if (last) this.append(jobId, last.event, last.data);
      a.ended = true;
      this.markDirty(a, true);
      return;
    }
    this.endForeign(jobId, last).catch((err: unknown) => this.options.log.error({ err, jobId }, 'job event log: could not end a job'));
  }

  /**
   * Ends a job another node ran (it died): its last event and the end marker go after the dead
   * node's final event, with the ids that follow it, so readers see no gap. Nothing when the
   * stream is gone.
   */
  private async endForeign(jobId: string, last: { event: string; data: string } | undefined): Promise<void> {
    const key = this.keyOf(jobId);
    const [top] = (await this.client.xrevrange(key, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    const seq = top ? seqOfStreamId(top[0]) : undefined;
    if (seq === undefined) return;
    const multi = this.client.multi();
    if (last) multi.xadd(key, 'NOMKSTREAM', eventStreamId(seq + 1), 'e', last.event, 'd', last.data);
    await multi
      .xadd(key, 'NOMKSTREAM', eventStreamId(seq + (last ? 2 : 1)), END_FIELD, '1')
      .pexpire(key, this.limits.retainMs)
      .exec();
  }

  async *read(jobId: string, afterId: string | undefined, signal: AbortSignal): AsyncIterable<JobEvent> {
    const key = this.keyOf(jobId);
    const live = new LiveBuffer();
    const stop = () => live.wake();
    signal.addEventListener('abort', stop);
    this.hub.watch(key, live);
    try {
      const asked = afterId === undefined ? 0 : seqOfStreamId(afterId);
      /** The id read up to: everything up to it was given (or the client said it had it). */
      let last = eventStreamId(asked ?? 0);
      let mustReset = asked === undefined;
      let following = false;
      for (;;) {
        // Replay: pages from Redis until caught up (at attach, and whenever live reading fell behind).
        live.clear();
        for (let firstPage = true; ; firstPage = false) {
          const page = await this.page(key, last, firstPage && !following && asked !== undefined && asked > 0);
          if (this.closed || signal.aborted) return;
          if (firstPage && !following && !page.exists && last !== '0-0') {
            // An id of a job this log does not hold: whatever it starts with, the client resets first.
            mustReset = true;
            last = '0-0';
          }
          if (page.beyondTop) {
            // An id past the end of this job's events: not one we gave for it.
            mustReset = true;
            last = '0-0';
            continue;
          }
          const firstEvent = page.entries.find((e) => !isEnd(e));
          if (firstEvent && (mustReset || seqOfStreamId(firstEvent.id) !== seqAfter(last))) {
            yield resetEvent(eventStreamId((seqOfStreamId(firstEvent.id) ?? 1) - 1));
            mustReset = false;
          } else if (mustReset && page.exists && !firstEvent) {
            yield resetEvent(last);
            mustReset = false;
          }
          for (const entry of page.entries) {
            if (isEnd(entry)) return;
            yield toEvent(entry);
            last = entry.id;
          }
          if (page.entries.length < PAGE) break;
        }
        if (!following) {
          this.hub.follow(key, last);
          following = true;
        }
        // Live: what the hub delivers, until the end, a gap, or an overflow.
        for (;;) {
          if (live.overflowed) break;
          if (live.isGone) {
            yield resetEvent(last);
            return;
          }
          const entry = live.shift();
          if (!entry) {
            if (this.closed || signal.aborted) return;
            await live.next();
            continue;
          }
          if (compareStreamIds(entry.id, last) <= 0) continue;
          if (isEnd(entry)) return;
          if (seqOfStreamId(entry.id) !== seqAfter(last)) break; // trimmed past this reader: the replay says reset
          if (mustReset) {
            yield resetEvent(last);
            mustReset = false;
          }
          yield toEvent(entry);
          last = entry.id;
        }
      }
    } finally {
      signal.removeEventListener('abort', stop);
      this.hub.unwatch(key, live);
    }
  }

  async holds(jobId: string): Promise<boolean> {
    if (this.appenders.has(jobId)) return true; // appended here, perhaps not flushed yet
    return (await this.client.exists(this.keyOf(jobId))) === 1;
  }

  async snapshot(jobId: string): Promise<JobEvent[] | undefined> {
    await this.flushNow();
    const key = this.keyOf(jobId);
    const events: JobEvent[] = [];
    for (let last = '0-0', first = true; ; first = false) {
      const page = await this.page(key, last, false);
      if (first && !page.exists) return undefined;
      for (const entry of page.entries) {
        if (isEnd(entry)) return events;
        events.push(toEvent(entry));
        last = entry.id;
      }
      if (page.entries.length < PAGE) return events;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushNow();
    this.closed = true;
    clearInterval(this.sweep);
    await this.hub.close();
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private keyOf(jobId: string): string {
    return `${this.options.prefix}chat:job:${jobId}`;
  }

  /** Entries after `after`; with `checkTop`, also whether `after` lies past the stream's last event. */
  private async page(key: string, after: string, checkTop: boolean): Promise<{ exists: boolean; entries: StreamEntry[]; beyondTop: boolean }> {
    const pipeline = this.client.pipeline().exists(key).xrange(key, `(${after}`, '+', 'COUNT', PAGE);
    if (checkTop) pipeline.xrevrange(key, '+', '-', 'COUNT', 1);
    const results = (await pipeline.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
    const exists = results[0]![1] === 1;
    const entries = (results[1]![1] as Array<[string, string[]]>).map(([id, fields]) => ({ id, fields }));
    let beyondTop = false;
    if (checkTop && exists && entries.length === 0) {
      const top = (results[2]![1] as Array<[string, string[]]>)[0];
      beyondTop = top !== undefined && compareStreamIds(after, top[0]) > 0;
    }
    return { exists, entries, beyondTop };
  }

  private markDirty(a: Appender, now: boolean): void {
    this.dirty.add(a);
    if (now) {
      void this.flushNow();
      return;
    }
    this.flushTimer ??= setTimeout(() => void this.flushNow(), FLUSH_MS);
  }

  /** Sends everything appended so far in one pipeline; resolves when Redis has it (flushes stay in order). */
  private flushNow(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.dirty.size === 0) return this.flushing;
    const batch = [...this.dirty];
    this.dirty.clear();
    const pipeline = this.client.pipeline();
    for (const a of batch) {
      // The appending node knows which events its caps keep (count and bytes); Redis trims to them.
      const minId = eventStreamId(a.window.firstSeq);
      for (const [seq, event, data] of a.queue) {
        if (seq >= a.window.firstSeq) pipeline.xadd(a.key, 'MINID', '~', minId, eventStreamId(seq), 'e', event, 'd', data);
      }
      a.queue = [];
      if (a.ended) {
        pipeline.xadd(a.key, eventStreamId(a.window.nextSeq), END_FIELD, '1').pexpire(a.key, this.limits.retainMs);
        this.appenders.delete(a.jobId);
        this.ended.add(a.jobId);
        setTimeout(() => this.ended.delete(a.jobId), this.limits.retainMs).unref();
      } else {
        pipeline.pexpire(a.key, this.limits.idleTtlMs);
      }
    }
    const sent = pipeline.exec().then(
      (results) => {
        const failed = (results ?? []).filter(([err]) => err);
        // A stream ended by the node that saved this job refuses later ids: that is the point.
        if (failed.length) this.options.log.warn({ err: failed[0]![0], failed: failed.length }, 'job event log: some appends were refused');
      },
      (err: unknown) => this.options.log.error({ err }, 'job event log: flush failed; events lost'),
    );
    this.flushing = this.flushing.then(() => sent);
    return this.flushing;
  }
}

function isEnd(entry: StreamEntry): boolean {
  return entry.fields[0] === END_FIELD;
}

function toEvent(entry: StreamEntry): JobEvent {
  return { id: entry.id, event: entry.fields[1] ?? '', data: entry.fields[3] ?? '' };
}

/** The seq that must follow `id` when nothing between was trimmed. */
function seqAfter(id: string): number {
  return (seqOfStreamId(id) ?? Number.NaN) + 1;
}

/** What the hub delivers to one reader, bounded; the reader takes from it at its client's pace. */
class LiveBuffer implements StreamListener {
  private entries: StreamEntry[] = [];
  private head = 0;
  private waiter: (() => void) | undefined;
  overflowed = false;
  isGone = false;

  deliver(entries: StreamEntry[]): void {
    if (this.overflowed) return;
    if (this.entries.length - this.head + entries.length > LIVE_BUFFER) {
      this.overflowed = true;
      this.entries = [];
      this.head = 0;
    } else {
      for (const e of entries) this.entries.push(e);
    }
    this.wake();
  }

  gone(): void {
    this.isGone = true;
    this.wake();
  }

  wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  shift(): StreamEntry | undefined {
    if (this.head >= this.entries.length) {
      if (this.head) {
        this.entries = [];
        this.head = 0;
      }
      return undefined;
    }
    return this.entries[this.head++];
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.overflowed = false;
  }

  next(): Promise<void> {
    return new Promise((resolve) => (this.waiter = resolve));
  }
}
