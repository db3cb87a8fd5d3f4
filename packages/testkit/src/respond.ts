// Writing complete (non-streamed) responses.
import type { ServerResponse } from 'node:http';

/** A complete response decided before any script runs: model lists, auth and validation failures. */
export interface Reply {
  status: number;
  /** JSON-serialized unless it is a string, which is sent as text/plain. */
  body: unknown;
  /** Pre-serialized JSON body, sent instead of `body` (model lists are built once). */
  json?: string;
  /** Defaults to content-type application/json. */
  headers?: Record<string, string>;
}

export function sendJson(res: ServerResponse, status: number, text: string, headers?: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.json !== undefined) return sendJson(res, reply.status, reply.json, reply.headers);
  if (typeof reply.body === 'string') {
    // A raw string stands for a non-JSON upstream page (e.g. an HTML proxy error).
    res.writeHead(reply.status, { ...reply.headers, 'content-type': 'text/plain', 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
    return;
  }
  sendJson(res, reply.status, JSON.stringify(reply.body), reply.headers);
}
