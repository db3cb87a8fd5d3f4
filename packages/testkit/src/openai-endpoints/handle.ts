// One request: Bearer auth, route, the queued script's error if any, then the
// endpoint. Auth comes first, as at OpenAI, so a bad key never consumes a script.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorForStatus, invalidApiKey, invalidJson, invalidUrl } from './errors.js';
import { sendError } from './reply.js';
import { ROUTES } from './routes.js';
import type { MockEndpointScript } from './types.js';

export interface EndpointsState {
  apiKeys: Set<string> | undefined;
  completionText: string;
  queue: MockEndpointScript[];
}

export interface Received {
  headers: Record<string, string>;
  raw: Buffer;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: unknown;
  capture(body: unknown): void;
}

export function handleEndpoint(state: EndpointsState, req: IncomingMessage, res: ServerResponse, r: Received): void {
  if (state.apiKeys) {
    const m = /^Bearer\s+(.+)$/i.exec(r.headers['authorization'] ?? '');
    const token = m?.[1]?.trim();
    if (!token || !state.apiKeys.has(token)) return sendError(res, invalidApiKey(token));
  }
  const method = req.method ?? 'GET';
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const endpoint = method === 'POST' ? ROUTES.get(path) : undefined;
  if (!endpoint) return sendError(res, invalidUrl(method, path));

  const script = state.queue.shift() ?? {};
  if (script.status !== undefined && script.status >= 400) return sendError(res, errorForStatus(script.status, script.errorMessage));

  let body: Record<string, unknown> = {};
  if (endpoint.body === 'json') {
    if (typeof r.json !== 'object' || r.json === null || Array.isArray(r.json)) return sendError(res, invalidJson());
    body = r.json as Record<string, unknown>;
  }
  const done = endpoint.handle({ res, body, raw: r.raw, headers: r.headers, script, completionText: state.completionText, capture: r.capture });
  // A handler that throws must still answer, or the client would hang.
  void Promise.resolve(done).catch((e: unknown) => {
    if (!res.headersSent) sendError(res, errorForStatus(500, e instanceof Error ? e.message : String(e)));
    else res.destroy();
  });
}
