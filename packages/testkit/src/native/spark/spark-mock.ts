// A mock of iFlytek Spark's native WebSocket chat API, written from iFlytek's documents: the
// signed handshake URL is verified (a bad signature or date is refused with HTTP 401 and
// `{"message": "HMAC signature does not match"}` as Spark does), the request frame is checked,
// and the answer comes back as several frames (status 0, 1 …, 2 with usage). The WebSocket
// server side is hand-written (ws-frames.ts, ws-connection.ts) to keep the testkit
// dependency-free.
import { createServer, STATUS_CODES, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { MOCK_FAIL_MIDSTREAM_MODEL, MOCK_FAIL_MODEL, type NativeMockOptions } from '../script.js';
import type { NativeCapturedRequest, NativeMock } from '../server.js';
import { answerFrames, errorFrame, INPUT_REJECTED } from './answer.js';
import { verifySparkUrl } from './sign-verify.js';
import { acceptWebSocket, upgradeProblem, type WsConnection } from './ws-connection.js';

/** The key the mock accepts when no `apiKeys` are given, in the channel format `APPID|APISecret|APIKey`. */
export const SPARK_MOCK_KEY = 'mockapp1|mockApiSecret0000000000000000|mockApiKey00000000000000000000';

/**
 * Chat paths and the domains each serves, per iFlytek's Web API and X1 documents (kept apart
 * from the adapter's table on purpose). The fail model is accepted on any path.
 */
const PATHS: Readonly<Record<string, readonly string[]>> = {
  '/v1.1/chat': ['lite', 'general'],
  '/v2.1/chat': ['generalv2'],
  '/v3.1/chat': ['generalv3'],
  '/chat/pro-128k': ['pro-128k'],
  '/v3.5/chat': ['generalv3.5'],
  '/chat/max-32k': ['max-32k'],
  '/v4.0/chat': ['4.0Ultra'],
  '/v1/x1': ['spark-x', 'x1'],
};

const ROLES = new Set(['system', 'user', 'assistant']);

export interface SparkMockOptions extends NativeMockOptions {
  /** Server clock in milliseconds, for the date window (tests pin it). */
  now?: () => number;
  /** Pause between frames in milliseconds (default 1). */
  frameDelayMs?: number;
  /** How many increments the text (and reasoning) is cut into (default 3). */
  pieces?: number;
}

/** One handshake, and the request frame once it arrived. */
export interface SparkCapturedRequest extends NativeCapturedRequest {
  /** Answer frames written so far. */
  framesSent: number;
  /** The client's close code once the socket is gone (1006: dropped without a close frame); undefined while open or when refused. */
  closeCode?: number;
  /** Resolves when the connection is gone (at once for a refused handshake). */
  closed: Promise<void>;
}

export interface SparkMock extends NativeMock {
  requests: SparkCapturedRequest[];
}

export async function startSparkMock(opts: SparkMockOptions = {}): Promise<SparkMock> {
  const apps = new Map<string, { appId: string; secret: string }>();
  for (const k of opts.apiKeys ?? [SPARK_MOCK_KEY]) {
    const [appId, secret, apiKey] = k.split('|');
    if (appId && secret && apiKey) apps.set(apiKey, { appId, secret });
  }
  const secrets = new Map([...apps].map(([key, app]) => [key, app.secret] as const));
  const requests: SparkCapturedRequest[] = [];
  const sockets = new Set<Duplex>();
  let counter = 0;

  const server = createServer((_req, res) => {
    // Spark only speaks WebSocket; a plain request is told to upgrade.
    const body = JSON.stringify({ message: 'Upgrade Required' });
    res.writeHead(426, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const captured = capture(req);
    requests.push(captured.record);
    const url = new URL(req.url ?? '/', 'http://mock');
    const domains = PATHS[url.pathname];
    if (!domains) return refuse(socket, captured, 404, 'no Route matched with those values');
    const verdict = verifySparkUrl(url, req.headers.host, (opts.now ?? Date.now)(), secrets);
    if (!verdict.ok) return refuse(socket, captured, 401, verdict.message);
    const problem = upgradeProblem(req);
    if (problem) return refuse(socket, captured, 400, problem);
    const app = apps.get(verdict.apiKey)!;
    const sid = `cht000mock${String(++counter).padStart(4, '0')}@dx0000000000000001`;
    let asked = false;
    const conn = acceptWebSocket(req, socket, head, (text, c) => {
      // One question per connection, as Spark serves it.
      if (asked) return;
      asked = true;
      captured.record.rawBody = text;
      try {
        captured.record.body = JSON.parse(text);
      } catch {
        captured.record.body = undefined;
      }
      void answer(opts, c, captured.record, sid, app.appId, domains);
    });
    void conn.closed.then((code) => {
      captured.record.closeCode = code;
      captured.done();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    url: origin,
    origin,
    requests,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        for (const s of sockets) s.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })),
  };
}

function capture(req: IncomingMessage): { record: SparkCapturedRequest; done: () => void } {
  let done: () => void = () => {};
  const closed = new Promise<void>((resolve) => (done = resolve));
  const record: SparkCapturedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, rawBody: '', body: undefined, framesSent: 0, closed };
  return { record, done };
}

/** Answers the upgrade with a plain HTTP error, as Spark's gateway does for a bad signature (401). */
function refuse(socket: Duplex, captured: { done: () => void }, status: number, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  captured.done();
}

/** Checks the request frame and writes the answer frames, paced like a real upstream. */
async function answer(opts: SparkMockOptions, conn: WsConnection, record: SparkCapturedRequest, sid: string, appId: string, domains: readonly string[]): Promise<void> {
  const problem = frameProblem(record.body, appId, domains);
  const question = lastUserText(record.body);
  let frames;
  if (problem) frames = [errorFrame(sid, problem)];
  else if (question.includes(MOCK_FAIL_MIDSTREAM_MODEL)) frames = answerFrames(opts, sid, true);
  else if (domainOf(record.body) === MOCK_FAIL_MODEL || question.includes(MOCK_FAIL_MODEL)) frames = [errorFrame(sid, INPUT_REJECTED)];
  else frames = answerFrames(opts, sid, false);
  for (const frame of frames) {
    if (!conn.isOpen) return;
    conn.send(JSON.stringify(frame));
    record.framesSent++;
    await new Promise((r) => setTimeout(r, opts.frameDelayMs ?? 1));
  }
  // The client should close after the last frame; the mock closes itself if it does not.
  setTimeout(() => conn.close(1000), 1000).unref();
}

/** The error frame a malformed request gets: 11200 for a foreign APPID, 10163 for a bad frame. */
function frameProblem(body: unknown, appId: string, domains: readonly string[]): { code: number; message: string } | undefined {
  const frame = asRecord(body);
  const header = asRecord(frame?.header);
  if (!frame || !header) return { code: 10163, message: 'invalid request: header is required' };
  if (header.app_id !== appId) return { code: 11200, message: 'licc failed: app_id does not match the api key' };
  const domain = domainOf(body);
  if (domain !== MOCK_FAIL_MODEL && !domains.includes(domain)) return { code: 10163, message: `invalid domain "${domain}" for this url` };
  const text = asRecord(asRecord(asRecord(frame.payload)?.message))?.text;
  if (!Array.isArray(text) || text.length === 0) return { code: 10163, message: 'payload.message.text is required' };
  for (const entry of text) {
    const e = asRecord(entry);
    if (!e || typeof e.role !== 'string' || !ROLES.has(e.role) || typeof e.content !== 'string') {
      return { code: 10163, message: 'payload.message.text entries must be {role: system|user|assistant, content: string}' };
    }
  }
  const functions = asRecord(asRecord(frame.payload)?.functions)?.text;
  if (functions !== undefined && (!Array.isArray(functions) || functions.some((f) => typeof asRecord(f)?.name !== 'string'))) {
    return { code: 10163, message: 'payload.functions.text entries must have a name' };
  }
  return undefined;
}

function domainOf(body: unknown): string {
  const domain = asRecord(asRecord(asRecord(body)?.parameter)?.chat)?.domain;
  return typeof domain === 'string' ? domain : '';
}

function lastUserText(body: unknown): string {
  const text = asRecord(asRecord(asRecord(body)?.payload)?.message)?.text;
  if (!Array.isArray(text)) return '';
  const users = text.map(asRecord).filter((e) => e?.role === 'user');
  const content = users.at(-1)?.content;
  return typeof content === 'string' ? content : '';
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
