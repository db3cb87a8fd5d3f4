import { describe, expect, it } from 'vitest';
import type { BuildInput, UpstreamRequest } from '../provider-adapter.js';
import { dashscopeAdapter } from './dashscope-adapter.js';

const input = (over: Partial<BuildInput>): BuildInput => ({
  baseUrl: 'https://dashscope.aliyuncs.com',
  basePath: '',
  host: 'dashscope.aliyuncs.com',
  key: 'sk-test',
  upstreamModel: 'qwen-plus',
  stream: false,
  extraHeaders: {},
  passHeaders: {},
  body: { model: 'qwen-plus', input: { messages: [{ role: 'user', content: 'hi' }] }, parameters: { temperature: 0.5 } },
  ...over,
});

const build = (over: Partial<BuildInput>) => dashscopeAdapter.build(input(over)) as UpstreamRequest;
const bodyOf = (req: UpstreamRequest): Record<string, unknown> => JSON.parse(String(req.body)) as Record<string, unknown>;

describe('DashScope adapter', () => {
  it('posts to text-generation with a Bearer key', () => {
    const req = build({ extraHeaders: { 'x-extra': '1', authorization: 'overridden' } });
    expect(req.path).toBe('/api/v1/services/aigc/text-generation/generation');
    expect(req.headers).toMatchObject({ authorization: 'Bearer sk-test', 'content-type': 'application/json', 'x-extra': '1' });
    expect(req.headers['x-dashscope-sse']).toBeUndefined();
    expect(bodyOf(req)).toEqual({
      model: 'qwen-plus',
      input: { messages: [{ role: 'user', content: 'hi' }] },
      parameters: { temperature: 0.5, result_format: 'message', incremental_output: true },
    });
  });

  it('asks for SSE and incremental output when streaming', () => {
    const req = build({ stream: true, body: { model: 'x', input: { messages: [] }, parameters: { incremental_output: false } } });
    expect(req.headers['x-dashscope-sse']).toBe('enable');
    expect(req.headers.accept).toBe('text/event-stream');
    expect(bodyOf(req).parameters).toEqual({ result_format: 'message', incremental_output: true });
  });

  it('turns the Chat Nio -net suffix into web search', () => {
    const body = bodyOf(build({ upstreamModel: 'qwen-max-net' }));
    expect(body.model).toBe('qwen-max');
    expect(body.parameters).toMatchObject({ enable_search: true });
    expect(bodyOf(build({ upstreamModel: 'qwen-max' })).parameters).not.toHaveProperty('enable_search');
  });

  it('sends vision models and image content to multimodal-generation', () => {
    const vl = build({ upstreamModel: 'qwen-vl-plus' });
    expect(vl.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
    expect(bodyOf(vl).input).toEqual({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] });
    const images = build({
      body: { input: { messages: [{ role: 'user', content: [{ image: 'https://x/y.png' }, { text: 'what?' }] }] } },
      upstreamModel: 'some-new-model',
    });
    expect(images.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
  });

  it('accepts a base URL that already ends in /api/v1', () => {
    expect(build({ basePath: '/api/v1' }).path).toBe('/api/v1/services/aigc/text-generation/generation');
    expect(build({ basePath: '/proxy' }).path).toBe('/proxy/api/v1/services/aigc/text-generation/generation');
  });

  it('classifies arrears, bad keys and throttling', () => {
    const classify = dashscopeAdapter.classifyError!;
    expect(classify(400, '{"code":"Arrearage","message":"Access denied, please make sure your account is in good standing."}')).toMatchObject({
      kind: 'quota',
      retryable: true,
    });
    expect(classify(401, '{"code":"InvalidApiKey","message":"Invalid API-key provided."}')).toMatchObject({ kind: 'auth', message: 'Invalid API-key provided.' });
    expect(classify(429, '{"code":"Throttling.RateQuota","message":"Requests rate limit exceeded"}').kind).toBe('rate_limit');
    expect(classify(400, '{"code":"InvalidParameter","message":"bad"}')).toMatchObject({ kind: 'bad_request', retryable: false });
  });
});
