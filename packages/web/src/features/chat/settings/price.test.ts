import { describe, expect, it } from 'vitest';
import { estimateMessageCost, estimateTokens, formatPoints, summarizePrice } from './price';
import { tokenPrice } from './test-market';

describe('formatPoints', () => {
  it('shows micro-points as points with the digits that matter', () => {
    expect(formatPoints(12_300, 'en')).toBe('0.0123');
    expect(formatPoints(1, 'en')).toBe('0.000001');
    expect(formatPoints(0, 'en')).toBe('0');
    expect(formatPoints(1_234_567_890, 'en')).toBe('1,234.57');
    expect(formatPoints(500_000, 'zh-CN')).toBe('0.5');
  });

  it('follows the locale', () => {
    expect(formatPoints(1_234_500_000, 'ru')).toBe('1\u00a0234,5');
    expect(formatPoints(12_300, 'ru')).toBe('0,0123');
  });
});

describe('estimateTokens', () => {
  it('counts a CJK character as a token and other text as four characters per token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('こんにちは')).toBe(5);
    expect(estimateTokens('hello world!')).toBe(3);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('用 React 写')).toBe(2 + 2);
  });

  it('counts an emoji as one character, not two UTF-16 halves', () => {
    expect(estimateTokens('👍👍👍👍')).toBe(1);
  });
});

describe('estimateMessageCost', () => {
  it('is exact integer maths, rounded up once as the server settles', () => {
    // 1,000 prompt tokens at 0.5 points per 1M = 500 micro-points.
    expect(estimateMessageCost(tokenPrice(), 1000)).toBe(500);
    // plus 2,000 answer tokens at 1.5 points per 1M = 3,000 micro-points.
    expect(estimateMessageCost(tokenPrice(), 1000, 2000)).toBe(3500);
    // 1 token at 0.5 micro-points: rounded up to a whole micro-point.
    expect(estimateMessageCost(tokenPrice(), 1)).toBe(1);
    // Per-1K prices: 3 tokens at 2,000 micro-points per 1K = 6.
    expect(estimateMessageCost(tokenPrice({ unit_tokens: 1000, input: 2000 }), 3)).toBe(6);
  });

  it('stays exact past what floats multiply safely', () => {
    const price = tokenPrice({ unit_tokens: 1000, input: 999_999_999 });
    expect(estimateMessageCost(price, 3_000_001)).toBe(Math.ceil((3_000_001 * 999_999_999) / 1000));
  });

  it('leaves the answer out when its length is unknown', () => {
    expect(estimateMessageCost(tokenPrice(), 1000, null)).toBe(500);
  });

  it('is the per-call price, zero when free, null when unpriced', () => {
    expect(estimateMessageCost(tokenPrice({ mode: 'request', per_request: 2_000_000 }), 5000, 4000)).toBe(2_000_000);
    expect(estimateMessageCost(tokenPrice({ mode: 'free' }), 5000)).toBe(0);
    expect(estimateMessageCost(null, 5000)).toBeNull();
  });
});

describe('summarizePrice', () => {
  it('shows token prices per million tokens whatever unit they were set in', () => {
    expect(summarizePrice(tokenPrice())).toEqual({ kind: 'token', inputPerMillion: 500_000, outputPerMillion: 1_500_000 });
    expect(summarizePrice(tokenPrice({ unit_tokens: 1000, input: 500, output: 1500 }))).toEqual({
      kind: 'token',
      inputPerMillion: 500_000,
      outputPerMillion: 1_500_000,
    });
    expect(summarizePrice(tokenPrice({ mode: 'request', per_request: 2_000_000 }))).toEqual({ kind: 'request', perCall: 2_000_000 });
    expect(summarizePrice(tokenPrice({ mode: 'free' }))).toEqual({ kind: 'free' });
  });
});
