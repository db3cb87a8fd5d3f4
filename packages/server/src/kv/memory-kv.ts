import type { Kv } from './kv.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/** Single-node Kv. Bounded: past `maxEntries` the oldest entries go first, so no input can grow it without limit. */
export class MemoryKv implements Kv {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(private readonly maxEntries = 100_000) {}

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.put(key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Infinity });
  }

  async del(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async incr(key: string, ttlMs: number, by = 1): Promise<number> {
    const entry = this.live(key);
    const next = (entry ? Number(entry.value) : 0) + by;
    this.put(key, { value: String(next), expiresAt: entry ? entry.expiresAt : Date.now() + ttlMs });
    return next;
  }

  async publish(channel: string, message: string): Promise<void> {
    // Delivered asynchronously, as Redis would, so callers never depend on synchronous delivery.
    const set = this.handlers.get(channel);
    if (set) for (const h of set) queueMicrotask(() => h(message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<void> {
    let set = this.handlers.get(channel);
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
    this.handlers.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
