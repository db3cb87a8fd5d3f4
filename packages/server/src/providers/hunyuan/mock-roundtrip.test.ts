import { SseDecoder, type IrRequest, type IrStreamEvent } from '@switchboard/protocol';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHunyuanMock } from '../../../../testkit/src/native/hunyuan-mock.js';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from '../../../../testkit/src/native/script.js';
import type { NativeMock } from '../../../../testkit/src/native/server.js';
import type { ProviderAdapter, UpstreamRequest } from '../provider-adapter.js';
import { createHunyuanAdapter, hunyuanAdapter } from './hunyuan-adapter.js';

// The adapter's signed requests against a mock that verifies TC3 signatures the way
// Tencent does (its own implementation, written from the docs), and the mock's answers
// read back through the codec.

const KEY = 'AKIDroundtrip0001|roundtripSecretKey';
const TEXT = '今天北京晴。';
let mock: NativeMock;
beforeAll(async () => {
  mock = await startHunyuanMock({ apiKeys: [KEY], text: TEXT, reasoning: '先想一想。', usage: { input: 6, output: 8 } });
});
afterAll(() => mock.close());

const ask = (over: Partial<IrRequest> = {}): IrRequest => ({
  model: 'hunyuan-t1-latest',
  system: [{ type: 'text', text: '简洁回答。' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: '北京天气？' }] }],
  stream: false,
  ...over,
});

async function call(ir: IrRequest, opts: { key?: string; adapter?: ProviderAdapter; target?: NativeMock } = {}) {
  const target = opts.target ?? mock;
  const adapter = opts.adapter ?? hunyuanAdapter;
  const url = new URL(target.url);
  const built = (await adapter.build({
    baseUrl: target.url,
    basePath: url.pathname.replace(/\/$/, ''),
    host: url.host,
    key: opts.key ?? KEY,
    upstreamModel: ir.model,
    stream: ir.stream,
    extraHeaders: {},
    passHeaders: {},
    body: adapter.codec.encodeRequest(ir),
  })) as UpstreamRequest;
  const res = await request(target.origin + built.path, { method: 'POST', headers: built.headers, body: built.body });
  return { status: res.statusCode, contentType: String(res.headers['content-type']), text: await res.body.text() };
}

function streamEvents(text: string): IrStreamEvent[] {
  const frames = new SseDecoder();
  const decoder = hunyuanAdapter.codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  for (const f of [...frames.push(text), ...frames.end()]) out.push(...decoder.push(f));
  return [...out, ...decoder.end()];
}

describe('Hunyuan adapter against the Hunyuan mock', () => {
  it('is accepted (signature verified) and its answer decodes', async () => {
    const res = await call(ask());
    expect(res.status).toBe(200);
    const body: unknown = JSON.parse(res.text);
    expect(hunyuanAdapter.codec.decodeError(body)).toBeUndefined();
    const answer = hunyuanAdapter.codec.decodeResponse(body);
    expect(answer.content).toEqual([
      { type: 'reasoning', text: '先想一想。' },
      { type: 'text', text: TEXT },
    ]);
    expect(answer).toMatchObject({ stopReason: 'end', usage: { input: 6, output: 8 }, id: expect.stringMatching(/^mock-hunyuan-/) });
    expect(mock.requests.at(-1)!.body).toMatchObject({ Model: 'hunyuan-t1-latest', Stream: false, Messages: [{ Role: 'system' }, { Role: 'user' }] });
  });

  it('streams, and the decoded events rebuild the answer', async () => {
    const res = await call(ask({ stream: true }));
    expect(res.contentType).toMatch(/text\/event-stream/);
    const events = streamEvents(res.text);
    expect(events[0]).toMatchObject({ type: 'start' });
    expect(events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('')).toBe(TEXT);
    expect(events.map((e) => (e.type === 'reasoning-delta' ? e.text : '')).join('')).toBe('先想一想。');
    expect(events.slice(-2)).toEqual([
      { type: 'finish', stopReason: 'end' },
      { type: 'usage', usage: { input: 6, output: 8 } },
    ]);
  });

  it('round-trips a streamed tool call merged by id', async () => {
    const tools = await startHunyuanMock({ apiKeys: [KEY], text: '', toolCall: { id: 'call_x1', name: 'get_weather', arguments: '{"location":"北京"}' } });
    try {
      const ir = ask({ model: 'hunyuan-functioncall', stream: true, tools: [{ name: 'get_weather', parameters: { type: 'object' } }] });
      const events = streamEvents((await call(ir, { target: tools })).text);
      expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
        { type: 'tool-call-start', index: 0, id: 'call_x1', name: 'get_weather' },
        { type: 'tool-call-delta', index: 0, arguments: '{"location":"北京"}' },
      ]);
      expect(events.find((e) => e.type === 'finish')).toEqual({ type: 'finish', stopReason: 'tool-calls' });
      const sent = tools.requests[0]!.body as { Tools: Array<{ Function: { Parameters: unknown } }> };
      expect(sent.Tools[0]!.Function.Parameters).toBe('{"type":"object"}');
    } finally {
      await tools.close();
    }
  });

  it('is refused with AuthFailure.SignatureFailure when the secret is wrong (HTTP 200, as Tencent does)', async () => {
    const res = await call(ask(), { key: 'AKIDroundtrip0001|wrongSecret' });
    expect(res.status).toBe(200);
    expect(hunyuanAdapter.codec.decodeError(JSON.parse(res.text))).toMatchObject({ code: 'AuthFailure.SignatureFailure', type: 'AuthFailure' });
    const unknown = await call(ask(), { key: 'AKIDnobody|x' });
    expect(hunyuanAdapter.codec.decodeError(JSON.parse(unknown.text))).toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
  });

  it('is refused when its clock is more than five minutes off', async () => {
    const skewed = createHunyuanAdapter({ now: () => Date.now() - 10 * 60_000 });
    const res = await call(ask(), { adapter: skewed });
    expect(hunyuanAdapter.codec.decodeError(JSON.parse(res.text))).toMatchObject({ code: 'AuthFailure.SignatureExpire' });
  });

  it('reads a request error and a mid-stream error', async () => {
    const failing = await call(ask({ model: MOCK_FAIL_MODEL }));
    expect(hunyuanAdapter.codec.decodeError(JSON.parse(failing.text))).toMatchObject({ code: 'InvalidParameter' });
    expect(() => hunyuanAdapter.codec.decodeResponse(JSON.parse(failing.text))).toThrow();
    const events = streamEvents((await call(ask({ model: MOCK_FAIL_MIDSTREAM_MODEL, stream: true }))).text);
    expect(events.at(-1)).toEqual({ type: 'error', message: '请求模型超时', code: '4001' });
    // The increment before the failure still counts (and is billed): usage precedes the error.
    expect(events.map((e) => e.type)).toEqual(['start', 'reasoning-delta', 'usage', 'error']);
  });
});
