import type { NewUsageLog } from '../db/schema.js';
import type { TokenUsage } from '../providers/usage.js';
import type { UsageDraft } from './accounting.js';

/** What a row needs of the call itself (a GenerationCall has it; so will the chat app's calls). */
export interface CallFacts {
  requestId: string;
  caller: { keyId: number | null; user: { id: number } };
  inbound: { endpoint: string; model: string; stream: boolean };
  ip: string;
}

/** What the end of a call adds to what the call itself knows (who, which endpoint and model, from where). */
export interface CallEnd {
  upstreamModel: string | null;
  channelId: number | null;
  usage: TokenUsage;
  usageSource: NewUsageLog['usage_source'];
  status: NewUsageLog['status'];
  httpStatus: number;
  error: string | null;
  attempts: number;
  latencyMs: number;
  ttftMs: number | null;
}

/**
 * The one place a usage row is assembled, for relayed calls and cache hits alike, so a column
 * added to usage_logs is filled the same way on every path. The cost is left to settlement.
 */
export function usageDraft(call: CallFacts, end: CallEnd): UsageDraft {
  return {
    request_id: call.requestId,
    user_id: call.caller.user.id,
    key_id: call.caller.keyId,
    endpoint: call.inbound.endpoint,
    model: call.inbound.model,
    upstream_model: end.upstreamModel,
    channel_id: end.channelId,
    prompt_tokens: end.usage.promptTokens,
    completion_tokens: end.usage.completionTokens,
    cached_tokens: end.usage.cachedTokens,
    cache_write_tokens: end.usage.cacheWriteTokens,
    reasoning_tokens: end.usage.reasoningTokens,
    usage_source: end.usageSource,
    is_stream: call.inbound.stream ? 1 : 0,
    status: end.status,
    http_status: end.httpStatus,
    error: end.error,
    attempts: end.attempts,
    latency_ms: end.latencyMs,
    ttft_ms: end.ttftMs,
    ip: call.ip,
    created_at: Date.now(),
  };
}
