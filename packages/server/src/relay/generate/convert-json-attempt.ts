import type { IrResponse } from '@switchboard/protocol';
import type { ProviderAdapter } from '../../providers/provider-adapter.js';
import { fromIrUsage } from '../../providers/usage.js';
import { networkFailure } from '../upstream/network-failure.js';
import { adapterRequest, buildFailure, passesThrough } from './adapter-request.js';
import { failedResponse, readBody, send, type AttemptContext, type AttemptResult } from './attempt.js';
import { outputText } from './output-text.js';

const malformed = (status: number, detail: string): AttemptResult => ({
  kind: 'failed',
  failure: { kind: 'server', status, message: `upstream returned a malformed answer: ${detail}`, retryable: true },
});

/**
 * A non-stream attempt through any adapter: the answer is decoded into the IR (for usage,
 * and to be encoded in the caller's protocol), or forwarded as written when the upstream
 * speaks the caller's protocol.
 */
export async function convertJsonAttempt(ctx: AttemptContext, adapter: ProviderAdapter): Promise<AttemptResult> {
  let res;
  try {
    res = await send(ctx, await adapterRequest(ctx, adapter, false), adapter);
  } catch (err) {
    // Building the request can fail on its own (a malformed key, a refused Vertex token exchange).
    return { kind: 'failed', failure: buildFailure(err) };
  }
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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return malformed(res.statusCode, 'not JSON');
  }
  const error = adapter.codec.decodeError(json);
  if (error) {
    // Some vendors (Tencent) answer every failure, bad signatures included, with HTTP 200.
    const failure = (adapter.errorsAsOk ? adapter.classifyError?.(res.statusCode, text) : undefined) ?? { kind: 'server' as const, status: res.statusCode, message: error.message, retryable: true };
    return { kind: 'failed', failure };
  }
  let answer: IrResponse;
  try {
    answer = adapter.codec.decodeResponse(json);
  } catch (err) {
    return malformed(res.statusCode, (err as Error).message);
  }
  // Gemini and DashScope answers carry no creation time; callers' formats expect one.
  if (!answer.created) answer = { ...answer, created: Math.floor(Date.now() / 1000) };
  const usage = answer.usage ? fromIrUsage(answer.usage) : undefined;
  if (!usage) ctx.counter.add(outputText(answer.content));
  ctx.capture?.irResponse(answer);
  const { inbound } = ctx.call;
  const out = passesThrough(ctx, adapter) ? text : JSON.stringify(inbound.codec.encodeResponse(answer, { model: inbound.model }));
  const ttftMs = performance.now() - ctx.call.startedAt;
  ctx.call.output.send('application/json; charset=utf-8', out);
  return { kind: 'success', usage, ttftMs };
}
