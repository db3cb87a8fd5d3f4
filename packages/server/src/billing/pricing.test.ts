import { describe, expect, it } from 'vitest';
import type { TokenUsage } from '../providers/usage.js';
import { costOf, minimumBalance, reservationFor, type Price } from './pricing.js';

const usage = (prompt: number, completion: number, cached = 0, writes = 0): TokenUsage => ({
  promptTokens: prompt,
  completionTokens: completion,
  cachedTokens: cached,
  cacheWriteTokens: writes,
  reasoningTokens: 0,
});
const POINT = 1_000_000;

describe('pricing', () => {
  const perMillion: Price = { mode: 'token', input: 2 * POINT, output: 8 * POINT, cachedInput: POINT / 2, cacheWrite: 5 * POINT / 2, unitTokens: 1_000_000, anonymous: false };

  it('charges nothing for free models and the flat price per request', () => {
    expect(costOf({ mode: 'free', anonymous: true }, usage(5000, 5000))).toBe(0);
    expect(costOf({ mode: 'request', perRequest: 3 * POINT, anonymous: false }, usage(5000, 5000))).toBe(3 * POINT);
  });

  it('prices plain input, cache reads, cache writes and output separately', () => {
    // 1000 plain × 2 + 600 cached × 0.5 + 400 writes × 2.5 + 500 out × 8 points per 1M tokens
    const micro = costOf(perMillion, usage(2000, 500, 600, 400));
    expect(micro).toBe((1000 * 2 + 600 * 0.5 + 400 * 2.5 + 500 * 8) * POINT / 1_000_000);
    expect(Number.isInteger(micro)).toBe(true);
  });

  it('rounds up to a whole micro-point once, in exact integer arithmetic', () => {
    const tiny: Price = { mode: 'token', input: 1, output: 1, unitTokens: 1_000, anonymous: false };
    expect(costOf(tiny, usage(1, 0))).toBe(1); // 1/1000 of a micro-point still costs one
    expect(costOf(tiny, usage(1000, 1000))).toBe(2);
    // Large counts and prices stay exact (no float rounding).
    const big: Price = { mode: 'token', input: 999_999_999, output: 999_999_999, unitTokens: 1_000, anonymous: false };
    expect(costOf(big, usage(3_000_001, 0))).toBe(Math.ceil((3_000_001 * 999_999_999) / 1000));
  });

  it('uses the input price for cache reads and writes when they have none', () => {
    const plain: Price = { mode: 'token', input: 4 * POINT, output: 0, unitTokens: 1_000_000, anonymous: false };
    expect(costOf(plain, usage(1_000_000, 0, 300_000, 200_000))).toBe(4 * POINT);
  });

  it('requires 1K input + 1K output (or the request price) before a call (B-3)', () => {
    expect(minimumBalance(perMillion)).toBe(costOf(perMillion, usage(1000, 1000)));
    expect(minimumBalance({ mode: 'request', perRequest: 7, anonymous: false })).toBe(7);
    expect(minimumBalance({ mode: 'free', anonymous: false })).toBe(0);
  });

  it('reserves the estimated prompt plus the most the answer may cost', () => {
    expect(reservationFor(perMillion, 10_000, 1_000)).toBe(costOf(perMillion, usage(10_000, 1_000)));
    expect(reservationFor(perMillion, 10, 10)).toBe(minimumBalance(perMillion));
  });

  it('saturates a cost beyond what any balance holds instead of rounding it', () => {
    const dearest: Price = { mode: 'token', input: Number.MAX_SAFE_INTEGER, output: Number.MAX_SAFE_INTEGER, unitTokens: 1000, anonymous: false };
    expect(minimumBalance(dearest)).toBe(Number.MAX_SAFE_INTEGER);
    expect(costOf(dearest, usage(1_000_000, 1_000_000))).toBe(Number.MAX_SAFE_INTEGER);
  });
});
