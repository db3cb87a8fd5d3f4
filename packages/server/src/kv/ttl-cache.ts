/**
 * A bounded in-process cache with per-entry expiry. Hot-path lookups (API keys, sessions)
 * read it synchronously; the bound keeps a flood of distinct keys from growing memory.
 */
export class TtlCache<K, V> {
  private readonly map = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V, ttlMs = this.ttlMs): void {
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: Date.now() + ttlMs });
    if (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  /** Drops every entry whose value matches (e.g. all cached keys of one user). */
  deleteWhere(predicate: (value: V) => boolean): void {
    for (const [k, entry] of this.map) if (predicate(entry.value)) this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }
}
