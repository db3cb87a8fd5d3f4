import { describe, expect, it } from 'vitest';
import { randomBase62 } from '../crypto/tokens.js';
import type { Kv } from './kv.js';
import { MemoryKv } from './memory-kv.js';
import { RedisKv } from './redis-kv.js';

const backends: Array<[string, () => Kv]> = [['memory', () => new MemoryKv(3)]];
if (process.env.TEST_REDIS_URL) backends.push(['redis', () => new RedisKv(process.env.TEST_REDIS_URL!, `sbt:kv:${randomBase62(8)}:`)]);

describe.each(backends)('Kv (%s)', (name, open) => {
  it('stores, expires and deletes values', async () => {
    const kv = open();
    try {
      await kv.set('a', '1');
      await kv.set('b', '2', 50);
      expect(await kv.get('a')).toBe('1');
      expect(await kv.get('b')).toBe('2');
      await new Promise((r) => setTimeout(r, 80));
      expect(await kv.get('b')).toBeNull();
      await kv.del('a');
      expect(await kv.get('a')).toBeNull();
    } finally {
      await kv.close();
    }
  });

  it('counts in windows that start with the first increment', async () => {
    const kv = open();
    try {
      expect([await kv.incr('n', 80), await kv.incr('n', 80), await kv.incr('n', 80)]).toEqual([1, 2, 3]);
      await new Promise((r) => setTimeout(r, 120));
      expect(await kv.incr('n', 80)).toBe(1);
    } finally {
      await kv.close();
    }
  });

  it('delivers published messages to subscribers', async () => {
    const kv = open();
    try {
      const got: string[] = [];
      await kv.subscribe('chan', (m) => got.push(m));
      await kv.publish('chan', 'hello');
      const deadline = Date.now() + 1000;
      while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(got).toEqual(['hello']);
    } finally {
      await kv.close();
    }
  });

  if (name === 'memory') {
    it('stays within its bound, dropping the oldest entries first', async () => {
      const kv = new MemoryKv(3);
      for (const k of ['a', 'b', 'c', 'd']) await kv.set(k, k);
      expect(await kv.get('a')).toBeNull();
      expect(await kv.get('d')).toBe('d');
    });
  }
});
