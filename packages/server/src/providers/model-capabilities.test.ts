import { describe, expect, it } from 'vitest';
import { CHANNEL_TYPES } from './channel-types.js';
import {
  MODEL_CAPABILITIES,
  capabilitiesOf,
  normalizeModelId,
  resolveCapabilities,
  type ModelCapabilities,
} from './model-capabilities.js';

function expectConsistent(id: string, c: ModelCapabilities): void {
  expect(c.vision, `${id}: vision must mirror input`).toBe(c.input.includes('image'));
  expect(c.contextWindow, `${id}: contextWindow`).toBeGreaterThanOrEqual(0);
  if (c.kind === 'chat') {
    expect(c.input, `${id}: chat takes text`).toContain('text');
    expect(c.output, `${id}: chat answers text`).toContain('text');
    expect(c.contextWindow, `${id}: chat window`).toBeGreaterThan(0);
  }
  if (c.kind === 'embedding') expect(c.output).toEqual(['embedding']);
  if (c.maxOutput !== undefined && c.contextWindow > 0) {
    expect(c.maxOutput, `${id}: maxOutput within window`).toBeLessThanOrEqual(c.contextWindow);
  }
  expect(Object.isFrozen(c), `${id}: frozen`).toBe(true);
  expect(Object.isFrozen(c.input) && Object.isFrozen(c.output), `${id}: arrays frozen`).toBe(true);
}

describe('channel-type template models', () => {
  const ids = [...new Set(CHANNEL_TYPES.flatMap((p) => p.models))];

  it('covers many models (sanity check on the iteration)', () => {
    expect(ids.length).toBeGreaterThan(150);
  });

  it.each(ids)('%s has documented metadata', (id) => {
    const r = resolveCapabilities(id);
    // Every template must reach a table entry, not a family guess or the default.
    expect(r.source, `${id} → ${r.normalizedId}`).toBe('table');
    expect(r.capabilities.known).toBe(true);
    expectConsistent(id, r.capabilities);
  });

  it('gives embedding templates the embedding kind and chat templates the chat kind', () => {
    for (const id of ids) {
      const looksEmbedding = /embed|bge-/i.test(id);
      expect(capabilitiesOf(id).kind, id).toBe(looksEmbedding ? 'embedding' : 'chat');
    }
  });
});

describe('the table', () => {
  it('uses lower-case keys that are their own normalized form or an exact alias', () => {
    for (const [id, caps] of MODEL_CAPABILITIES) {
      expect(id).toBe(id.toLowerCase());
      expectConsistent(id, caps);
    }
  });

  it('rejects writes to shared records', () => {
    const c = capabilitiesOf('gpt-4o') as { vision: boolean };
    expect(() => {
      c.vision = false;
    }).toThrow(TypeError);
    expect(capabilitiesOf('gpt-4o').vision).toBe(true);
  });
});

describe('exact ids', () => {
  it('knows what OpenAI models take', () => {
    const gpt4o = capabilitiesOf('gpt-4o');
    expect(gpt4o).toMatchObject({ known: true, kind: 'chat', vision: true, tools: true, reasoning: false });
    expect(gpt4o.contextWindow).toBe(128_000);
    expect(gpt4o.maxOutput).toBe(16_384);
    expect(gpt4o.input).toEqual(['text', 'image', 'file']);

    expect(capabilitiesOf('o3-mini')).toMatchObject({ vision: false, tools: true, reasoning: true });
    expect(capabilitiesOf('gpt-5')).toMatchObject({ vision: true, reasoning: true, contextWindow: 400_000 });
    expect(capabilitiesOf('text-embedding-3-small')).toMatchObject({ kind: 'embedding', contextWindow: 8_191 });
  });

  it('knows text-only and tool-less models', () => {
    expect(capabilitiesOf('deepseek-chat')).toMatchObject({ known: true, vision: false, tools: true, reasoning: false });
    expect(capabilitiesOf('deepseek-reasoner')).toMatchObject({ vision: false, reasoning: true });
    expect(capabilitiesOf('phi4')).toMatchObject({ vision: false, tools: false });
    expect(capabilitiesOf('lite')).toMatchObject({ tools: false, contextWindow: 8_192 });
  });

  it('records documented windows', () => {
    expect(capabilitiesOf('claude-opus-4-6')).toMatchObject({ contextWindow: 1_000_000, maxOutput: 128_000 });
    expect(capabilitiesOf('claude-3-5-haiku-20241022').maxOutput).toBe(8_192);
    expect(capabilitiesOf('gemini-2.0-flash').input).toEqual(['text', 'image', 'audio', 'file']);
    expect(capabilitiesOf('moonshot-v1-32k').contextWindow).toBe(32_768);
  });

  it('is case-insensitive and ignores surrounding blanks', () => {
    expect(capabilitiesOf(' GPT-4o ')).toBe(capabilitiesOf('gpt-4o'));
    expect(capabilitiesOf('Baichuan4')).toBe(capabilitiesOf('baichuan4'));
  });

  it('looks up OpenRouter auto by its full id', () => {
    const auto = capabilitiesOf('openrouter/auto');
    expect(auto).toMatchObject({ known: true, vision: true, tools: true, reasoning: true });
    expect(auto.input).toEqual(['text', 'image', 'audio', 'file']);
  });
});

describe('normalizeModelId', () => {
  it.each([
    ['openai/gpt-4o', 'gpt-4o'],
    ['models/gemini-2.5-pro', 'gemini-2.5-pro'],
    ['anthropic/claude-3.7-sonnet', 'claude-3-7-sonnet'],
    ['anthropic/claude-sonnet-4.5', 'claude-sonnet-4-5'],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet'],
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3-7-sonnet'],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-0', 'claude-sonnet-4'],
    ['claude-3-7-sonnet-latest', 'claude-3-7-sonnet'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-3.5-turbo-0125', 'gpt-3.5-turbo'],
    ['gemini-2.0-flash-001', 'gemini-2.0-flash'],
    ['gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash-preview'],
    ['gemini-2.5-flash-lite-preview-09-2025', 'gemini-2.5-flash-lite-preview'],
    ['doubao-seed-1-6-251015', 'doubao-seed-1-6'],
    ['mistral-large-2411', 'mistral-large'],
    ['qwen3:8b', 'qwen3'],
    ['deepseek/deepseek-r1:free', 'deepseek-r1'],
    ['Qwen/Qwen2.5-72B-Instruct', 'qwen2.5-72b-instruct'],
    ['BAAI/bge-large-zh-v1.5', 'bge-large-zh-v1.5'],
    ['text-embedding-3-small', 'text-embedding-3-small'],
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeModelId(raw)).toBe(normalized);
  });
});

describe('prefixed and dated ids', () => {
  it.each([
    ['openai/gpt-4o', 'gpt-4o'],
    ['azure/gpt-4.1-mini', 'gpt-4.1-mini'],
    ['gpt-4o-2024-11-20', 'gpt-4o'],
    ['o3-2025-04-16', 'o3'],
    ['anthropic/claude-3.7-sonnet', 'claude-3-7-sonnet'],
    ['us.anthropic.claude-opus-4-6-v1:0', 'claude-opus-4-6'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['claude-opus-4-0', 'claude-opus-4'],
    ['models/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['deepseek-ai/DeepSeek-R1', 'deepseek-r1'],
    ['deepseek-r1:14b', 'deepseek-r1'],
    ['gemma3:4b', 'gemma3'],
    ['qwen-plus-2025-07-28', 'qwen-plus'],
    ['glm-4v-plus-0111', 'glm-4v-plus'],
  ])('%s resolves to the %s entry', (raw, entry) => {
    const r = resolveCapabilities(raw);
    expect(r.source).toBe('table');
    expect(r.capabilities).toBe(MODEL_CAPABILITIES.get(entry));
  });
});

describe('family rules', () => {
  it.each<[string, Partial<ModelCapabilities>]>([
    ['claude-3-5-sonnet-20241022', { vision: true, tools: true, reasoning: false, maxOutput: 8_192 }],
    ['claude-3-opus-20240229', { vision: true, reasoning: false }],
    ['claude-opus-4-7', { vision: true, reasoning: true }],
    ['claude-fable-5-1', { vision: true, tools: true, reasoning: true }],
    ['gpt-4-turbo-2024-04-09', { vision: true }],
    ['gpt-4-0125-preview', { vision: false, contextWindow: 128_000 }],
    ['gpt-3.5-turbo-16k', { vision: false, tools: true }],
    ['gpt-5.1-chat-latest', { vision: true, reasoning: false }],
    ['gpt-5.2-pro', { vision: true, reasoning: true }],
    ['o1-mini-2024-09-12', { vision: false, tools: false, reasoning: true }],
    ['o1-2024-12-17', { vision: true, tools: true, reasoning: true }],
    ['chatgpt-4o-latest', { vision: true, tools: false }],
    ['gpt-4o-audio-preview', { vision: false, input: ['text', 'audio'], output: ['text', 'audio'] }],
    ['gemini-1.5-pro-002', { vision: true, reasoning: false, contextWindow: 1_048_576 }],
    ['gemini-3-pro-preview', { vision: true, reasoning: true }],
    ['gemini-2.5-flash-image-preview', { vision: true, output: ['text', 'image'] }],
    ['gemma-3-27b-it', { vision: true, tools: false }],
    ['deepseek-r1-distill-qwen-32b', { vision: false, reasoning: true }],
    ['deepseek-v3.1-terminus', { vision: false, reasoning: true }],
    ['deepseek-coder-v2', { vision: false, reasoning: false }],
    ['qwen2.5-vl-72b-instruct', { vision: true }],
    ['qwen2.5vl:7b', { vision: true }],
    ['qwen3-235b-a22b-instruct-2507', { vision: false, reasoning: false }],
    ['qwen3-30b-a3b-thinking-2507', { reasoning: true }],
    ['qwq-32b', { vision: false, reasoning: true }],
    ['moonshot-v1-32k-vision', { vision: true, contextWindow: 32_768 }],
    ['kimi-k2-0905-preview', { vision: false }],
    ['glm-4.1v-thinking-flash', { vision: true, reasoning: true }],
    ['glm-4-0520', { vision: false }],
    ['mistral-small-2506', { vision: true }],
    ['codestral-2501', { vision: false }],
    ['grok-4-1-fast-non-reasoning', { vision: true, reasoning: false }],
    ['grok-3-mini-beta', { reasoning: true }],
    ['llama3.2-vision:11b', { vision: true }],
    ['meta.llama3-1-70b-instruct-v1:0', { vision: false, contextWindow: 131_072 }],
    ['ernie-4.0-turbo-128k', { contextWindow: 131_072 }],
    ['Baichuan2-Turbo-192k', { contextWindow: 196_608 }],
    ['doubao-1.5-pro-32k', { vision: false, contextWindow: 32_768 }],
    ['hunyuan-turbos-vision', { vision: true }],
    ['phi4-mini', { tools: true }],
  ])('%s', (id, expected) => {
    const r = resolveCapabilities(id);
    expect(r.source, r.normalizedId).toBe('family');
    expect(r.capabilities.known).toBe(true);
    expect(r.capabilities).toMatchObject(expected);
    expectConsistent(id, r.capabilities);
  });

  it.each<[string, ModelCapabilities['kind']]>([
    ['text-embedding-004', 'embedding'],
    ['jina-embeddings-v3', 'embedding'],
    ['bge-reranker-v2-m3', 'rerank'],
    ['omni-moderation-latest', 'moderation'],
    ['dall-e-3', 'image'],
    ['gpt-image-1', 'image'],
    ['whisper-1', 'audio'],
    ['tts-1-hd', 'audio'],
    ['gpt-4o-mini-tts', 'audio'],
  ])('%s is a %s model', (id, kind) => {
    const c = capabilitiesOf(id);
    expect(c.kind).toBe(kind);
    expect(c.known).toBe(true);
    expectConsistent(id, c);
  });
});

describe('unknown ids', () => {
  it('are text chat with tools, marked unknown', () => {
    const r = resolveCapabilities('acme/my-private-model');
    expect(r.source).toBe('default');
    expect(r.normalizedId).toBe('my-private-model');
    expect(r.capabilities).toMatchObject({
      known: false,
      kind: 'chat',
      vision: false,
      tools: true,
      reasoning: false,
      input: ['text'],
      output: ['text'],
    });
    expect(r.capabilities.maxOutput).toBeUndefined();
  });

  it('take positive hints from the id but stay unknown', () => {
    expect(capabilitiesOf('internvl2-8b')).toMatchObject({ known: false, vision: true });
    expect(capabilitiesOf('acme-vision-large')).toMatchObject({ known: false, vision: true });
    expect(capabilitiesOf('step-r1-v-mini')).toMatchObject({ known: false, reasoning: true });
    expect(capabilitiesOf('yi-large-thinking')).toMatchObject({ known: false, reasoning: true });
    expect(capabilitiesOf('yi-34b-chat-200k')).toMatchObject({ known: false, contextWindow: 204_800 });
  });

  it('are not caught by a family rule that merely shares a prefix', () => {
    // `deepseek-pro` is a V4 rule; the prover is a different model.
    expect(resolveCapabilities('deepseek-prover-v2').source).toBe('default');
  });

  it('never throws on odd input', () => {
    for (const id of ['', ' ', '/', ':', '@', '-20250101', 'models/', '..']) {
      expect(capabilitiesOf(id).kind).toBe('chat');
    }
  });
});
