import { describe, expect, it } from 'vitest';
import { MemoryKv } from './memory-kv.js';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows `limit` hits per subject and window, then refuses with a retry time', async () => {
    const limiter = new RateLimiter(new MemoryKv());
    const rule = { name: 't', limit: 3, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit(rule, '1.2.3.4'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSec).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSec).toBeLessThanOrEqual(60);
    expect((await limiter.hit(rule, '5.6.7.8')).allowed).toBe(true);
  });

  it('counts weights (tokens per minute) and peeks without counting', async () => {
    const limiter = new RateLimiter(new MemoryKv());
    const rule = { name: 'tpm', limit: 1000, windowMs: 60_000 };
    expect((await limiter.peek(rule, 'k1')).allowed).toBe(true);
    expect((await limiter.hit(rule, 'k1', 999)).allowed).toBe(true);
    expect((await limiter.peek(rule, 'k1')).allowed).toBe(true);
    expect((await limiter.peek(rule, 'k1')).allowed).toBe(true); // peeking counts nothing
    expect((await limiter.hit(rule, 'k1', 2)).allowed).toBe(false);
    expect((await limiter.peek(rule, 'k1')).allowed).toBe(false);
    expect((await limiter.peek(rule, 'k2')).allowed).toBe(true);
  });
});
