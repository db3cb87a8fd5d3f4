import { DroppedFeatures, IrInputError, type ChatCompletionRequest } from '@switchboard/protocol';
import { cachedCapabilities } from '../../providers/capability-cache.js';
import type { ProviderAdapter, UpstreamRequest } from '../../providers/provider-adapter.js';
import { stripUnsupportedIr, stripUnsupportedOpenAI } from '../../providers/strip-unsupported.js';
import type { UpstreamFailure } from '../../providers/upstream-error.js';
import { networkFailure } from '../upstream/network-failure.js';
import type { AttemptContext } from './attempt.js';
import { reportDropped } from './report-dropped.js';

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
  // What this attempt cannot carry (the IR decode, the model's capabilities, the target
  // protocol) is collected and told to the client before the answer commits.
  const dropped = new DroppedFeatures();
  let body: Record<string, unknown>;
  if (same) {
    body = inbound.fastPath ? stripUnsupportedOpenAI(inbound.body as ChatCompletionRequest, cachedCapabilities(attempt.upstreamModel), dropped).body : inbound.body;
  } else {
    const decoded = inbound.ir();
    dropped.addAll(inbound.decodeDropped);
    let ir = stripUnsupportedIr({ ...decoded, model: attempt.upstreamModel, stream }, cachedCapabilities(attempt.upstreamModel), dropped).ir;
    if (adapter.prepare) ir = adapter.prepare(ir);
    body = adapter.codec.encodeRequest(ir, { dropped });
  }
  reportDropped(ctx, dropped);
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
 * A request that could not be built: a body a conversion cannot read, a malformed multi-part key or a refused token exchange
 * is the channel's credential problem (try the next one), anything else a transport failure.
 */
export function buildFailure(err: unknown): UpstreamFailure {
  // The body passed its envelope but is malformed where a conversion must read it: no
  // upstream of this protocol can take it, one of the caller's own protocol still may.
  if (err instanceof IrInputError) {
    return { kind: 'bad_request', status: 400, message: `the request cannot be converted for this channel: ${err.message}`, retryable: true };
  }
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
