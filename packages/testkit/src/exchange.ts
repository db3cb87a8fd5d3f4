// Handles one HTTP exchange: routing, auth, script selection, faults, and the
// completed/aborted/faulted bookkeeping. Wire objects come from openai-chunks.ts.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CapturedRequest, MockScript } from './types.js';
import { planFor } from './plan.js';
import { usageFor } from './usage.js';
import { completionBody, newMeta, randomId, streamEvents } from './openai-chunks.js';
import { pumpEvents } from './event-pump.js';
import { errorForStatus, invalidApiKey, invalidJson, invalidUrl } from './openai-errors.js';

export const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o'];
const DEFAULT_FAIL_AFTER = 2;

/** Mutable state shared by all exchanges of one mock server. */
export interface MockState {
  capture: boolean;
  apiKeys: Set<string> | undefined;
  /** Pre-serialized GET /v1/models body. */
  modelsBody: string;
  defaults: MockScript;
  queue: MockScript[];
  requests: CapturedRequest[];
  counters: { completed: number; aborted: number; active: number; faulted: number };
}

interface ChatBody {
  model?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
}

export function handleExchange(state: MockState, req: IncomingMessage, res: ServerResponse): void {
  const { counters } = state;
  counters.active++;
  // Whatever could still write to `res` (latency timer, event pump) registers its
  // canceller here, so a client disconnect stops it instead of writing to a dead socket.
  let cancel: (() => void) | undefined;
  let closed = false;
  let faulted = false;
  res.on('close', () => {
    closed = true;
    counters.active--;
    cancel?.();
    if (faulted) counters.faulted++;
    else if (res.writableFinished) counters.completed++;
    else counters.aborted++;
  });

  // Ends the connection without finishing the response. end() first flushes what was
  // already written, so the client really sees the headers and the early chunks.
  const kill = (): void => {
    faulted = true;
    const socket = res.socket;
    if (socket) socket.end(() => socket.destroy());
  };

  const answer = (script: MockScript, body: ChatBody): void => {
    if (script.fault === 'reset') {
      faulted = true;
      res.socket?.destroy();
      return;
    }
    if (script.status !== undefined && script.status >= 400) return sendError(res, script);
    const stream = body.stream === true;
    if (script.fault === 'hang') {
      if (stream) {
        res.writeHead(200, sseHeaders());
        res.flushHeaders();
      }
      return;
    }
    const plan = planFor(script);
    const usage = usageFor(script, plan, body);
    const model = script.model ?? (typeof body.model === 'string' ? body.model : DEFAULT_MODELS[0]!);
    const meta = newMeta(plan, model);
    const midstream = script.fault === 'midstream';
    if (!stream) {
      const text = JSON.stringify(completionBody(meta, plan, usage));
      if (!midstream) return sendJson(res, 200, text, { 'x-request-id': randomId('req_', 24) });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, text.length >> 1));
      return kill();
    }
    const includeUsage = body.stream_options?.include_usage === true;
    const events = streamEvents(meta, plan, includeUsage ? usage : undefined);
    res.writeHead(200, sseHeaders());
    cancel = pumpEvents(
      res,
      events,
      {
        delayMs: script.chunkDelayMs ?? 0,
        keepAlive: script.keepAliveComments === true,
        limit: midstream ? (script.failAfterChunks ?? DEFAULT_FAIL_AFTER) : undefined,
      },
      midstream ? kill : () => res.end(),
    );
  };

  const dispatch = (body: unknown, json: boolean): void => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const isChat = req.method === 'POST' && path === '/v1/chat/completions';
    const isModels = req.method === 'GET' && path === '/v1/models';
    if (!isChat && !isModels) return sendJson(res, 404, JSON.stringify(invalidUrl(req.method ?? '', path)));
    if (state.apiKeys) {
      const token = bearer(req.headers.authorization);
      if (token === undefined || !state.apiKeys.has(token)) return sendJson(res, 401, JSON.stringify(invalidApiKey(token)));
    }
    if (isModels) return sendJson(res, 200, state.modelsBody);
    if (!json || body === null || typeof body !== 'object' || Array.isArray(body)) {
      return sendJson(res, 400, JSON.stringify(invalidJson()));
    }
    // Only well-formed chat requests consume a script, so an auth or JSON failure
    // in a test does not shift the queue.
    const script = state.queue.shift() ?? state.defaults;
    const latency = script.latencyMs ?? 0;
    if (latency <= 0) return answer(script, body);
    const t = setTimeout(() => {
      cancel = undefined;
      answer(script, body);
    }, latency);
    cancel = () => clearTimeout(t);
  };

  const record: CapturedRequest | undefined = state.capture
    ? { method: req.method ?? '', path: req.url ?? '', headers: flattenHeaders(req.headers), body: undefined, at: Date.now() }
    : undefined;
  if (record) state.requests.push(record);

  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => {
    if (closed) return;
    const raw = parts.length === 0 ? '' : parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8');
    let body: unknown;
    let json = true;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        json = false;
      }
    }
    if (record) record.body = body;
    dispatch(body, json);
  });
}

function sseHeaders(): Record<string, string> {
  // OpenAI sends the charset parameter too; parsers must not compare the header exactly.
  return { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': randomId('req_', 24) };
}

function sendJson(res: ServerResponse, status: number, text: string, extra?: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

function sendError(res: ServerResponse, script: MockScript): void {
  const status = script.status!;
  // Real OpenAI 429s carry retry-after; gateways use it to schedule the retry.
  const extra: Record<string, string> = status === 429 ? { 'retry-after': '1' } : {};
  if (typeof script.errorBody === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(script.errorBody), ...extra });
    res.end(script.errorBody);
    return;
  }
  const body = script.errorBody !== undefined ? script.errorBody : errorForStatus(status, script.errorMessage);
  sendJson(res, status, JSON.stringify(body), extra);
}

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header);
  return m ? m[1]!.trim() : undefined;
}

function flattenHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
