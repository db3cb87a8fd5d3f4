import type { IrRequest, IrResponse, IrStreamEvent } from '@switchboard/protocol';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from '../../../../testkit/src/native/script.js';
import { startSparkMock, type SparkMock } from '../../../../testkit/src/native/spark/spark-mock.js';
import { readBody as text } from '../../relay/generate/attempt.js';
import { ClientAbort } from '../../relay/generate/client-abort.js';
import type { ProviderAdapter, UpstreamRequest } from '../provider-adapter.js';
import type { UpstreamFailure } from '../upstream-error.js';
import { createSparkAdapter, sparkAdapter } from './spark-adapter.js';

// The adapter's signed exchanges against a mock that verifies signatures the way iFlytek's
// gateway does (its own implementation, written from the docs), and the mock's frames read
// back the way the relay core reads any adapter: non-stream bodies through decodeError /
// decodeResponse, streams through the frame decoder and the stream decoder, failures through
// classifyError.

const KEY = 'rtapp001|roundtripSecret|roundtripKey';
const TEXT = '北京今天晴，25度。';
let mock: SparkMock;
let pool: Pool;
beforeAll(async () => {
  mock = await startSparkMock({ apiKeys: [KEY], text: TEXT, usage: { input: 14, output: 9 } });
  pool = new Pool(mock.origin);
});
afterAll(async () => {
  await pool.close();
  await mock.close();
});

const ask = (over: Partial<IrRequest> = {}): IrRequest => ({
  model: 'generalv3.5',
  system: [{ type: 'text', text: '简洁回答。' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: '北京天气？' }] }],
  stream: false,
  ...over,
});

type Outcome = { answer: IrResponse } | { events: IrStreamEvent[] } | { failure: UpstreamFailure };

/** One attempt as the relay core makes it (convert-json-attempt / convert-stream-attempt, minus the client side). */
async function exchange(ir: IrRequest, opts: { key?: string; adapter?: ProviderAdapter; target?: SparkMock } = {}): Promise<Outcome> {
  const target = opts.target ?? mock;
  const adapter = opts.adapter ?? sparkAdapter;
  const request = (await adapter.build({
    baseUrl: target.url,
    basePath: '',
    host: new URL(target.origin).host,
    key: opts.key ?? KEY,
    upstreamModel: ir.model,
    stream: ir.stream,
    extraHeaders: {},
    passHeaders: {},
    body: adapter.codec.encodeRequest(ir),
  })) as UpstreamRequest;
  const dispatcher = target === mock ? pool : new Pool(target.origin);
  const res = await adapter.transport!(request, { origin: target.origin, dispatcher, signal: new ClientAbort() });
  const body = await text(res.body);
  if (dispatcher !== pool) await dispatcher.close();
  if (res.statusCode >= 400) return { failure: adapter.classifyError!(res.statusCode, body) };
  const isStream = adapter.streamContentType!.test(String(res.headers['content-type']));
  if (!isStream) {
    const json: unknown = JSON.parse(body);
    if (adapter.codec.decodeError(json)) return { failure: adapter.classifyError!(res.statusCode, body) };
    expect(ir.stream).toBe(false);
    return { answer: adapter.codec.decodeResponse(json) };
  }
  const frames = adapter.createFrameDecoder!();
  const decoder = adapter.codec.createStreamDecoder();
  const events: IrStreamEvent[] = [];
  for (const f of [...frames.push(Buffer.from(body)), ...frames.end()]) events.push(...decoder.push(f));
  return { events: [...events, ...decoder.end()] };
}

const answerOf = (o: Outcome) => ('answer' in o ? o.answer : expect.unreachable(JSON.stringify(o)));
const eventsOf = (o: Outcome) => ('events' in o ? o.events : expect.unreachable(JSON.stringify(o)));
const failureOf = (o: Outcome) => ('failure' in o ? o.failure : expect.unreachable(JSON.stringify(o)));

describe('Spark adapter against the Spark mock', () => {
  it('is accepted (signature verified) and its answer decodes', async () => {
    const answer = answerOf(await exchange(ask()));
    expect(answer).toMatchObject({ content: [{ type: 'text', text: TEXT }], stopReason: 'end', usage: { input: 14, output: 9 }, id: expect.stringMatching(/^cht000mock/) });
    expect(mock.requests.at(-1)!.body).toMatchObject({
      header: { app_id: 'rtapp001' },
      parameter: { chat: { domain: 'generalv3.5' } },
      payload: { message: { text: [{ role: 'system', content: '简洁回答。' }, { role: 'user', content: '北京天气？' }] } },
    });
  });

  it('streams, and the decoded events rebuild the answer', async () => {
    const events = eventsOf(await exchange(ask({ stream: true })));
    expect(events[0]).toMatchObject({ type: 'start' });
    expect(events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('')).toBe(TEXT);
    expect(events.slice(-2)).toEqual([
      { type: 'finish', stopReason: 'end' },
      { type: 'usage', usage: { input: 14, output: 9 } },
    ]);
  });

  it('round-trips tool history and a function call', async () => {
    const tools = await startSparkMock({ apiKeys: [KEY], text: '', toolCall: { name: 'get_weather', arguments: '{"location":"上海"}' } });
    try {
      const ir = ask({
        stream: true,
        tools: [{ name: 'get_weather', description: '查天气', parameters: { type: 'object', properties: { location: { type: 'string' } } } }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: '北京天气？' }] },
          { role: 'assistant', content: [{ type: 'tool-call', id: 'call_a', name: 'get_weather', arguments: '{"location":"北京"}' }] },
          { role: 'tool', toolCallId: 'call_a', name: 'get_weather', content: [{ type: 'text', text: '晴' }] },
          { role: 'assistant', content: [{ type: 'text', text: '晴。' }] },
          { role: 'user', content: [{ type: 'text', text: '上海呢？' }, { type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }] },
        ],
      });
      const events = eventsOf(await exchange(ir, { target: tools }));
      expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
        { type: 'tool-call-start', index: 0, id: expect.stringMatching(/^call_cht000mock\d+_dx\d+_0$/), name: 'get_weather' },
        { type: 'tool-call-delta', index: 0, arguments: '{"location":"上海"}' },
      ]);
      expect(events.find((e) => e.type === 'finish')).toEqual({ type: 'finish', stopReason: 'tool-calls' });
      // The mock's schema check accepted the text-only history and the functions.
      expect(tools.requests[0]!.body).toMatchObject({ payload: { functions: { text: [{ name: 'get_weather', description: '查天气' }] } } });
      const answer = answerOf(await exchange({ ...ir, stream: false }, { target: tools }));
      expect(answer.content).toEqual([{ type: 'tool-call', id: expect.stringMatching(/^call_/), name: 'get_weather', arguments: '{"location":"上海"}' }]);
    } finally {
      await tools.close();
    }
  });

  it('carries X1 reasoning', async () => {
    const x1 = await startSparkMock({ apiKeys: [KEY], text: '2', reasoning: '1+1 等于 2。' });
    try {
      const answer = answerOf(await exchange(ask({ model: 'spark-x' }), { target: x1 }));
      expect(answer.content).toEqual([
        { type: 'reasoning', text: '1+1 等于 2。' },
        { type: 'text', text: '2' },
      ]);
    } finally {
      await x1.close();
    }
  });

  it('is refused with 401 when the secret or the clock is wrong: an auth failure that fails over', async () => {
    expect(failureOf(await exchange(ask(), { key: 'rtapp001|wrongSecret|roundtripKey' }))).toEqual({
      kind: 'auth',
      status: 401,
      message: 'HMAC signature does not match',
      retryable: true,
    });
    const skewed = createSparkAdapter({ now: () => Date.now() - 10 * 60_000 });
    expect(failureOf(await exchange(ask(), { adapter: skewed }))).toMatchObject({ kind: 'auth', status: 401 });
    // A foreign APPID passes the gateway but is refused by the service (a licence error frame).
    expect(failureOf(await exchange(ask(), { key: 'someoneElse|roundtripSecret|roundtripKey' }))).toMatchObject({ kind: 'auth', status: 200 });
  });

  it('reads a refused question and a mid-stream error', async () => {
    const refused = failureOf(await exchange(ask({ messages: [{ role: 'user', content: [{ type: 'text', text: MOCK_FAIL_MODEL }] }] })));
    expect(refused).toMatchObject({ kind: 'bad_request', retryable: false, message: expect.stringContaining('输入内容审核不通过') });
    // In a stream the refusal arrives before any output: a JSON error body, classified the same way.
    const streamed = failureOf(await exchange(ask({ stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: MOCK_FAIL_MODEL }] }] })));
    expect(streamed).toMatchObject({ kind: 'bad_request', status: 200 });
    const events = eventsOf(await exchange(ask({ stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: MOCK_FAIL_MIDSTREAM_MODEL }] }] })));
    expect(events.map((e) => e.type)).toEqual(['start', 'text-delta', 'error']);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: '10014' });
  });
});
