import type { ChatCompletionRequest } from '@switchboard/protocol';
import { cachedCapabilities } from '../../providers/capability-cache.js';
import type { ProviderAdapter, UpstreamRequest } from '../../providers/provider-adapter.js';
import { stripUnsupportedIr, stripUnsupportedOpenAI } from '../../providers/strip-unsupported.js';
import type { UpstreamFailure } from '../../providers/upstream-error.js';
import { networkFailure } from '../upstream/network-failure.js';
import type { AttemptContext } from './attempt.js';

/**
 * The upstream request of one attempt: the caller's own body when the adapter speaks the
 * caller's protocol (nothing lost in conversion), otherwise the IR encoded for the adapter.
 */
export function adapterRequest(ctx: AttemptContext, adapter: ProviderAdapter, stream: boolean): UpstreamRequest | Promise<UpstreamRequest> {
  const { attempt, call, deps } = ctx;
  const inbound = call.inbound;
  const same = adapter.codec.protocol === inbound.codec.protocol;
  // Parts the upstream model is known not to take (images to a text-only model …) become
  // short notes instead of an upstream error (P-7). A same-protocol pass-through of another
  // protocol is left as the caller wrote it.
  let body: Record<string, unknown>;
  if (same) {
    body = inbound.fastPath ? stripUnsupportedOpenAI(inbound.body as ChatCompletionRequest, cachedCapabilities(attempt.upstreamModel)).body : inbound.body;
  } else {
    let ir = stripUnsupportedIr({ ...inbound.ir(), model: attempt.upstreamModel, stream }, cachedCapabilities(attempt.upstreamModel)).ir;
    if (adapter.prepare) ir = adapter.prepare(ir);
    body = adapter.codec.encodeRequest(ir);
  }
  // Bedrock, Vertex and Azure may take their endpoint from the key, leaving the base URL empty.
  const target = attempt.channel.baseUrl ? deps.clients.target(attempt.channel.baseUrl, attempt.channel.proxy) : undefined;
  return adapter.build({
    baseUrl: attempt.channel.baseUrl,
    basePath: target?.basePath ?? '',
    host: target ? target.origin.replace(/^[a-z]+:\/\//i, '') : '',
    key: attempt.key,
    upstreamModel: attempt.upstreamModel,
    stream,
    extraHeaders: attempt.channel.headers,
    passHeaders: same ? inbound.passHeaders : {},
    body,
  });
}

/**
 * A request that could not be built: a malformed multi-part key or a refused token exchange
 * is the channel's credential problem (try the next one), anything else a transport failure.
 */
export function buildFailure(err: unknown): UpstreamFailure {
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { kind: 'auth', status, message: (err as Error).message, retryable: true };
  }
  if (err instanceof Error && /key|credential|service account|region/i.test(err.name + err.message) && !('code' in err)) {
    return { kind: 'auth', status: 0, message: `the channel key is not usable: ${err.message}`, retryable: true };
  }
  return networkFailure(err);
}

/** Whether answers can be forwarded as the upstream wrote them. */
export function passesThrough(ctx: AttemptContext, adapter: ProviderAdapter): boolean {
  return adapter.codec.protocol === ctx.call.inbound.codec.protocol;
}
