import { describe, expect, it } from 'vitest';
import { groupEntries, offeredEntries, paletteRows } from './market-filter';
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

describe('paletteRows', () => {
  const entries = [
    marketEntry('qwen-max', { name: '通义千问 Max', tags: ['推理'] }),
    marketEntry('qwen-turbo', { name: '通义千问 Turbo' }),
    marketEntry('gpt-4o', { name: 'GPT-4o', favorite: true }),
    marketEntry('gemini-pro-thinking', { name: 'Gemini Pro Thinking' }),
  ];
  const groups = groupEntries(entries);
  const found = (search: string) => paletteRows(groups, search).map((row) => (row.kind === 'heading' ? `# ${row.group}` : row.entry.model));

  it('lists every group under its heading when nothing is typed', () => {
    expect(found('')).toEqual(['# favorites', 'gpt-4o', '# qwen', 'qwen-max', 'qwen-turbo', '# google', 'gemini-pro-thinking']);
  });

  it('finds by id, name, provider and tag, in any case, Chinese included', () => {
    expect(found('千问')).toEqual(['# qwen', 'qwen-max', 'qwen-turbo']);
    expect(found('推理')).toEqual(['# qwen', 'qwen-max']);
    expect(found('GPT-4O')).toEqual(['# favorites', 'gpt-4o']);
    expect(found('google')).toEqual(['# google', 'gemini-pro-thinking']);
    expect(found('max 千问')).toEqual(['# qwen', 'qwen-max']);
  });

  it('needs every word, and matches no scattered letters', () => {
    expect(found('gpt')).toEqual(['# favorites', 'gpt-4o']);
    expect(found('qwen gpt')).toEqual([]);
  });

  it('filters 500 models in well under a frame', () => {
    const many = groupEntries(Array.from({ length: 500 }, (_, index) => marketEntry(`model-${index}`, { name: `模型 ${index}`, tags: ['chat', 'vision'] })));
    const started = performance.now();
    for (const search of ['m', 'mo', 'model-4', 'model-49', '模型 4']) paletteRows(many, search);
    expect((performance.now() - started) / 5).toBeLessThan(16);
    expect(paletteRows(many, 'model-49').filter((row) => row.kind === 'model')).toHaveLength(11);
  });
});
