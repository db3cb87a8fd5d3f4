import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { compareStreamIds } from './stream-ids.js';

/** One stream entry as Redis returns it: its id and its flat field/value list. */
export interface StreamEntry {
  id: string;
  fields: string[];
}

/** A local reader of one stream. */
export interface StreamListener {
  /** Entries after the hub's cursor for this stream, in order (possibly ones the listener already has). */
  deliver(entries: StreamEntry[]): void;
  /** The stream has not existed for the grace period: it ended long ago, or never started. */
  gone(): void;
  /** The hub is closing: stop waiting. */
  wake(): void;
}

interface Watched {
  listeners: Set<StreamListener>;
  /** The id read up to; undefined until a listener has replayed and asks to follow. */
  cursor: string | undefined;
  /** When entries last arrived (or watching began): quiet streams get their existence checked. */
  lastSeenAt: number;
  missingSince: number | undefined;
}

export interface StreamHubOptions {
  /** The longest one XREAD blocks; also how often quiet streams are checked for existence. */
  blockMs: number;
  /** How long a followed stream may be missing before its listeners are told it is gone. */
  missingGraceMs: number;
  /** A stream of this node's own, written to interrupt the blocking read when the set of streams changes. */
  wakeKey: string;
}

const READ_COUNT = 512;

/**
 * One blocking reader per node for every job stream its clients follow: a single XREAD over
 * all followed streams (plus this node's wake stream), fanned out to local listeners. A
 * thousand idle clients cost one connection and one blocking command, not a thousand. The
 * loop runs only while something is followed.
 */
export class RedisStreamHub {
  private readonly watched = new Map<string, Watched>();
  private reader: Redis | undefined;
  private running = false;
  /** True from the moment an XREAD is built until it answers: a change then needs a wake. */
  private blocked = false;
  private wakeCursor = '0-0';
  private idle: (() => void) | undefined;
  private closed = false;

  constructor(
    private readonly client: Redis,
    private readonly openReader: () => Redis,
    private readonly log: Logger,
    private readonly options: StreamHubOptions,
  ) {}

  /** Registers a listener; nothing is delivered until `follow`. */
  watch(key: string, listener: StreamListener): void {
    let w = this.watched.get(key);
    if (!w) this.watched.set(key, (w = { listeners: new Set(), cursor: undefined, lastSeenAt: Date.now(), missingSince: undefined }));
    w.listeners.add(listener);
  }

  /** Delivers entries after `from` (the listener has everything up to it) from now on. */
  follow(key: string, from: string): void {
    const w = this.watched.get(key);
    if (!w) return;
    const wasFollowed = w.cursor !== undefined;
    // Moving the cursor back only re-delivers entries; listeners skip what they already have.
    if (w.cursor === undefined || compareStreamIds(from, w.cursor) < 0) w.cursor = from;
    if (!wasFollowed) this.changed();
  }

  unwatch(key: string, listener: StreamListener): void {
    const w = this.watched.get(key);
    if (!w) return;
    w.listeners.delete(listener);
    if (w.listeners.size === 0) this.watched.delete(key);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle?.();
    for (const w of this.watched.values()) for (const l of w.listeners) l.wake();
    this.watched.clear();
    this.reader?.disconnect();
  }

  private changed(): void {
    if (this.closed) return;
    if (!this.running) {
      this.running = true;
      void this.loop();
    } else if (this.idle) {
      this.idle();
    } else if (this.blocked) {
      this.client
        .multi()
        .xadd(this.options.wakeKey, 'MAXLEN', '1', '*', 'w', '1')
        .pexpire(this.options.wakeKey, 60_000)
        .exec()
        .catch((err: unknown) => this.log.warn({ err }, 'job stream hub: wake failed'));
    }
  }

  private async loop(): Promise<void> {
    this.reader ??= this.openReader();
    let lastCheck = Date.now();
    while (!this.closed) {
      const followed = [...this.watched].filter(([, w]) => w.cursor !== undefined);
      if (followed.length === 0) {
        await new Promise<void>((resolve) => (this.idle = resolve));
        this.idle = undefined;
        continue;
      }
      const keys = followed.map(([key]) => key);
      const cursors = followed.map(([, w]) => w.cursor!);
      let reply: Array<[string, Array<[string, string[]]>]> | null;
      this.blocked = true;
      try {
        reply = await this.reader.xread('COUNT', READ_COUNT, 'BLOCK', this.options.blockMs, 'STREAMS', this.options.wakeKey, ...keys, this.wakeCursor, ...cursors);
      } catch (err) {
        if (this.closed) break;
        this.log.warn({ err }, 'job stream hub: XREAD failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
        continue;
      } finally {
        this.blocked = false;
      }
      const now = Date.now();
      for (const [key, items] of reply ?? []) {
        if (items.length === 0) continue;
        const lastId = items[items.length - 1]![0];
        if (key === this.options.wakeKey) {
          this.wakeCursor = lastId;
          continue;
        }
        const w = this.watched.get(key);
        if (!w || w.cursor === undefined) continue;
        w.cursor = lastId;
        w.lastSeenAt = now;
        w.missingSince = undefined;
        const entries = items.map(([id, fields]) => ({ id, fields }));
        for (const listener of w.listeners) listener.deliver(entries);
      }
      if (now - lastCheck >= this.options.blockMs) {
        lastCheck = now;
        await this.checkExistence(now);
      }
    }
    this.running = false;
  }

  /** Streams quiet for a while may have expired (or never started): their listeners learn it after the grace. */
  private async checkExistence(now: number): Promise<void> {
    const quiet = [...this.watched].filter(([, w]) => w.cursor !== undefined && now - w.lastSeenAt >= this.options.blockMs);
    if (quiet.length === 0) return;
    const pipeline = this.client.pipeline();
    for (const [key] of quiet) pipeline.exists(key);
    const results = await pipeline.exec().catch(() => null);
    if (!results) return;
    quiet.forEach(([key, w], i) => {
      const [err, exists] = results[i] ?? [];
      if (err || exists !== 0) {
        w.missingSince = undefined;
        return;
      }
      w.missingSince ??= now;
      if (now - w.missingSince < this.options.missingGraceMs) return;
      this.watched.delete(key);
      for (const listener of w.listeners) listener.gone();
    });
  }
}
