import { SseDecoder, irText, type IrRequest, type IrStreamEvent } from '@switchboard/protocol';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from '../../../../testkit/src/native/script.js';
import type { NativeMock } from '../../../../testkit/src/native/server.js';
import { startZhipuMock } from '../../../../testkit/src/native/zhipu-mock.js';
import type { ProviderAdapter, UpstreamRequest } from '../provider-adapter.js';
import { createZhipuAdapter, zhipuAdapter } from './zhipu-adapter.js';

// The adapter's requests against a mock that verifies Zhipu JWTs with its own
// implementation (and refuses raw keys here), answers read back through the OpenAI codec.

const KEY = 'f1e2d3c4b5a6978877665544332211aa.RoundTripSecret1';
const TEXT = '你好，我是智谱清言。';
let mock: NativeMock;
beforeAll(async () => {
  mock = await startZhipuMock({ apiKeys: [KEY], requireJwt: true, text: TEXT, reasoning: '打个招呼。', usage: { input: 7, output: 11, cached: 3 } });
});
afterAll(() => mock.close());

const ask = (over: Partial<IrRequest> = {}): IrRequest => ({
  model: 'glm-4.5',
  messages: [{ role: 'user', content: [{ type: 'text', text: '你好' }] }],
  stream: false,
  ...over,
});

async function call(ir: IrRequest, opts: { key?: string; adapter?: ProviderAdapter } = {}) {
  const adapter = opts.adapter ?? zhipuAdapter;
  const url = new URL(mock.url);
  const built = (await adapter.build({
    baseUrl: mock.url,
    basePath: url.pathname,
    host: url.host,
    key: opts.key ?? KEY,
    upstreamModel: ir.model,
    stream: ir.stream,
    extraHeaders: {},
    passHeaders: {},
    body: adapter.codec.encodeRequest(ir),
  })) as UpstreamRequest;
  const res = await request(mock.origin + built.path, { method: 'POST', headers: built.headers, body: built.body });
  return { status: res.statusCode, text: await res.body.text() };
}

function streamEvents(text: string): IrStreamEvent[] {
  const frames = new SseDecoder();
  const decoder = zhipuAdapter.codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  for (const f of [...frames.push(text), ...frames.end()]) out.push(...decoder.push(f));
  return [...out, ...decoder.end()];
}

describe('Zhipu adapter against the Zhipu mock', () => {
  it('authenticates with a signed JWT and decodes the answer', async () => {
    const res = await call(ask());
    expect(res.status).toBe(200);
    const answer = zhipuAdapter.codec.decodeResponse(JSON.parse(res.text));
    expect(irText(answer.content)).toBe(TEXT);
    expect(answer.content[0]).toEqual({ type: 'reasoning', text: '打个招呼。' });
    expect(answer.usage).toEqual({ input: 7, output: 11, cachedInput: 3 });
    const auth = String(mock.requests.at(-1)!.headers.authorization);
    expect(auth.split('.')).toHaveLength(3);
  });

  it('streams, ending in usage and [DONE]', async () => {
    const events = streamEvents((await call(ask({ stream: true }))).text);
    expect(events[0]).toMatchObject({ type: 'start', model: 'glm-4.5' });
    expect(events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('')).toBe(TEXT);
    expect(events.filter((e) => e.type === 'finish')).toEqual([{ type: 'finish', stopReason: 'end' }]);
    expect(events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: { input: 7, output: 11, cachedInput: 3 } }]);
  });

  it('is refused with a wrong secret or an expired token', async () => {
    const wrong = await call(ask(), { key: 'f1e2d3c4b5a6978877665544332211aa.WrongSecret' });
    expect(wrong.status).toBe(401);
    expect(zhipuAdapter.codec.decodeError(JSON.parse(wrong.text))).toMatchObject({ code: '1004' });
    expect(zhipuAdapter.classifyError).toBeUndefined();

    // A token minted ten minutes ago has expired (five-minute lifetime).
    const stale = createZhipuAdapter({ now: () => Date.now() - 10 * 60_000 });
    const expired = await call(ask(), { adapter: stale });
    expect(expired.status).toBe(401);
    expect(zhipuAdapter.codec.decodeError(JSON.parse(expired.text))).toMatchObject({ code: '1003' });

    const raw = await call(ask(), { key: 'plain-key-no-dot' });
    expect(raw.status).toBe(401);
  });

  it('reads a request error and a mid-stream error', async () => {
    const failing = await call(ask({ model: MOCK_FAIL_MODEL }));
    expect(failing.status).toBe(400);
    expect(zhipuAdapter.codec.decodeError(JSON.parse(failing.text))).toMatchObject({ code: '1211' });
    const events = streamEvents((await call(ask({ model: MOCK_FAIL_MIDSTREAM_MODEL, stream: true }))).text);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: '1234' });
  });
});

describe('Zhipu mock with raw keys allowed', () => {
  it('accepts the raw key as a Bearer token, as the v4 API does', async () => {
    const open = await startZhipuMock({ apiKeys: ['plainid.plainsecret'] });
    try {
      const res = await request(`${open.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer plainid.plainsecret', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'glm-4-flash', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(res.statusCode).toBe(200);
      expect(zhipuAdapter.codec.decodeResponse(await res.body.json()).stopReason).toBe('end');
    } finally {
      await open.close();
    }
  });
});
