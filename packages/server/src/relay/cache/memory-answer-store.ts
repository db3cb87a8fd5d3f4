import type { AnswerStore, Slots } from './answer-store.js';

interface Entry {
  value: string;
  expiresAt: number;
  bytes: number;
}

/**
 * A single node's answers, bounded in bytes: past `budgetBytes` the oldest entries go
 * first (insertion order), expired ones are dropped when read. Sizes count UTF-16 string
 * memory (two bytes a character), which is what the values cost in the heap.
 */
export class MemoryAnswerStore implements AnswerStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = 0;

  constructor(private readonly budgetBytes: number) {}

  async slots(hash: string, size: number): Promise<Slots> {
    const generation = this.generation;
    const now = Date.now();
    const values = Array.from({ length: size }, (_, i) => {
      const key = `${hash}:${i}`;
      const entry = this.entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now) {
        this.remove(key, entry);
        return null;
      }
      return entry.value;
    });
    return {
      values,
      put: async (slot, value, ttlMs) => {
        if (generation === this.generation) this.set(`${hash}:${slot}`, value, ttlMs);
      },
    };
  }

  async flush(): Promise<void> {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Bytes held now (for tests and diagnostics). */
  get usedBytes(): number {
    return this.bytes;
  }

  private set(key: string, value: string, ttlMs: number): void {
    const bytes = value.length * 2 + key.length * 2;
    if (bytes > this.budgetBytes) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.remove(k, e);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
