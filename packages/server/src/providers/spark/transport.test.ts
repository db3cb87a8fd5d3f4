import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSparkMock, type SparkMock } from '../../../../testkit/src/native/spark/spark-mock.js';
import { MOCK_FAIL_MODEL } from '../../../../testkit/src/native/script.js';
import { readBody as text } from '../../relay/generate/attempt.js';
import { ClientAbort } from '../../relay/generate/client-abort.js';
import type { TransportContext, UpstreamRequest, UpstreamResponse } from '../provider-adapter.js';
import { createSparkAdapter, sparkAdapter } from './spark-adapter.js';
import { peekFrame } from './frame-peek.js';
import { webSocketUrl } from './transport.js';

// The transport against the Spark mock: a real WebSocket handshake (signature verified by
// the mock's own code), frames in both body shapes, refusals and failures, and the socket
// closing when the caller goes away.

const KEY = 'tapp0001|transportSecret|transportKey';
const TEXT = '星火在此。';
let mock: SparkMock;
let pool: Pool;
beforeAll(async () => {
  mock = await startSparkMock({ apiKeys: [KEY], text: TEXT });
  pool = new Pool(mock.origin);
});
afterAll(async () => {
  await pool.close();
  await mock.close();
});

const frame = (content: string) => ({ header: {}, parameter: { chat: { domain: 'lite' } }, payload: { message: { text: [{ role: 'user', content }] } } });

async function open(opts: { stream?: boolean; content?: string; key?: string; target?: SparkMock; adapter?: typeof sparkAdapter; signal?: ClientAbort; dispatcher?: Pool; model?: string } = {}) {
  const target = opts.target ?? mock;
  const adapter = opts.adapter ?? sparkAdapter;
  const built = (await adapter.build({
    baseUrl: target.url,
    basePath: '',
    host: new URL(target.origin).host,
    key: opts.key ?? KEY,
    upstreamModel: opts.model ?? 'lite',
    stream: opts.stream ?? false,
    extraHeaders: {},
    passHeaders: {},
    body: frame(opts.content ?? '你好'),
  })) as UpstreamRequest;
  const signal = opts.signal ?? new ClientAbort();
  const ctx: TransportContext = { origin: target.origin, dispatcher: opts.dispatcher ?? pool, signal };
  return adapter.transport!(built, ctx);
}

type Frame = { header: { code: number; status: number; message?: string }; payload?: { choices?: { text?: Array<{ content?: string }> } } };
const contentOf = (frames: Frame[]) => frames.map((f) => f.payload?.choices?.text?.[0]?.content ?? '').join('');
const typeOf = (res: UpstreamResponse) => String(res.headers['content-type']);

describe('Spark transport against the Spark mock', () => {
  it('collects a non-stream exchange into one JSON array and closes the socket normally', async () => {
    const res = await open();
    expect(res.statusCode).toBe(200);
    expect(typeOf(res)).toBe('application/json');
    const frames = JSON.parse(await text(res.body)) as Frame[];
    expect(frames.map((f) => f.header.status)).toEqual([0, 1, 2]);
    expect(contentOf(frames)).toBe(TEXT);
    const record = mock.requests.at(-1)!;
    await record.closed;
    expect(record.closeCode).toBe(1000);
    expect(record.body).toMatchObject({ header: { app_id: 'tapp0001' }, parameter: { chat: { domain: 'lite' } } });
  });

  it('streams frames as newline-delimited JSON', async () => {
    const res = await open({ stream: true });
    expect(typeOf(res)).toBe('application/x-ndjson');
    const lines = (await text(res.body)).split('\n');
    expect(lines.at(-1)).toBe('');
    const frames = lines.slice(0, -1).map((l) => JSON.parse(l) as Frame);
    expect(frames.map((f) => f.header.status)).toEqual([0, 1, 2]);
    expect(contentOf(frames)).toBe(TEXT);
  });

  it('answers an error first frame as a JSON error body, in both modes', async () => {
    for (const stream of [false, true]) {
      const res = await open({ stream, content: `please ${MOCK_FAIL_MODEL}` });
      expect([res.statusCode, typeOf(res)]).toEqual([200, 'application/json']);
      const body = JSON.parse(await text(res.body)) as Frame[];
      expect(body).toHaveLength(1);
      expect(body[0]!.header.code).toBe(10013);
    }
  });

  it('reports a refused handshake with its HTTP status and body', async () => {
    const res = await open({ key: 'tapp0001|wrongSecret|transportKey' });
    expect(res.statusCode).toBe(401);
    expect(await text(res.body)).toBe('{"message":"HMAC signature does not match"}');
    const skewed = await open({ adapter: createSparkAdapter({ now: () => Date.now() - 10 * 60_000 }) });
    expect(skewed.statusCode).toBe(401);
    expect(await text(skewed.body)).toMatch(/valid date/);
    const nowhere = await open({ adapter: createSparkAdapter({ paths: { lite: '/v9/chat' } }) });
    expect(nowhere.statusCode).toBe(404);
  });

  it('rejects when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const dead = { ...mock, url: `http://127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` };
    const deadPool = new Pool(dead.origin);
    await expect(open({ target: dead, dispatcher: deadPool })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await deadPool.close();
  });

  it('closes the socket when the caller goes away mid-answer, and fails the body', async () => {
    const slow = await startSparkMock({ apiKeys: [KEY], text: 'x'.repeat(40), pieces: 40, frameDelayMs: 20 });
    const slowPool = new Pool(slow.origin);
    try {
      const signal = new ClientAbort();
      const res = await open({ target: slow, stream: true, signal, dispatcher: slowPool });
      const reading = text(res.body);
      signal.abort();
      await expect(reading).rejects.toMatchObject({ code: 'ABORT_ERR' });
      const record = slow.requests.at(-1)!;
      await record.closed;
      expect(record.closeCode).toBe(1000);
      expect(record.framesSent).toBeLessThan(40);
    } finally {
      await slowPool.close();
      await slow.close();
    }
  });

  it('rejects at once for a caller already gone, and closes the socket when the body is dropped', async () => {
    const gone = new ClientAbort();
    gone.abort();
    await expect(open({ signal: gone })).rejects.toMatchObject({ code: 'ABORT_ERR' });
    const slow = await startSparkMock({ apiKeys: [KEY], text: 'y'.repeat(40), pieces: 40, frameDelayMs: 20 });
    const slowPool = new Pool(slow.origin);
    try {
      const res = await open({ target: slow, stream: true, dispatcher: slowPool });
      res.body.destroy();
      await slow.requests.at(-1)!.closed;
      expect(slow.requests.at(-1)!.framesSent).toBeLessThan(40);
    } finally {
      await slowPool.close();
      await slow.close();
    }
  });

  it('fails the body when the socket is lost or goes silent before the last frame', async () => {
    const slow = await startSparkMock({ apiKeys: [KEY], text: 'z'.repeat(40), pieces: 40, frameDelayMs: 20 });
    const slowPool = new Pool(slow.origin);
    try {
      const lost = await open({ target: slow, stream: true, dispatcher: slowPool });
      const reading = text(lost.body);
      await slow.close();
      await expect(reading).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    } finally {
      await slowPool.close();
    }
    const silent = await startSparkMock({ apiKeys: [KEY], text: 'zz', pieces: 2, frameDelayMs: 300 });
    const silentPool = new Pool(silent.origin);
    try {
      const res = await open({ target: silent, adapter: createSparkAdapter({ idleMs: 100 }), dispatcher: silentPool });
      await expect(text(res.body)).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
    } finally {
      await silentPool.close();
      await silent.close();
    }
  });

  it('knows the last frame by either status, and any error frame as last', () => {
    expect(peekFrame('{"header":{"code":0,"status":1}}')).toEqual({ code: 0, last: false });
    expect(peekFrame('{"header":{"code":0,"status":2}}')).toEqual({ code: 0, last: true });
    expect(peekFrame('{"header":{"code":0,"status":0},"payload":{"choices":{"status":2}}}')).toEqual({ code: 0, last: true });
    expect(peekFrame('{"header":{"code":10013,"status":0}}')).toEqual({ code: 10013, last: true });
    expect(peekFrame('not json')).toEqual({ last: false });
    expect(peekFrame('null')).toEqual({ last: false });
  });

  it('turns http(s) origins into ws(s) URLs', () => {
    expect(webSocketUrl('https://spark-api.xf-yun.com', '/v3.5/chat?a=1')).toBe('wss://spark-api.xf-yun.com/v3.5/chat?a=1');
    expect(webSocketUrl('http://127.0.0.1:8080/', '/v1.1/chat')).toBe('ws://127.0.0.1:8080/v1.1/chat');
    expect(webSocketUrl('wss://host', '/x')).toBe('wss://host/x');
  });
});
