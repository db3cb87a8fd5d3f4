// Answers one chat request in any protocol: picks the script, applies latency,
// faults and scripted errors, then writes what the route's dialect renders. Nothing
// here knows a wire format; that is what keeps faults identical across protocols.
import type { MockScript } from './types.js';
import type { Exchange } from './exchange.js';
import type { ChatRoute } from './router.js';
import { planFor } from './plan.js';
import { usageCounts } from './usage.js';
import { pumpEvents } from './event-pump.js';
import { sendJson, sendReply } from './respond.js';
import { DEFAULT_MODELS } from './model-lists.js';

const DEFAULT_FAIL_AFTER = 2;

export function serveChat(ex: Exchange, route: ChatRoute, body: unknown, json: boolean): void {
  if (!json || body === null || typeof body !== 'object' || Array.isArray(body)) return sendReply(ex.res, route.invalidJson);
  const request = body as Record<string, unknown>;
  const invalid = route.check?.(request);
  if (invalid) return sendReply(ex.res, invalid);
  // Only well-formed chat requests consume a script, so an auth or JSON failure
  // in a test does not shift the queue.
  const script = ex.state.queue.shift() ?? ex.state.defaults;
  const latency = script.latencyMs ?? 0;
  if (latency <= 0) return answer(ex, route, script, request);
  const t = setTimeout(() => {
    ex.onCancel(undefined);
    answer(ex, route, script, request);
  }, latency);
  ex.onCancel(() => clearTimeout(t));
}

function answer(ex: Exchange, route: ChatRoute, script: MockScript, request: Record<string, unknown>): void {
  const { res } = ex;
  const { dialect } = route;
  if (script.fault === 'reset') return ex.reset();
  if (script.status !== undefined && script.status >= 400) {
    const error = dialect.error(script.status, script.errorMessage);
    return sendReply(res, script.errorBody === undefined ? error : { ...error, body: script.errorBody });
  }
  const stream = route.stream ?? request.stream === true;
  if (script.fault === 'hang') {
    if (stream) {
      res.writeHead(200, dialect.streamHeaders());
      res.flushHeaders();
    }
    return;
  }
  const plan = planFor(script);
  const a = {
    plan,
    usage: usageCounts(script, plan, dialect.promptTokens(request)),
    model: script.model ?? route.model ?? (typeof request.model === 'string' ? request.model : DEFAULT_MODELS[0]!),
    request,
  };
  const midstream = script.fault === 'midstream';
  if (!stream) {
    const text = JSON.stringify(dialect.body(a));
    if (!midstream) return sendJson(res, 200, text, dialect.jsonHeaders());
    res.writeHead(200, { ...dialect.jsonHeaders(), 'content-length': Buffer.byteLength(text) });
    res.write(text.slice(0, text.length >> 1));
    return ex.kill();
  }
  let events = dialect.events(a);
  const failure = script.streamError;
  if (failure) {
    // Cut before the natural end so the client sees an error, never a finished stream.
    const at = Math.max(0, Math.min(failure.after, events.length - 1));
    events = [...events.slice(0, at), dialect.streamError(at, failure.status ?? 500, failure.message)];
  }
  res.writeHead(200, dialect.streamHeaders());
  ex.onCancel(
    pumpEvents(
      res,
      events,
      {
        delayMs: script.chunkDelayMs ?? 0,
        keepAlive: script.keepAliveComments === true ? dialect.keepAlive : undefined,
        limit: midstream ? (script.failAfterChunks ?? DEFAULT_FAIL_AFTER) : undefined,
      },
      midstream ? ex.kill : () => res.end(),
    ),
  );
}
