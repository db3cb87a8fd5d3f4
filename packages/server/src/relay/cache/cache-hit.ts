import { ZERO_USAGE } from '../../providers/usage.js';
import type { GenerationCall, GenerationDeps } from '../generate/attempt.js';
import { usageDraft } from '../usage-row.js';
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
    call.output.header(CACHE_HEADER, 'miss');
    return lookup;
  });
}

/**
 * Serves a call from the cache: the stored answer in the caller's protocol, no upstream call,
 * no charge. The usage row says so — cost 0, usage_source "cache", no channel — and carries
 * the stored answer's token counts (what was served, not what was generated).
 */
function serveCacheHit(deps: GenerationDeps, call: GenerationCall, answer: CachedAnswer): void {
  const { inbound, caller } = call;
  replayAnswer(call, answer);
  const latencyMs = Math.round(performance.now() - call.startedAt);
  const usage = answer.usage;
  const end = {
    upstreamModel: null,
    channelId: null,
    // What was served, not what was generated: the provider's cache counts do not apply to a replay.
    usage: { ...ZERO_USAGE, promptTokens: usage?.input ?? 0, completionTokens: usage?.output ?? 0, reasoningTokens: usage?.reasoning ?? 0 },
    usageSource: 'cache',
    status: 'success',
    httpStatus: 200,
    error: null,
    attempts: 0,
    latencyMs,
    ttftMs: latencyMs,
  } as const;
  const row = { ...usageDraft(call, end), cost: 0 };
  deps.usage.push(row);
  call.output.settled?.({ row, recorded: false });
  deps.log.info(
    { rid: call.requestId, user: caller.user.id, key: caller.keyId, model: inbound.model, cache: 'hit', http: 200, ms: latencyMs, cost: 0 },
    'relay',
  );
}
