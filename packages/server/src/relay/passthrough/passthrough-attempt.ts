import { completionUsage } from '../../providers/openai/chat-adapter.js';
import type { ProviderAdapter } from '../../providers/provider-adapter.js';
import { adapterRequest, buildFailure } from '../generate/adapter-request.js';
import { failedResponse, hideContext, readBody, send, type AttemptContext, type AttemptResult } from '../generate/attempt.js';
import type { AttemptRunner } from '../generate/generate.js';
import { hideAnswerBody } from '../upstream/hide-answer-body.js';
import { networkFailure } from '../upstream/network-failure.js';
import { openaiEndpointAdapter } from './openai-endpoint.js';

/** How one non-chat OpenAI endpoint is forwarded. */
export interface PassthroughSpec {
  /** Endpoint path after the API base, e.g. "/embeddings". */
  path: string;
  /**
   * A body other than the caller's JSON (a multipart form rebuilt with the upstream model).
   * Without it the adapter sends the caller's JSON body with the model mapped.
   */
  body?(upstreamModel: string): Promise<{ body: string | Uint8Array; contentType: string }>;
}

const NOT_SERVED = (type: string): AttemptResult => ({
  kind: 'failed',
  failure: { kind: 'not_found', status: 0, message: `channel type "${type}" does not serve this endpoint`, retryable: true },
});

/**
 * Attempts for embeddings, images, audio, moderations and rerank: the request goes to the
 * channel's OpenAI-compatible API as the caller wrote it (model mapped), and the answer comes
 * back as the upstream wrote it — JSON read whole for its usage, anything else (audio bytes)
 * piped through with the upstream's content type.
 */
export function passthroughRunner(spec: PassthroughSpec): AttemptRunner {
  return async (ctx) => {
    const adapter = await openaiEndpointAdapter(ctx.attempt, spec.path);
    if (!adapter) return NOT_SERVED(ctx.attempt.channel.type);
    return passthroughAttempt(ctx, adapter, spec);
  };
}

async function passthroughAttempt(ctx: AttemptContext, adapter: ProviderAdapter, spec: PassthroughSpec): Promise<AttemptResult> {
  let res;
  try {
    const base = await adapterRequest(ctx, adapter, false);
    const own = spec.body ? await spec.body(ctx.attempt.upstreamModel) : undefined;
    // Audio and images may answer in other types than JSON.
    const headers = { ...base.headers, accept: '*/*', ...(own ? { 'content-type': own.contentType } : {}) };
    res = await send(ctx, { ...base, headers, ...(own ? { body: own.body } : {}) }, adapter);
  } catch (err) {
    return { kind: 'failed', failure: buildFailure(err) };
  }
  if (res === 'aborted') return { kind: 'aborted', usage: undefined, ttftMs: null };
  if (!('statusCode' in res)) return { kind: 'failed', failure: res };
  if (res.statusCode >= 400) return failedResponse(res, adapter);
  const output = ctx.call.output;
  const contentType = String(res.headers['content-type'] ?? 'application/octet-stream');
  if (/json/i.test(contentType)) {
    let text: string;
    try {
      text = await readBody(res.body);
    } catch (err) {
      if (ctx.signal.aborted) return { kind: 'aborted', usage: undefined, ttftMs: null };
      return { kind: 'failed', failure: networkFailure(err) };
    }
    const ttftMs = performance.now() - ctx.call.startedAt;
    output.send(contentType, hideAnswerBody(text, hideContext(ctx.attempt)));
    return { kind: 'success', usage: completionUsage(text), ttftMs };
  }
  // Audio and other binary answers stream through as they arrive (speech can be long).
  const ttftMs = performance.now() - ctx.call.startedAt;
  await output.send(contentType, res.body);
  return { kind: 'success', usage: undefined, ttftMs };
}
