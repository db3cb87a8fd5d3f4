import type { GenerationCall, GenerationDeps } from '../generate/attempt.js';
import type { CachedAnswer } from './cached-answer.js';
import { CACHE_HEADER, replayAnswer } from './replay.js';
import type { CacheMiss } from './response-cache.js';

/**
 * The relay core's look into the response cache (B-7): 'served' when the call was answered
 * from it, the miss when the call must go upstream and its answer may be stored, undefined
 * (synchronously, so the uncached path does not even wait a tick) when the call is not cacheable.
 */
export function consultCache(deps: GenerationDeps, call: GenerationCall): Promise<CacheMiss | 'served' | undefined> | undefined {
  return deps.responseCache?.lookup(call)?.then((lookup) => {
    if (!lookup) return undefined;
    if (lookup.kind === 'hit') {
      serveCacheHit(deps, call, lookup.answer);
      return 'served';
    }
    call.reply.header(CACHE_HEADER, 'miss');
    return lookup;
  });
}

/**
 * Serves a call from the cache: the stored answer in the caller's protocol, no upstream call,
 * no charge. The usage row says so — cost 0, usage_source "cache", no channel — and carries
 * the stored answer's token counts (what was served, not what was generated).
 */
export function serveCacheHit(deps: GenerationDeps, call: GenerationCall, answer: CachedAnswer): void {
  const { inbound, caller } = call;
  replayAnswer(call, answer);
  const latencyMs = Math.round(performance.now() - call.startedAt);
  const usage = answer.usage;
  deps.usage.push({
    request_id: call.requestId,
    user_id: caller.user.id,
    key_id: caller.keyId,
    endpoint: inbound.endpoint,
    model: inbound.model,
    upstream_model: null,
    channel_id: null,
    prompt_tokens: usage?.input ?? 0,
    completion_tokens: usage?.output ?? 0,
    cached_tokens: 0,
    cache_write_tokens: 0,
    reasoning_tokens: usage?.reasoning ?? 0,
    cost: 0,
    usage_source: 'cache',
    is_stream: inbound.stream ? 1 : 0,
    status: 'success',
    http_status: 200,
    error: null,
    attempts: 0,
    latency_ms: latencyMs,
    ttft_ms: latencyMs,
    ip: call.ip,
    created_at: Date.now(),
  });
  deps.log.info(
    { rid: call.requestId, user: caller.user.id, key: caller.keyId, model: inbound.model, cache: 'hit', http: 200, ms: latencyMs, cost: 0 },
    'relay',
  );
}
