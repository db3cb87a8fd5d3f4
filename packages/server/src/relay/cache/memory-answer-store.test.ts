import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryAnswerStore } from './memory-answer-store.js';

afterEach(() => vi.useRealTimers());

describe('MemoryAnswerStore', () => {
  it('keeps answers per slot until their TTL', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const store = new MemoryAnswerStore(1 << 20);
    const first = await store.slots('h', 2);
    expect(first.values).toEqual([null, null]);
    await first.put(1, 'one', 1000);
    expect((await store.slots('h', 2)).values).toEqual([null, 'one']);
    vi.advanceTimersByTime(1001);
    expect((await store.slots('h', 2)).values).toEqual([null, null]);
    expect(store.usedBytes).toBe(0);
  });

  it('stays within its byte budget, dropping the oldest answers first, and refuses one bigger than the budget', async () => {
    const store = new MemoryAnswerStore(100);
    const put = async (hash: string, value: string) => (await store.slots(hash, 1)).put(0, value, 60_000);
    await put('a', 'x'.repeat(20)); // 2 × (20 + 3) = 46 bytes
    await put('b', 'y'.repeat(20));
    await put('c', 'z'.repeat(20));
    expect(store.usedBytes).toBeLessThanOrEqual(100);
    expect((await store.slots('a', 1)).values).toEqual([null]);
    expect((await store.slots('c', 1)).values).toEqual(['z'.repeat(20)]);
    await put('d', 'w'.repeat(60));
    expect((await store.slots('d', 1)).values).toEqual([null]);
  });

  it('forgets everything on flush, including an answer asked for before it', async () => {
    const store = new MemoryAnswerStore(1 << 20);
    await (await store.slots('a', 1)).put(0, 'old', 60_000);
    const pending = await store.slots('b', 1);
    await store.flush();
    await pending.put(0, 'late', 60_000);
    expect((await store.slots('a', 1)).values).toEqual([null]);
    expect((await store.slots('b', 1)).values).toEqual([null]);
  });
});
