import { Redis } from 'ioredis';
import type { Kv } from './kv.js';

/** Redis-backed Kv. Pub/sub needs its own connection, opened on first subscribe. */
export class RedisKv implements Kv {
  readonly kind = 'redis' as const;
  private readonly client: Redis & IncrWithTtl;
  private subscriber: Redis | undefined;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    // Auto-pipelining: the commands of one turn of the event loop (every call's limit checks
    // under load) leave in one write and come back in one read, rather than a round trip each.
    this.client = withIncrWithTtl(new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false, enableAutoPipelining: true }));
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
    return this.client.incrWithTtl(this.prefix + key, by, Math.ceil(ttlMs));
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

interface IncrWithTtl {
  incrWithTtl(key: string, by: number, ttlMs: number): Promise<number>;
}

/**
 * One atomic command per increment (a script, sent by its SHA once Redis knows it): INCRBY, and
 * the window's TTL set only by the increment that created the key, so later ones never extend
 * it. Each rate-limit count was INCRBY plus PEXPIRE NX; every command costs the node parsing
 * and Redis a dispatch, on the path of every limited call.
 */
function withIncrWithTtl(client: Redis): Redis & IncrWithTtl {
  client.defineCommand('incrWithTtl', {
    numberOfKeys: 1,
    lua: "local n = redis.call('INCRBY', KEYS[1], ARGV[1]) if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return n",
  });
  return client as Redis & IncrWithTtl;
}
