import { describe, expect, it } from 'vitest';
import type { Price } from '../../billing/pricing.js';
import { ModelPolicy, uncacheableReason, type CacheSettings } from './cache-policy.js';

const settings = (s: Partial<CacheSettings>): CacheSettings => ({ preset: 'none', models: [], ttl_sec: 60, size: 1, ...s });
const prices: Record<string, Price> = { gratis: { mode: 'free', anonymous: false }, paid: { mode: 'request', perRequest: 1, anonymous: false } };
const priceOf = (m: string) => prices[m];

describe('ModelPolicy', () => {
  it('caches listed models, every free model with "free", every model with "all"', () => {
    const policy = new ModelPolicy();
    const cached = (s: CacheSettings) => ['gratis', 'paid', 'listed'].filter((m) => policy.caches(s, m, priceOf));
    expect(cached(settings({}))).toEqual([]);
    expect(cached(settings({ models: ['listed'] }))).toEqual(['listed']);
    expect(cached(settings({ preset: 'free', models: ['listed'] }))).toEqual(['gratis', 'listed']);
    expect(cached(settings({ preset: 'all' }))).toEqual(['gratis', 'paid', 'listed']);
  });
});

describe('uncacheableReason', () => {
  it('leaves ordinary requests, tools and tool results included, cacheable', () => {
    const messages = [
      { role: 'user', content: 'weather?' },
      { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'w', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c', content: 'sunny' },
    ];
    expect(uncacheableReason('openai-chat', { messages, tools: [{ type: 'function', function: { name: 'w' } }], n: 1 })).toBeUndefined();
    expect(uncacheableReason('anthropic', { tools: [{ name: 'w', input_schema: {} }] })).toBeUndefined();
    expect(uncacheableReason('gemini', { tools: [{ functionDeclarations: [] }], generationConfig: { candidateCount: 1 } })).toBeUndefined();
    expect(uncacheableReason('openai-responses', { input: 'hi', previous_response_id: 'resp_1', tools: [{ type: 'function', name: 'w' }] })).toBeUndefined();
  });

  it('refuses what a stored answer cannot carry or what depends on the moment or on hidden state', () => {
    expect(uncacheableReason('openai-chat', { n: 2 })).toBe('n > 1');
    expect(uncacheableReason('openai-chat', { logprobs: true })).toBe('logprobs');
    expect(uncacheableReason('openai-chat', { modalities: ['text', 'audio'] })).toBe('audio output');
    expect(uncacheableReason('openai-responses', { conversation: 'conv_1' })).toBe('server-side state');
    expect(uncacheableReason('openai-responses', { tools: [{ type: 'web_search_preview' }] })).toBe('built-in tool');
    expect(uncacheableReason('anthropic', { tools: [{ type: 'web_search_20250305', name: 'web_search' }] })).toBe('server tool');
    expect(uncacheableReason('gemini', { generation_config: { candidate_count: 2 } })).toBe('candidateCount > 1');
    expect(uncacheableReason('gemini', { generationConfig: { responseModalities: ['TEXT', 'IMAGE'] } })).toBe('non-text output');
    expect(uncacheableReason('gemini', { tools: [{ googleSearch: {} }] })).toBe('built-in tool');
  });
});
