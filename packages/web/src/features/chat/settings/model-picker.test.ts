import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarketEntry } from './market-types';
import { ModelList } from './model-list';
import { ModelPicker } from './model-picker';
import { initTestI18n, renderWithMarket, textOf } from './render-test-kit';
import { marketEntry, tokenPrice } from './test-market';

beforeAll(async () => {
  await (await initTestI18n()).changeLanguage('en');
});

const market: MarketEntry[] = [
  marketEntry('gpt-4o', { name: 'GPT-4o', avatar: 'openai', plan: true }),
  marketEntry('claude-sonnet-4-5', { name: 'Claude Sonnet 4.5', high_context: true, favorite: true }),
  marketEntry('deepseek-chat', { name: 'DeepSeek V3', price: tokenPrice({ mode: 'request', per_request: 2_000_000 }) }),
  marketEntry('qwen-turbo', { name: '通义千问 Turbo', price: tokenPrice({ mode: 'free', anonymous: true }) }),
  marketEntry('house', { name: 'House', avatar: 'https://example.com/house.png', price: null }),
];

describe('the picker trigger', () => {
  const trigger = (value: string, entries?: MarketEntry[]) =>
    textOf(renderWithMarket(createElement(ModelPicker, { value, onChange: () => {} }), entries));

  it('asks to choose a model when none is chosen', () => {
    expect(trigger('', market)).toContain('Choose a model');
  });

  it('shows the chosen model by its market name with its provider initial', () => {
    const html = trigger('gpt-4o', market);
    expect(html).toContain('GPT-4o');
    expect(html).toMatch(/aria-hidden="true"[^>]*>O<\/span>/);
    expect(html).not.toContain('Choose a model');
  });

  it('shows the model id while the market loads', () => {
    expect(trigger('gpt-4o')).toContain('gpt-4o');
  });
});

describe('the palette', () => {
  const list = (entries: MarketEntry[], anonymous = false) =>
    textOf(renderWithMarket(createElement(ModelList, { value: 'gpt-4o', anonymous, onSelect: () => {} }), entries));

  it('lists favourites, then providers, with price, plan and context badges', () => {
    const html = list(market);
    const order = ['Favourites', 'Claude Sonnet 4.5', 'OpenAI', 'GPT-4o', 'DeepSeek', 'DeepSeek V3', 'Qwen', '通义千问 Turbo', 'Other', 'House'].map((text) => html.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('0.5 / 1.5 per 1M');
    expect(html).toContain('2 per call');
    expect(html).toContain('Free');
    expect(html).toContain('Plus');
    expect(html).toContain('Long context');
    expect(html).toContain('src="https://example.com/house.png"');
  });

  it('shows what the server knows a model can do, and nothing for models it does not know', () => {
    const capabilities = (known: boolean, vision: boolean) => ({ known, kind: 'chat', vision, tools: true, reasoning: false, context_window: known ? 128_000 : 0, max_output: null, input: [], output: [] });
    const models = new Map([
      ['gpt-4o', capabilities(true, true)],
      ['house', capabilities(false, true)],
    ]);
    const html = textOf(renderWithMarket(createElement(ModelList, { value: '', anonymous: false, onSelect: () => {} }), market, [[['models'], models]]));
    expect(html.match(/aria-label="Reads images"/g)).toHaveLength(1);
    expect(html.match(/aria-label="Calls tools"/g)).toHaveLength(1);
    expect(html).not.toContain('Reasons before answering');
    expect(html).toContain('128K');
  });

  it('offers signed-out visitors only the models open to them', () => {
    const html = list(market, true);
    expect(html).toContain('通义千问 Turbo');
    expect(html).not.toContain('GPT-4o');
    expect(html).not.toContain('House');
  });

  it('draws only the first screenful of a long market', () => {
    const many = Array.from({ length: 500 }, (_, index) => marketEntry(`model-${index}`, { name: `Model ${index}` }));
    const html = list(many);
    expect(html).toContain('Model 0');
    expect(html).not.toContain('Model 499');
    expect(html.match(/role="option"/g)?.length ?? 0).toBeLessThan(30);
  });
});
