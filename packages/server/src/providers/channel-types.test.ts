import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_TYPE_IDS, CHANNEL_TYPES, channelTypeById, type WireProtocol } from './channel-types.js';

const REQUIRED_IDS = [
  'openai',
  'azure',
  'anthropic',
  'gemini',
  'deepseek',
  'moonshot',
  'groq',
  'openrouter',
  'mistral',
  'xai',
  'siliconflow',
  'zhipu',
  'baichuan',
  'zhinao',
  'hunyuan',
  'doubao',
  'spark',
  'qwen',
  'ollama',
  'localai',
  'openai-compatible',
];

// Only these may ship without a default URL: Azure's host comes from the key, and a
// custom upstream has no default.
// Azure, Bedrock and Vertex take the endpoint from the key (resource, region); custom has none.
const EMPTY_BASE_URL_ALLOWED = new Set(['azure', 'bedrock', 'vertex', 'openai-compatible']);

const PROTOCOLS: readonly WireProtocol[] = [
  'openai',
  'azure',
  'anthropic',
  'gemini',
  'bedrock',
  'vertex',
  'dashscope',
  'hunyuan',
  'zhipu',
  'spark',
];

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

describe('CHANNEL_TYPES', () => {
  it('has unique, lower-case, kebab-case ids', () => {
    const ids = CHANNEL_TYPES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('includes every required type', () => {
    const ids = new Set(CHANNEL_TYPES.map((t) => t.id));
    const missing = REQUIRED_IDS.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('gives every preset a display name and a known protocol', () => {
    for (const t of CHANNEL_TYPES) {
      expect(t.name.trim(), t.id).not.toBe('');
      expect(PROTOCOLS, t.id).toContain(t.protocol);
    }
  });

  it('uses an empty baseUrl only for the per-account and custom types', () => {
    for (const t of CHANNEL_TYPES) {
      if (t.baseUrl === '') expect(EMPTY_BASE_URL_ALLOWED.has(t.id), t.id).toBe(true);
    }
    expect(channelTypeById('azure')?.baseUrl).toBe('');
    expect(channelTypeById('openai-compatible')?.baseUrl).toBe('');
  });

  it('has valid http(s) base URLs without a trailing slash, query or fragment', () => {
    for (const t of CHANNEL_TYPES) {
      if (t.baseUrl === '') continue;
      const url = parseUrl(t.baseUrl);
      expect(url, `${t.id}: ${t.baseUrl}`).toBeDefined();
      if (!url) continue;
      expect(['http:', 'https:'], t.id).toContain(url.protocol);
      expect(t.baseUrl.endsWith('/'), t.id).toBe(false);
      expect(url.search, t.id).toBe('');
      expect(url.hash, t.id).toBe('');
      expect(t.baseUrl.trim(), t.id).toBe(t.baseUrl);
    }
  });

  it('uses plain http only for local servers', () => {
    for (const t of CHANNEL_TYPES) {
      const url = parseUrl(t.baseUrl);
      if (url?.protocol === 'http:') expect(url.hostname, t.id).toBe('localhost');
    }
  });

  it('gives every preset at least one model, with no duplicates or blanks', () => {
    for (const t of CHANNEL_TYPES) {
      expect(t.models.length, t.id).toBeGreaterThan(0);
      expect(t.models.length, t.id).toBeLessThanOrEqual(15);
      expect(new Set(t.models).size, t.id).toBe(t.models.length);
      for (const m of t.models) expect(m, t.id).toMatch(/^\S+$/);
    }
  });

  it('only sets keyFormat for multi-part keys', () => {
    for (const t of CHANNEL_TYPES) {
      if (t.keyFormat !== undefined) expect(t.keyFormat, t.id).toContain('|');
    }
    expect(channelTypeById('azure')?.keyFormat).toBeDefined();
    // OpenAI-protocol presets send the key as one Bearer token, so a multi-part hint
    // would mislead the operator.
    for (const t of CHANNEL_TYPES.filter((c) => c.protocol === 'openai')) {
      expect(t.keyFormat, t.id).toBeUndefined();
    }
  });

  it('has https docs links where given', () => {
    for (const t of CHANNEL_TYPES) {
      if (t.docs === undefined) continue;
      expect(parseUrl(t.docs)?.protocol, t.id).toBe('https:');
    }
  });

  it('keeps the native protocols and URLs for Anthropic, Gemini and Azure', () => {
    expect(channelTypeById('anthropic')).toMatchObject({
      protocol: 'anthropic',
      baseUrl: 'https://api.anthropic.com/v1',
    });
    expect(channelTypeById('gemini')).toMatchObject({
      protocol: 'gemini',
      baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    });
    expect(channelTypeById('azure')?.protocol).toBe('azure');
  });

  it('serves the OpenAI-compatible families with the openai protocol', () => {
    const expected: Record<string, string> = {
      openai: 'https://api.openai.com/v1',
      deepseek: 'https://api.deepseek.com/v1',
      moonshot: 'https://api.moonshot.cn/v1',
      groq: 'https://api.groq.com/openai/v1',
      openrouter: 'https://openrouter.ai/api/v1',
      qwen: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
      doubao: 'https://ark.cn-beijing.volces.com/api/v3',
      hunyuan: 'https://api.hunyuan.cloud.tencent.com/v1',
      spark: 'https://spark-api-open.xf-yun.com/v1',
      baichuan: 'https://api.baichuan-ai.com/v1',
      zhinao: 'https://api.360.cn/v1',
      ollama: 'http://localhost:11434/v1',
    };
    for (const [id, baseUrl] of Object.entries(expected)) {
      expect(channelTypeById(id), id).toMatchObject({ protocol: 'openai', baseUrl });
    }
    expect(channelTypeById('openai-compatible')?.protocol).toBe('openai');
  });

  it('speaks the vendors\' native protocols where the replaced systems did', () => {
    expect(channelTypeById('zhipu')).toMatchObject({ protocol: 'zhipu', baseUrl: 'https://open.bigmodel.cn/api/paas/v4' });
    expect(channelTypeById('dashscope')).toMatchObject({ protocol: 'dashscope', baseUrl: 'https://dashscope.aliyuncs.com' });
    expect(channelTypeById('hunyuan-native')).toMatchObject({ protocol: 'hunyuan', baseUrl: 'https://hunyuan.tencentcloudapi.com' });
    expect(channelTypeById('bedrock')?.protocol).toBe('bedrock');
    expect(channelTypeById('vertex')?.protocol).toBe('vertex');
  });

  it('is frozen so shared presets cannot be mutated by callers', () => {
    expect(Object.isFrozen(CHANNEL_TYPES)).toBe(true);
    for (const t of CHANNEL_TYPES) {
      expect(Object.isFrozen(t), t.id).toBe(true);
      expect(Object.isFrozen(t.models), t.id).toBe(true);
    }
  });
});

describe('channelTypeById', () => {
  it('round-trips every preset', () => {
    for (const t of CHANNEL_TYPES) expect(channelTypeById(t.id)).toBe(t);
  });

  it('returns undefined for unknown or non-canonical ids', () => {
    expect(channelTypeById('')).toBeUndefined();
    expect(channelTypeById('nope')).toBeUndefined();
    expect(channelTypeById('OpenAI')).toBeUndefined();
    expect(channelTypeById('toString')).toBeUndefined();
    expect(channelTypeById('__proto__')).toBeUndefined();
  });
});

describe('CHANNEL_TYPE_IDS', () => {
  it('lists exactly the preset ids, in order', () => {
    expect([...CHANNEL_TYPE_IDS]).toEqual(CHANNEL_TYPES.map((t) => t.id));
  });

  it('works as a z.enum source', () => {
    const schema = z.enum(CHANNEL_TYPE_IDS);
    for (const id of CHANNEL_TYPE_IDS) expect(schema.parse(id)).toBe(id);
    expect(schema.safeParse('nope').success).toBe(false);
  });
});
