/**
 * Shared state that must agree across nodes: short-lived values, counters for rate limits,
 * and pub/sub for cache invalidation. In-memory for a single node, Redis for several.
 */
export interface Kv {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Adds `by` (default 1) to a counter, starting its TTL window on first use; returns the new value. */
  incr(key: string, ttlMs: number, by?: number): Promise<number>;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
