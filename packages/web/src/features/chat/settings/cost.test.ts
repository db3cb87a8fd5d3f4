import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { EstimatedCost } from './estimated-cost';
import { MessageCost, type MessageCostProps } from './message-cost';
import { initTestI18n, renderWithMarket, textOf } from './render-test-kit';
import { marketEntry, tokenPrice } from './test-market';

let i18n: Awaited<ReturnType<typeof initTestI18n>>;
beforeAll(async () => {
  i18n = await initTestI18n();
  await i18n.changeLanguage('en');
});

describe('EstimatedCost', () => {
  const estimate = (entry: ReturnType<typeof marketEntry> | undefined, text = 'hello world!', contextTokens = 0, maxTokens?: number) =>
    textOf(renderWithMarket(createElement(EstimatedCost, { entry, text, contextTokens, maxTokens })));

  it('shows the message and its context at the input price', () => {
    // 3 + 997 = 1,000 tokens at 5 points per 1M = 0.005 points.
    expect(estimate(marketEntry('m', { price: tokenPrice({ input: 5_000_000 }) }), 'hello world!', 997)).toContain('≈ 0.005 points');
  });

  it('includes the longest answer when max tokens is set', () => {
    const html = estimate(marketEntry('m', { price: tokenPrice({ input: 5_000_000, output: 10_000_000 }) }), 'hello world!', 997, 1000);
    expect(html).toContain('≈ 0.015 points');
    expect(html).toContain('up to 1,000 tokens');
  });

  it('says Free, Plan, or nothing for an unpriced or unknown model', () => {
    expect(estimate(marketEntry('m', { price: tokenPrice({ mode: 'free' }) }))).toContain('Free');
    expect(estimate(marketEntry('m', { plan: true }))).toContain('Plan');
    expect(estimate(marketEntry('m', { price: null }))).toBe('');
    expect(estimate(undefined)).toBe('');
  });

  it('is in the user language', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(estimate(marketEntry('m', { price: tokenPrice({ mode: 'request', per_request: 20_000 }) }))).toContain('≈ 0.02 点');
    await i18n.changeLanguage('en');
  });
});

describe('MessageCost', () => {
  const footer = (over: Partial<MessageCostProps>) =>
    textOf(
      renderWithMarket(createElement(MessageCost, { cost: null, planItem: null, promptTokens: null, completionTokens: null, ttftMs: null, ...over })),
    );

  it('shows tokens, points and time to first token', () => {
    const html = footer({ cost: 12_300, promptTokens: 1000, completionTokens: 234, ttftMs: 320 });
    expect(html).toMatch(/1,234 tokens.*·.*0\.0123 points.*·.*320 ms first token/);
    expect(html).toContain('Input 1,000 · output 234');
  });

  it('names the plan that paid instead of a price', () => {
    const html = footer({ cost: 0, planItem: 'GPT-4o daily', promptTokens: 10, completionTokens: 5 });
    expect(html).toContain('Plan: GPT-4o daily');
    expect(html).not.toContain('points');
  });

  it('shows seconds past one second and leaves out what is unknown', () => {
    expect(footer({ ttftMs: 1234 })).toContain('1.2 sec first token');
    expect(footer({})).toBe('');
  });

  it('uses the plural forms of Russian', async () => {
    await i18n.changeLanguage('ru');
    expect(footer({ promptTokens: 1, completionTokens: 0 })).toContain('1 токен');
    expect(footer({ promptTokens: 3, completionTokens: 0 })).toContain('3 токена');
    expect(footer({ promptTokens: 5, completionTokens: 0 })).toContain('5 токенов');
    await i18n.changeLanguage('en');
  });
});
