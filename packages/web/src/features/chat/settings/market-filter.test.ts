import { describe, expect, it } from 'vitest';
import { groupEntries, matchScore, offeredEntries } from './market-filter';
import { marketEntry, tokenPrice } from './test-market';

describe('offeredEntries', () => {
  const free = marketEntry('free-open', { price: tokenPrice({ mode: 'free', anonymous: true }) });
  const freeClosed = marketEntry('free-closed', { price: tokenPrice({ mode: 'free' }) });
  const paid = marketEntry('gpt-4o');
  const unpriced = marketEntry('unpriced', { price: null });

  it('offers signed-out visitors only the models open to them', () => {
    expect(offeredEntries([free, freeClosed, paid, unpriced], true).map((entry) => entry.model)).toEqual(['free-open']);
  });

  it('offers everything to a signed-in user', () => {
    expect(offeredEntries([free, freeClosed, paid, unpriced], false)).toHaveLength(4);
  });
});

describe('groupEntries', () => {
  it('puts favourites first in the user order, then providers in market order, "other" last', () => {
    const entries = [
      marketEntry('house-model'),
      marketEntry('claude-sonnet-4-5'),
      marketEntry('gpt-4o', { favorite: true }),
      marketEntry('gpt-4o-mini'),
      marketEntry('deepseek-chat', { favorite: true }),
      marketEntry('claude-haiku-4-5'),
    ];
    const groups = groupEntries(entries, ['deepseek-chat', 'gpt-4o']);
    expect(groups.map((group) => [group.key, group.entries.map((entry) => entry.model)])).toEqual([
      ['favorites', ['deepseek-chat', 'gpt-4o']],
      ['anthropic', ['claude-sonnet-4-5', 'claude-haiku-4-5']],
      ['openai', ['gpt-4o-mini']],
      ['other', ['house-model']],
    ]);
  });

  it('has no favourites section when there are none', () => {
    expect(groupEntries([marketEntry('gpt-4o')]).map((group) => group.key)).toEqual(['openai']);
  });
});

describe('matchScore', () => {
  const keywords = ['通义千问 Max', 'Qwen', '推理', 'long'];

  it('matches id, name, provider and tags, in any case, Chinese included', () => {
    expect(matchScore('qwen-max', '千问', keywords)).toBeGreaterThan(0);
    expect(matchScore('qwen-max', '推理', keywords)).toBeGreaterThan(0);
    expect(matchScore('qwen-max', 'QWEN', keywords)).toBeGreaterThan(0);
    expect(matchScore('qwen-max', 'max 千问', keywords)).toBeGreaterThan(0);
    expect(matchScore('qwen-max', '', keywords)).toBe(1);
  });

  it('needs every word and no fuzzy letters', () => {
    expect(matchScore('qwen-max', 'gpt', keywords)).toBe(0);
    expect(matchScore('gemini-pro-thinking', 'gpt', ['Gemini Pro Thinking'])).toBe(0);
    expect(matchScore('qwen-max', 'qwen turbo', keywords)).toBe(0);
  });

  it('ranks a name or id that starts with the search first', () => {
    expect(matchScore('gpt-4o', 'gpt', ['GPT-4o'])).toBeGreaterThan(matchScore('chatgpt-4o-latest', 'gpt', ['ChatGPT-4o']));
  });
});
