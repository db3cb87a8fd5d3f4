// Handles one HTTP exchange: capture, body reading, the completed/aborted/faulted
// bookkeeping, and handing the request to what router.ts picked. Protocol
// details live in the router, the auth checks and the *-wire.ts dialects.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CapturedRequest } from './types.js';
import type { MockState } from './state.js';
import { route } from './router.js';
import { serveChat } from './answer.js';
import { issueToken } from './google-oauth.js';
import { sendReply } from './respond.js';

/** What a handler may do to the exchange besides writing the response. */
export interface Exchange {
  state: MockState;
  res: ServerResponse;
  /** Ends the connection without finishing the response (midstream fault). */
  kill(): void;
  /** Destroys the socket at once, without any response (reset fault). */
  reset(): void;
  /**
   * Registers what to stop if the client disconnects (latency timer, event pump),
   * so nothing writes to a dead socket; undefined clears it.
   */
  onCancel(cancel: (() => void) | undefined): void;
}

export function handleExchange(state: MockState, req: IncomingMessage, res: ServerResponse): void {
  const { counters } = state;
  counters.active++;
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

  const ex: Exchange = {
    state,
    res,
    // end() first flushes what was already written, so the client really sees the
    // headers and the early chunks before the connection drops.
    kill: () => {
      faulted = true;
      const socket = res.socket;
      if (socket) socket.end(() => socket.destroy());
    },
    reset: () => {
      faulted = true;
      res.socket?.destroy();
    },
    onCancel: (fn) => void (cancel = fn),
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
    const r = route(state, req.method ?? '', new URL(req.url ?? '/', 'http://mock'), req.headers);
    if (r.kind === 'reply') sendReply(res, r.reply);
    else if (r.kind === 'token') sendReply(res, issueToken(state, body));
    else serveChat(ex, r.chat, body, json);
  });
}

function flattenHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
