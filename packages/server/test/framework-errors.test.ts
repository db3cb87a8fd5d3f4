import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Errors Fastify and Node raise themselves (no route, bad URL, parameter too long, body parse
 * errors, wrong content type, body too large, malformed requests, timeouts, a closing server)
 * leave in the shape of the route family the caller speaks, like the errors routes throw.
 */
type Family = 'api' | 'openai' | 'anthropic' | 'gemini';

let server: TestServer;
let small: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer();
  key = await createKey(server, await server.rootToken());
  // About 1 KB, so "too large" needs no large upload.
  small = await startTestServer({ env: { BODY_LIMIT_MB: '0.001' } });
});
afterAll(stopAll);

/** Asserts `body` is exactly the error shape of `family` (no other fields) and returns its message. */
function expectShape(family: Family, status: number, body: unknown): string {
  const b = body as Record<string, Record<string, unknown>>;
  switch (family) {
    case 'api':
      expect(Object.keys(b)).toEqual(['error']);
      expect(Object.keys(b.error!).sort()).toEqual(['code', 'message']);
      expect(typeof b.error!.code).toBe('string');
      break;
    case 'openai':
      expect(Object.keys(b)).toEqual(['error']);
      expect(Object.keys(b.error!).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(typeof b.error!.type).toBe('string');
      break;
    case 'anthropic':
      expect(b.type).toBe('error');
      expect(Object.keys(b.error!).sort()).toEqual(['message', 'type']);
      break;
    case 'gemini':
      expect(Object.keys(b)).toEqual(['error']);
      expect(Object.keys(b.error!).sort()).toEqual(['code', 'message', 'status']);
      expect(b.error!.code).toBe(status);
      expect(b.error!.status).toMatch(/^[A-Z_]+$/);
      break;
  }
  expect(typeof b.error!.message).toBe('string');
  return b.error!.message as string;
}

async function call(base: string, method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const res = await fetch(base + path, { method, headers: init.headers ?? {}, body: init.body ?? null });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text: the assertion on the shape then fails and shows it
  }
  return { status: res.status, body, contentType: res.headers.get('content-type') ?? '' };
}

/** A POST endpoint of each family that parses a JSON body (authenticated where it must be). */
const posts: Record<Family, { path: string; headers: () => Record<string, string> }> = {
  api: { path: '/api/auth/login', headers: () => ({}) },
  openai: { path: '/v1/chat/completions', headers: () => ({ authorization: `Bearer ${key}` }) },
  anthropic: { path: '/v1/messages', headers: () => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' }) },
  gemini: { path: '/v1beta/models/gemini-pro:generateContent', headers: () => ({ 'x-goog-api-key': key }) },
};
const families = Object.keys(posts) as Family[];

describe.each(families)('%s errors raised by the framework', (family) => {
  const { path } = posts[family];

  it('a body that is not JSON: 400', async () => {
    const res = await call(server.base, 'POST', path, { headers: { ...posts[family].headers(), 'content-type': 'application/json' }, body: '{"model":' });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/json');
    expectShape(family, 400, res.body);
  });

  it('an empty JSON body: 400', async () => {
    const res = await call(server.base, 'POST', path, { headers: { ...posts[family].headers(), 'content-type': 'application/json' }, body: '' });
    expect(res.status).toBe(400);
    expectShape(family, 400, res.body);
  });

  it('a content type no parser takes: 415', async () => {
    const res = await call(server.base, 'POST', path, { headers: { ...posts[family].headers(), 'content-type': 'application/xml' }, body: '<a/>' });
    expect(res.status).toBe(415);
    expectShape(family, 415, res.body);
  });

  it('a body over BODY_LIMIT_MB: 413', async () => {
    const token = family === 'api' ? '' : await createKey(small, await small.rootToken());
    const headers: Record<string, string> = family === 'api' ? {} : family === 'anthropic' ? { 'x-api-key': token } : family === 'gemini' ? { 'x-goog-api-key': token } : { authorization: `Bearer ${token}` };
    const res = await call(small.base, 'POST', path, { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(4000) }) });
    expect(res.status).toBe(413);
    expectShape(family, 413, res.body);
  });

  it('no route: 404, the path capped in the message', async () => {
    const prefix = { api: '/api', openai: '/v1', anthropic: '/v1/messages', gemini: '/v1beta' }[family];
    const res = await call(server.base, 'GET', `${prefix}/nope-${'n'.repeat(5000)}`);
    expect(res.status).toBe(404);
    expect(expectShape(family, 404, res.body).length).toBeLessThan(200);
  });

  it('a method the path does not take: 404 in the same shape', async () => {
    const res = await call(server.base, 'DELETE', path);
    expect(res.status).toBe(404);
    expectShape(family, 404, res.body);
  });
});

/** A GET with a path parameter in each family that has one. */
const parametric: Array<[Family, string]> = [
  ['api', '/api/admin/channels/'],
  ['openai', '/v1/models/'],
  ['gemini', '/v1beta/models/'],
];

describe.each(parametric)('%s path parameters', (family, prefix) => {
  it('a parameter over 100 characters: 414', async () => {
    const res = await call(server.base, 'GET', prefix + 'p'.repeat(101));
    expect(res.status).toBe(414);
    expectShape(family, 414, res.body);
  });

  it('a parameter that does not percent-decode: 400', async () => {
    const res = await call(server.base, 'GET', `${prefix}%E0%A4%A`);
    expect(res.status).toBe(400);
    expectShape(family, 400, res.body);
  });
});

/** Sends raw bytes on a new connection and resolves with everything the server wrote back. */
function raw(base: string, bytes: string, onSocket?: (socket: Socket) => void): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      onSocket?.(socket);
    });
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

function parseRaw(text: string): { status: number; body: unknown } {
  const [head, body] = text.split('\r\n\r\n', 2) as [string, string];
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
}

describe('what Node refuses before any route', () => {
  it('headers over the size limit: 431 as JSON with code and message', async () => {
    const res = parseRaw(await raw(server.base, `GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`));
    expect(res.status).toBe(431);
    expectShape('openai', 431, res.body);
  });

  it('bytes that are not HTTP: 400 as JSON with code and message', async () => {
    const res = parseRaw(await raw(server.base, 'NOT HTTP AT ALL\r\n\r\n'));
    expect(res.status).toBe(400);
    expectShape('openai', 400, res.body);
  });
});

/** The key header of each family's POST. */
function headersOf(family: Family, token: string): string {
  return { api: '', openai: `authorization: Bearer ${token}\r\n`, anthropic: `x-api-key: ${token}\r\n`, gemini: `x-goog-api-key: ${token}\r\n` }[family];
}

describe.each(families)('%s: a request timeout and a closing server', (family) => {
  it('a request timeout after the request line was read: 408 in its family shape', async () => {
    const serverSide = new Promise<Socket>((resolve) => server.app.server.once('connection', resolve));
    const text = raw(
      server.base,
      `POST ${posts[family].path} HTTP/1.1\r\nHost: x\r\n${headersOf(family, key)}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"con`,
    );
    const socket = (await serverSide) as Socket & { _httpMessage?: unknown };
    // Node emits exactly this when requestTimeout/headersTimeout expire; wait until the request is dispatched.
    while (!socket._httpMessage) await new Promise((r) => setTimeout(r, 5));
    server.app.server.emit('clientError', Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    const res = parseRaw(await text);
    expect(res.status).toBe(408);
    expectShape(family, 408, res.body);
  });

  it('a request that arrives during shutdown: 503 in its family shape', async () => {
    const closing = await startTestServer();
    const token = await createKey(closing, await closing.rootToken());
    // The first request holds the connection open (its body is not complete) while close()
    // begins; the second, pipelined behind it, is read only after close() began.
    let finish: (() => void) | undefined;
    const dispatched = new Promise((resolve) => closing.app.server.once('request', resolve));
    const text = raw(closing.base, `POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{`, (socket) => {
      finish = () => socket.write(`}POST ${posts[family].path} HTTP/1.1\r\nHost: x\r\n${headersOf(family, token)}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    });
    await dispatched;
    const closed = closing.close();
    while (closing.app.server.listening) await new Promise((r) => setTimeout(r, 5));
    finish!();
    const out = await text;
    await closed;
    const res = parseRaw(out.slice(out.indexOf('HTTP/1.1', 10)));
    expect(res.status).toBe(503);
    expectShape(family, 503, res.body);
  });
});
