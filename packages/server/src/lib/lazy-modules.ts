/**
 * Values that come from modules loaded on first use (codecs, provider adapters): a node that
 * never needs one never loads it. Synchronous once loaded, so the hot path pays no await;
 * concurrent first callers share one import; a failed import is not remembered, so the next
 * caller tries again.
 */
export class LazyModules<K extends string, V> {
  private readonly loaded = new Map<K, V>();
  private readonly loading = new Map<K, Promise<V>>();

  constructor(
    private readonly loaders: Readonly<Partial<Record<K, () => Promise<V>>>>,
    preloaded: Readonly<Partial<Record<K, V>>> = {} as Partial<Record<K, V>>,
  ) {
    for (const [key, value] of Object.entries(preloaded) as Array<[K, V]>) this.loaded.set(key, value);
  }

  /** The value, or the promise of it while its module loads; undefined for a key nobody provides. */
  get(key: K): V | Promise<V> | undefined {
    const ready = this.loaded.get(key);
    if (ready !== undefined) return ready;
    let pending = this.loading.get(key);
    if (!pending) {
      const load = this.loaders[key];
      if (!load) return undefined;
      pending = load().then((value) => {
        this.loaded.set(key, value);
        this.loading.delete(key);
        return value;
      });
      pending.catch(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Every key that is loaded or can be. */
  keys(): K[] {
    return [...new Set([...this.loaded.keys(), ...(Object.keys(this.loaders) as K[])])];
  }
}
