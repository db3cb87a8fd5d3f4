import type { Kv } from '../../kv/kv.js';
import { MemoryAnswerStore } from './memory-answer-store.js';

/** The stored answers of one request key, read together, with a way to fill one of them. */
export interface Slots {
  /** Slot i's stored text, or null when it is empty or expired. */
  values: Array<string | null>;
  /**
   * Stores into slot `slot`. A flush between the read and this write makes it a no-op:
   * an answer asked for before the flush never reappears after it.
   */
  put(slot: number, value: string, ttlMs: number): Promise<void>;
}

/** Where the response cache keeps its answers. */
export interface AnswerStore {
  readonly kind: 'memory' | 'redis';
  slots(hash: string, size: number): Promise<Slots>;
  /** Drops every stored answer (on every node that shares the store). */
  flush(): Promise<void>;
}

/** With Redis, a generation counter flushes everything at once: keys of older generations are never read again and expire on their TTL. */
const GENERATION_KEY = 'rc:gen';
const GENERATION_TTL_MS = 10 * 365 * 86400_000;

/**
 * Answers in the shared Kv (Redis), so every node serves what any node stored. Keys:
 * `rc:{generation}:{hash}:{slot}`, each with its own TTL; the size of a value is capped by
 * the caller, and Redis' own memory policy bounds the rest.
 */
class KvAnswerStore implements AnswerStore {
  readonly kind = 'redis' as const;

  constructor(private readonly kv: Kv) {}

  async slots(hash: string, size: number): Promise<Slots> {
    const generation = (await this.kv.get(GENERATION_KEY)) ?? '0';
    const key = (slot: number) => `rc:${generation}:${hash}:${slot}`;
    const values = await Promise.all(Array.from({ length: size }, (_, i) => this.kv.get(key(i))));
    return {
      values,
      put: async (slot, value, ttlMs) => {
        if (((await this.kv.get(GENERATION_KEY)) ?? '0') !== generation) return;
        await this.kv.set(key(slot), value, ttlMs);
      },
    };
  }

  async flush(): Promise<void> {
    await this.kv.incr(GENERATION_KEY, GENERATION_TTL_MS);
  }
}

/** Total size of answers a single node keeps in memory when there is no Redis. */
const MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * Redis when configured; otherwise a byte-bounded store of this node's own. Not the
 * in-memory Kv: its bound counts entries, not bytes, and cache entries evicting its
 * other residents (login rate-limit counters) would weaken them.
 */
export function answerStoreFor(kv: Kv): AnswerStore {
  return kv.kind === 'redis' ? new KvAnswerStore(kv) : new MemoryAnswerStore(MEMORY_BUDGET_BYTES);
}
