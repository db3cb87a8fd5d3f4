import Anthropic from '@anthropic-ai/sdk';
import {
  DEFAULT_NATIVE_TEXT,
  HUNYUAN_MOCK_KEY,
  MOCK_FAIL_MODEL,
  SPARK_MOCK_KEY,
  startDashscopeMock,
  startSparkMock,
  startHunyuanMock,
  startZhipuMock,
  ZHIPU_MOCK_KEY,
  type NativeMock,
} from '@switchboard/testkit';
import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * The vendors' native protocols that Chat Nio and One API used (P-4): DashScope native,
 * Hunyuan with TC3 signing, Zhipu with JWTs from `id.secret` keys. Each mock verifies the
 * vendor's real authentication, so a wrong signature or token fails the test.
 */
let server: TestServer;
let openai: OpenAI;
let anthropic: Anthropic;
const mocks: NativeMock[] = [];
let dashscope: NativeMock;
let hunyuan: NativeMock;
let zhipu: NativeMock;
let spark: NativeMock;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  const key = await createKey(server, root);
  openai = server.openai(key);
  anthropic = new Anthropic({ apiKey: key, baseURL: server.url, maxRetries: 0 });
  dashscope = await startDashscopeMock({ apiKeys: ['sk-dashscope-test-key'] });
  hunyuan = await startHunyuanMock({ apiKeys: [HUNYUAN_MOCK_KEY] });
  zhipu = await startZhipuMock({ apiKeys: [ZHIPU_MOCK_KEY], requireJwt: true });
  spark = await startSparkMock({ apiKeys: [SPARK_MOCK_KEY] });
  mocks.push(dashscope, hunyuan, zhipu, spark);
  await createChannel(server, root, { name: 'ds', type: 'dashscope', base_url: dashscope.url, keys: 'sk-dashscope-test-key', models: ['qwen-plus', 'qwen-plus-net', MOCK_FAIL_MODEL] });
  await createChannel(server, root, { name: 'hy', type: 'hunyuan-native', base_url: hunyuan.url, keys: HUNYUAN_MOCK_KEY, models: ['hunyuan-turbos-latest'] });
  await createChannel(server, root, { name: 'zp', type: 'zhipu', base_url: zhipu.url, keys: ZHIPU_MOCK_KEY, models: ['glm-4.6'] });
  await createChannel(server, root, { name: 'sp', type: 'spark-native', base_url: spark.url, keys: SPARK_MOCK_KEY, models: ['4.0Ultra'] });
});
afterAll(async () => {
  await stopAll();
  await Promise.all(mocks.map((m) => m.close()));
});

const question = [{ role: 'user' as const, content: 'Say hello' }];

describe.each([
  ['DashScope native', 'qwen-plus', () => dashscope],
  ['Hunyuan (TC3)', 'hunyuan-turbos-latest', () => hunyuan],
  ['Zhipu (JWT)', 'glm-4.6', () => zhipu],
  ['Spark (signed WebSocket)', '4.0Ultra', () => spark],
])('%s', (_name, model, mock) => {
  it('answers an OpenAI caller, stream and non-stream, with upstream usage', async () => {
    const before = (await usageRows(server, 0)).length;
    const res = await openai.chat.completions.create({ model, messages: question });
    expect(res.choices[0]!.message.content).toBe(DEFAULT_NATIVE_TEXT);
    let text = '';
    for await (const chunk of await openai.chat.completions.create({ model, messages: question, stream: true })) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe(DEFAULT_NATIVE_TEXT);
    const rows = (await usageRows(server, before + 2)).slice(before);
    expect(rows.map((r) => [r.status, r.usage_source])).toEqual([
      ['success', 'upstream'],
      ['success', 'upstream'],
    ]);
    expect(mock().requests.length).toBeGreaterThanOrEqual(2);
  });

  it('answers an Anthropic caller through the same channel', async () => {
    const msg = await anthropic.messages.create({ model, max_tokens: 100, messages: question });
    expect(msg.content[0]).toMatchObject({ type: 'text', text: DEFAULT_NATIVE_TEXT });
  });
});

describe('vendor details', () => {
  it('signs Hunyuan requests with TC3 and sends DashScope streams with incremental output', async () => {
    await openai.chat.completions.create({ model: 'hunyuan-turbos-latest', messages: question });
    const signed = hunyuan.requests.at(-1)!;
    expect(signed.headers['authorization']).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDmockSecretId0000\//);
    expect(signed.headers['x-tc-action']).toBe('ChatCompletions');

    for await (const _ of await openai.chat.completions.create({ model: 'qwen-plus', messages: question, stream: true })) {
      // drain
    }
    const streamed = dashscope.requests.at(-1)!;
    expect(streamed.headers['x-dashscope-sse']).toBe('enable');
    expect(streamed.body).toMatchObject({ model: 'qwen-plus', parameters: { incremental_output: true } });
  });

  it('turns the -net suffix into DashScope web search', async () => {
    await openai.chat.completions.create({ model: 'qwen-plus-net', messages: question });
    expect(dashscope.requests.at(-1)!.body).toMatchObject({ model: 'qwen-plus', parameters: { enable_search: true } });
  });

  it('sends Zhipu a short-lived JWT, never the raw secret', async () => {
    await openai.chat.completions.create({ model: 'glm-4.6', messages: question });
    const auth = zhipu.requests.at(-1)!.headers['authorization'] ?? '';
    expect(auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(auth).not.toContain(ZHIPU_MOCK_KEY.split('.')[1]!);
  });

  it('speaks to Spark over a signed WebSocket on the model domain\'s path', async () => {
    await openai.chat.completions.create({ model: '4.0Ultra', messages: question });
    const upgrade = spark.requests.at(-1)!;
    expect(upgrade.path).toMatch(/^\/v4\.0\/chat\?authorization=[^&]+&date=[^&]+&host=/);
    expect(upgrade.body).toMatchObject({ header: { app_id: 'mockapp1' }, parameter: { chat: { domain: '4.0Ultra' } } });
  });

  it('reports a vendor error as an OpenAI error with the upstream hidden', async () => {
    const err = (await openai.chat.completions.create({ model: MOCK_FAIL_MODEL, messages: question }).catch((e: unknown) => e)) as { status: number; message: string };
    expect(err.status).toBeGreaterThanOrEqual(400);
    expect(err.message).not.toContain('127.0.0.1');
  });
});
