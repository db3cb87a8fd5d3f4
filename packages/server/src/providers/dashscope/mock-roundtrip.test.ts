import { SseDecoder, irText, type IrRequest, type IrStreamEvent } from '@switchboard/protocol';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashscopeMock } from '../../../../testkit/src/native/dashscope-mock.js';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from '../../../../testkit/src/native/script.js';
import type { NativeMock } from '../../../../testkit/src/native/server.js';
import type { UpstreamRequest } from '../provider-adapter.js';
import { dashscopeAdapter } from './dashscope-adapter.js';

// The adapter's own requests against a mock written from DashScope's docs, answers read
// back through the codec: proves that what we send is what DashScope takes, and that what
// DashScope sends is what we read.

let mock: NativeMock;
const TEXT = 'Hangzhou is sunny today.';
beforeAll(async () => {
  mock = await startDashscopeMock({ apiKeys: ['sk-good'], text: TEXT, reasoning: 'Think first.', usage: { input: 20, output: 9, cached: 8 } });
});
afterAll(() => mock.close());

const ask = (over: Partial<IrRequest> = {}): IrRequest => ({
  model: 'qwen-plus',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather?' }] }],
  stream: false,
  ...over,
});

async function call(ir: IrRequest, opts: { key?: string; upstreamModel?: string; target?: NativeMock } = {}) {
  const target = opts.target ?? mock;
  const url = new URL(target.url);
  const built = (await dashscopeAdapter.build({
    baseUrl: target.url,
    basePath: url.pathname.replace(/\/$/, ''),
    host: url.host,
    key: opts.key ?? 'sk-good',
    upstreamModel: opts.upstreamModel ?? ir.model,
    stream: ir.stream,
    extraHeaders: {},
    passHeaders: {},
    body: dashscopeAdapter.codec.encodeRequest(ir),
  })) as UpstreamRequest;
  const res = await request(target.origin + built.path, { method: 'POST', headers: built.headers, body: built.body });
  return { status: res.statusCode, contentType: String(res.headers['content-type']), text: await res.body.text(), built };
}

function streamEvents(text: string): IrStreamEvent[] {
  const frames = new SseDecoder();
  const decoder = dashscopeAdapter.codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  for (const f of [...frames.push(text), ...frames.end()]) out.push(...decoder.push(f));
  return [...out, ...decoder.end()];
}

const joined = (events: IrStreamEvent[], type: 'text-delta' | 'reasoning-delta') =>
  events.map((e) => (e.type === type ? e.text : '')).join('');

describe('DashScope adapter against the DashScope mock', () => {
  it('answers a plain request, with web search from the -net suffix', async () => {
    const res = await call(ask(), { upstreamModel: 'qwen-plus-net' });
    expect(res.status).toBe(200);
    const answer = dashscopeAdapter.codec.decodeResponse(JSON.parse(res.text));
    expect(irText(answer.content)).toBe(TEXT);
    expect(answer.content[0]).toEqual({ type: 'reasoning', text: 'Think first.' });
    expect(answer.stopReason).toBe('end');
    expect(answer.usage).toEqual({ input: 20, output: 9, cachedInput: 8 });
    const sent = mock.requests.at(-1)!.body as { model: string; parameters: Record<string, unknown> };
    expect(sent.model).toBe('qwen-plus');
    expect(sent.parameters).toMatchObject({ enable_search: true, result_format: 'message' });
  });

  it('streams increments, not the repeated whole text', async () => {
    const res = await call(ask({ stream: true }));
    expect(res.contentType).toMatch(/text\/event-stream/);
    const events = streamEvents(res.text);
    expect(events[0]).toMatchObject({ type: 'start', id: expect.stringMatching(/^mock-dashscope-/) });
    expect(joined(events, 'text-delta')).toBe(TEXT);
    expect(joined(events, 'reasoning-delta')).toBe('Think first.');
    expect(events.filter((e) => e.type === 'finish')).toEqual([{ type: 'finish', stopReason: 'end' }]);
    expect(events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: { input: 20, output: 9, cachedInput: 8 } }]);
  });

  it('sends images to the multimodal endpoint and reads its array content', async () => {
    const ir = ask({
      model: 'qwen-vl-max',
      messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }, { type: 'text', text: 'What is it?' }] }],
    });
    const res = await call(ir);
    expect(res.built.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
    expect(irText(dashscopeAdapter.codec.decodeResponse(JSON.parse(res.text)).content)).toBe(TEXT);
    const streamed = streamEvents((await call({ ...ir, stream: true })).text);
    expect(joined(streamed, 'text-delta')).toBe(TEXT);
  });

  it('round-trips a tool call, whole and streamed', async () => {
    const tools = await startDashscopeMock({ text: '', toolCall: { id: 'call_7', name: 'get_weather', arguments: '{"city":"Hangzhou"}' } });
    try {
      const ir = ask({ tools: [{ name: 'get_weather', parameters: { type: 'object' } }] });
      const answer = dashscopeAdapter.codec.decodeResponse(JSON.parse((await call(ir, { key: 'any', target: tools })).text));
      expect(answer.stopReason).toBe('tool-calls');
      expect(answer.content).toEqual([{ type: 'tool-call', id: 'call_7', name: 'get_weather', arguments: '{"city":"Hangzhou"}' }]);
      const events = streamEvents((await call({ ...ir, stream: true }, { key: 'any', target: tools })).text);
      expect(events.filter((e) => e.type === 'tool-call-start')).toEqual([{ type: 'tool-call-start', index: 0, id: 'call_7', name: 'get_weather' }]);
      expect(events.map((e) => (e.type === 'tool-call-delta' ? e.arguments : '')).join('')).toBe('{"city":"Hangzhou"}');
      expect(events.find((e) => e.type === 'finish')).toEqual({ type: 'finish', stopReason: 'tool-calls' });
    } finally {
      await tools.close();
    }
  });

  it('reports a bad key, a failing model and a mid-stream error', async () => {
    const badKey = await call(ask(), { key: 'sk-wrong' });
    expect(badKey.status).toBe(401);
    expect(dashscopeAdapter.classifyError!(badKey.status, badKey.text)).toMatchObject({ kind: 'auth', message: 'Invalid API-key provided.' });

    const failing = await call(ask({ model: MOCK_FAIL_MODEL }));
    expect(failing.status).toBe(400);
    expect(dashscopeAdapter.codec.decodeError(JSON.parse(failing.text))).toMatchObject({ code: 'InvalidParameter', message: 'Model not exist.' });

    const events = streamEvents((await call(ask({ model: MOCK_FAIL_MIDSTREAM_MODEL, stream: true }))).text);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'InternalError.Algo' });
    expect(events.some((e) => e.type === 'finish')).toBe(false);
  });
});
