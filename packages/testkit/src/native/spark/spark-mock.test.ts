import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL } from '../script.js';
import { expectedSparkSignature, parseSparkAuthorization } from './sign-verify.js';
import { startSparkMock, type SparkMock } from './spark-mock.js';
import { acceptKey, closeCode, closePayload, encodeFrame, FrameReader, OPCODE, type WsFrame } from './ws-frames.js';

// The mock's verifier is an independent implementation; it must reproduce the worked example
// of iFlytek's "WebSocket协议通用鉴权URL生成说明" before it may judge anyone.
describe('Spark URL verification in the mock', () => {
  it('matches iFlytek’s documented signature and authorization', () => {
    expect(expectedSparkSignature('MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi', 'spark-api.xf-yun.com', 'Fri, 05 May 2023 10:43:39 GMT', '/v1.1/chat')).toBe(
      'z5gHdu3pxVV4ADMyk467wOWDQ9q6BQzR3nfMTjc/DaQ=',
    );
    const documented =
      'YXBpX2tleT0iYWRkZDIyNzJiNmQ4YjdjOGFiZGQ3OTUzMTQyMGNhM2IiLCBhbGdvcml0aG09ImhtYWMtc2hhMjU2IiwgaGVhZGVycz0iaG9zdCBkYXRlIHJlcXVlc3QtbGluZSIsIHNpZ25hdHVyZT0iejVnSGR1M3B4VlY0QURNeWs0Njd3T1dEUTlxNkJRelIzbmZNVGpjL0RhUT0i';
    expect(parseSparkAuthorization(documented)).toEqual({
      apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
      algorithm: 'hmac-sha256',
      headers: 'host date request-line',
      signature: 'z5gHdu3pxVV4ADMyk467wOWDQ9q6BQzR3nfMTjc/DaQ=',
    });
  });
});

const NOW = Date.UTC(2024, 6, 1, 8, 0, 0);
const APP = { appId: 'app00001', secret: 'secret0001', apiKey: 'key0001' };
let mock: SparkMock;
beforeAll(async () => {
  mock = await startSparkMock({ apiKeys: [`${APP.appId}|${APP.secret}|${APP.apiKey}`], now: () => NOW, text: '你好，世界' });
});
afterAll(() => mock.close());

/** A handshake path signed with the mock's own routine (so only the mock is under test here). */
function signedPath(path: string, over: { secret?: string; date?: string } = {}): string {
  const host = new URL(mock.url).host;
  const date = over.date ?? new Date(NOW).toUTCString();
  const signature = expectedSparkSignature(over.secret ?? APP.secret, host, date, path);
  const origin = `api_key="${APP.apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`;
  return `${path}?${new URLSearchParams({ authorization: Buffer.from(origin).toString('base64'), date, host })}`;
}

interface Raw {
  status: number;
  head: string;
  socket: Socket;
  /** Frames after the handshake, as they arrive. */
  next(): Promise<WsFrame>;
  /** Sends a client (masked) frame. */
  send(opcode: number, data: string | Buffer): void;
}

/** A bare-socket WebSocket client: the handshake by hand, masked frames out, frames in. */
async function rawConnect(path: string): Promise<Raw> {
  const { port, hostname } = new URL(mock.url);
  const socket = connect(Number(port), hostname);
  const key = randomBytes(16).toString('base64');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  const reader = new FrameReader();
  const queue: WsFrame[] = [];
  const waiting: Array<(f: WsFrame) => void> = [];
  let buffered = Buffer.alloc(0);
  const head = await new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      const text = buffered.subarray(0, end).toString();
      const rest = buffered.subarray(end + 4);
      if (text.startsWith('HTTP/1.1 101')) {
        socket.on('data', (c: Buffer) => {
          for (const f of reader.push(c)) (waiting.shift() ?? ((x: WsFrame) => queue.push(x)))(f);
        });
        for (const f of reader.push(rest)) queue.push(f);
        resolve(text);
      } else {
        // A refusal: read its body to the end.
        socket.on('data', (c: Buffer) => (buffered = Buffer.concat([buffered, c])));
        socket.on('end', () => resolve(buffered.toString()));
      }
    };
    socket.on('data', onData);
  });
  expect(head).toMatch(/^HTTP\/1\.1 \d{3}/);
  const status = Number(head.slice(9, 12));
  if (status === 101) expect(head).toContain(`Sec-WebSocket-Accept: ${acceptKey(key)}`);
  return {
    status,
    head,
    socket,
    next: () => new Promise<WsFrame>((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : waiting.push(resolve))),
    send: (opcode, data) => socket.write(encodeFrame(opcode, data, randomBytes(4))),
  };
}

const ask = (text: string, over: { appId?: string; domain?: string } = {}) =>
  JSON.stringify({
    header: { app_id: over.appId ?? APP.appId },
    parameter: { chat: { domain: over.domain ?? 'generalv3.5' } },
    payload: { message: { text: [{ role: 'user', content: text }] } },
  });

async function framesUntilLast(raw: Raw): Promise<Array<{ header: { code: number; status: number }; payload?: { choices?: { text?: Array<{ content: string }> }; usage?: unknown } }>> {
  const out = [];
  for (;;) {
    const f = await raw.next();
    expect(f.opcode).toBe(OPCODE.text);
    const frame = JSON.parse(f.payload.toString()) as { header: { code: number; status: number } };
    out.push(frame);
    if (frame.header.status === 2) return out;
  }
}

describe('Spark mock over a bare socket', () => {
  it('upgrades a signed request and answers a masked frame with status 0, 1 … 2 frames', async () => {
    const raw = await rawConnect(signedPath('/v3.5/chat'));
    expect(raw.status).toBe(101);
    raw.send(OPCODE.text, ask('你好'));
    const frames = await framesUntilLast(raw);
    expect(frames.map((f) => f.header.status)).toEqual([0, 1, 2]);
    expect(frames.map((f) => f.payload?.choices?.text?.[0]?.content).join('')).toBe('你好，世界');
    expect(frames.at(-1)?.payload?.usage).toMatchObject({ text: { prompt_tokens: 12 } });
    // Ping is answered with a pong carrying the same data; close is echoed.
    raw.send(OPCODE.ping, 'hb');
    expect(await raw.next()).toMatchObject({ opcode: OPCODE.pong, payload: Buffer.from('hb') });
    raw.send(OPCODE.close, closePayload(1000));
    const echo = await raw.next();
    expect([echo.opcode, closeCode(echo.payload)]).toEqual([OPCODE.close, 1000]);
    const record = mock.requests.at(-1)!;
    await record.closed;
    expect(record).toMatchObject({ closeCode: 1000, framesSent: 3, body: { payload: { message: { text: [{ content: '你好' }] } } } });
  });

  it('refuses a bad signature, a stale date and an unknown path with HTTP errors, as Spark’s gateway does', async () => {
    const bad = await rawConnect(signedPath('/v3.5/chat', { secret: 'wrong' }));
    expect(bad.status).toBe(401);
    expect(bad.head).toContain('{"message":"HMAC signature does not match"}');
    const stale = await rawConnect(signedPath('/v3.5/chat', { date: new Date(NOW - 301_000).toUTCString() }));
    expect(stale.status).toBe(401);
    expect(stale.head).toMatch(/valid date/);
    const tampered = await rawConnect(signedPath('/v3.5/chat').replace('/v3.5/chat', '/v4.0/chat'));
    expect(tampered.status).toBe(401);
    const nowhere = await rawConnect(signedPath('/v9/chat'));
    expect(nowhere.status).toBe(404);
    expect((await fetch(mock.url + '/v3.5/chat')).status).toBe(426);
  });

  it('answers bad frames and the magic texts with error frames', async () => {
    const cases: Array<[string, string, number[]]> = [
      [ask('hi', { appId: 'someone-else' }), '/v3.5/chat', [11200]],
      [ask('hi', { domain: 'lite' }), '/v3.5/chat', [10163]],
      [JSON.stringify({ header: { app_id: APP.appId }, parameter: { chat: { domain: 'lite' } }, payload: { message: { text: [{ role: 'tool', content: 'x' }] } } }), '/v1.1/chat', [10163]],
      [ask(`please ${MOCK_FAIL_MODEL}`), '/v3.5/chat', [10013]],
      [ask(`please ${MOCK_FAIL_MIDSTREAM_MODEL}`), '/v3.5/chat', [0, 10014]],
    ];
    for (const [frame, path, codes] of cases) {
      const raw = await rawConnect(signedPath(path));
      raw.send(OPCODE.text, frame);
      expect((await framesUntilLast(raw)).map((f) => f.header.code)).toEqual(codes);
      raw.socket.destroy();
    }
  });
});
