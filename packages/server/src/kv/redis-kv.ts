import { Redis } from 'ioredis';
import type { Kv } from './kv.js';

/** Redis-backed Kv. Pub/sub needs its own connection, opened on first subscribe. */
export class RedisKv implements Kv {
  readonly kind = 'redis' as const;
  private readonly client: Redis;
  private subscriber: Redis | undefined;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    // Auto-pipelining: the commands of one turn of the event loop (every call's limit checks
    // under load) leave in one write and come back in one read, rather than a round trip each.
    this.client = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false, enableAutoPipelining: true });
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs) await this.client.set(this.prefix + key, value, 'PX', Math.ceil(ttlMs));
    else await this.client.set(this.prefix + key, value);
  }

  async del(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async incr(key: string, ttlMs: number, by = 1): Promise<number> {
    // One round trip (both leave in the same pipelined write). NX: only the first increment
    // of a window sets its TTL, so later ones never extend it.
    const [count] = await Promise.all([this.client.incrby(this.prefix + key, by), this.client.pexpire(this.prefix + key, Math.ceil(ttlMs), 'NX')]);
    return count;
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    if (!this.subscriber) {
      this.subscriber = new Redis(this.url, { maxRetriesPerRequest: null });
      this.subscriber.on('message', (ch: string, message: string) => {
        const set = this.handlers.get(ch);
        if (set) for (const h of set) h(message);
      });
    }
    const full = this.prefix + channel;
    let set = this.handlers.get(full);
    if (!set) {
      this.handlers.set(full, (set = new Set()));
      await this.subscriber.subscribe(full);
    }
    set.add(handler);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
