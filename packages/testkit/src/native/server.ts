// The HTTP plumbing the native-protocol mocks share: listen, read and capture each request,
// close. Wire formats live in each mock; nothing here knows one.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NativeCapturedRequest {
  method: string;
  /** Path including the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received (signatures are computed over it). */
  rawBody: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  body: unknown;
}

export interface NativeMock {
  /** The base URL a channel would be configured with. */
  url: string;
  origin: string;
  /** Every request received, in order (tests may hold on to the array). */
  requests: NativeCapturedRequest[];
  close(): Promise<void>;
}

export type NativeHandler = (req: NativeCapturedRequest, res: ServerResponse) => void;

export async function startNativeServer(port: number | undefined, basePath: string, handle: NativeHandler): Promise<NativeMock> {
  const requests: NativeCapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const captured: NativeCapturedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, rawBody, body };
      requests.push(captured);
      handle(captured, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    url: origin + basePath,
    origin,
    requests,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Streams a test abandoned and idle keep-alive sockets would hold close() open.
        server.closeAllConnections();
      })),
  };
}

export function sendJsonBody(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes SSE frames (already formatted) with a short pause between them, like a real upstream. */
export async function sendSse(res: ServerResponse, frames: string[], headers: Record<string, string> = {}): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  for (const frame of frames) {
    if (res.destroyed) return;
    res.write(frame);
    await new Promise((r) => setTimeout(r, 1));
  }
  res.end();
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
