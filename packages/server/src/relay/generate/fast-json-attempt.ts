import type { ProviderAdapter } from '../../providers/provider-adapter.js';
import { completionText, completionUsage, mayBeError } from '../../providers/openai/chat-adapter.js';
import { classifyHttpError } from '../../providers/upstream-error.js';
import { networkFailure } from '../upstream/network-failure.js';
import { adapterRequest } from './adapter-request.js';
import { failedResponse, readBody, send, type AttemptContext, type AttemptResult } from './attempt.js';

const malformed = (status: number): AttemptResult => ({
  kind: 'failed',
  failure: { kind: 'server', status, message: 'upstream returned a malformed answer', retryable: true },
});

/** A non-stream attempt: the answer is read whole, metered, and returned as the upstream wrote it. */
export async function fastJsonAttempt(ctx: AttemptContext, adapter: ProviderAdapter): Promise<AttemptResult> {
  const res = await send(ctx, await adapterRequest(ctx, adapter, false));
  if (res === 'aborted') return { kind: 'aborted', usage: undefined, ttftMs: null };
  if (!('statusCode' in res)) return { kind: 'failed', failure: res };
  if (res.statusCode >= 400) return failedResponse(res, adapter);
  let text: string;
  try {
    text = await readBody(res.body);
  } catch (err) {
    if (ctx.signal.aborted) return { kind: 'aborted', usage: undefined, ttftMs: null };
    return { kind: 'failed', failure: networkFailure(err) };
  }
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) {
    return malformed(res.statusCode);
  }
  if (mayBeError(text)) {
    let body: { error?: unknown } | undefined;
    try {
      body = JSON.parse(text) as { error?: unknown };
    } catch {
      body = undefined;
    }
    if (!body) return malformed(res.statusCode);
    if (body.error) return { kind: 'failed', failure: classifyHttpError(500, text) };
  }
  const usage = completionUsage(text);
  // Only an answer without usage needs its text, for local counting.
  if (!usage) ctx.counter.add(completionText(text));
  ctx.capture?.openaiJson(text);
  const ttftMs = performance.now() - ctx.call.startedAt;
  ctx.call.output.send('application/json; charset=utf-8', text);
  return { kind: 'success', usage, ttftMs };
}
