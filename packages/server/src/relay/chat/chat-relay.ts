import type { ChatCompletionRequest } from '@switchboard/protocol';
import { AppError } from '../../http/errors.js';
import type { UpstreamFailure } from '../../providers/upstream-error.js';
import { ZERO_USAGE } from '../../providers/usage.js';
import type { RelayOutcome } from '../accounting.js';
import { hasRoute, planAttempts, type Attempt } from '../routing/router.js';
import { estimatePromptTokens, OutputCounter } from '../token-estimate.js';
import { hideUpstream } from '../upstream/hide-upstream.js';
import { hideContext, type AttemptContext, type AttemptResult, type ChatRelayCall, type ChatRelayDeps } from './attempt.js';
import { ClientAbort } from './client-abort.js';
import { jsonAttempt } from './json-attempt.js';
import { streamAttempt } from './stream-attempt.js';

export type { ChatRelayCall, ChatRelayDeps } from './attempt.js';

/**
 * The relay core for OpenAI Chat Completions: walks the router's plan until an attempt
 * succeeds, streams or returns the answer, and records exactly one usage row and one
 * settlement per request, however it ends.
 */
export async function relayChat(deps: ChatRelayDeps, call: ChatRelayCall): Promise<void> {
  const { body, caller, reply } = call;
  const model = body.model;
  const snapshot = deps.directory.snapshot;
  if (!hasRoute(snapshot, model, caller.user.group)) {
    throw new AppError(404, 'model_not_found', `no channel serves model "${model}" for your group`);
  }
  const stream = body.stream === true;
  const settlement = await deps.accounting.admit({ requestId: call.requestId, caller, model, endpoint: 'chat.completions', stream });

  const abort = new ClientAbort();
  const onClose = () => {
    if (!reply.raw.writableFinished) abort.abort();
  };
  reply.raw.on('close', onClose);
  const counter = new OutputCounter();
  let result: AttemptResult | undefined;
  let last: Attempt | undefined;
  let attempts = 0;
  try {
    for (const attempt of planAttempts(snapshot, model, caller.user.group, deps.random)) {
      if (abort.aborted) break;
      attempts++;
      last = attempt;
      const ctx: AttemptContext = { deps, call, attempt, signal: abort, counter };
      result = stream ? await streamAttempt(ctx) : await jsonAttempt(ctx);
      if (result.kind !== 'failed') break;
      deps.log.warn(
        { rid: call.requestId, channel: attempt.channel.id, upstreamStatus: result.failure.status, failure: result.failure.kind },
        `upstream attempt failed: ${hideUpstream(result.failure.message, hideContext(attempt))}`,
      );
      if (!result.failure.retryable) break;
    }
  } finally {
    reply.raw.off('close', onClose);
  }
  if (!result || abort.aborted) result = result?.kind === 'success' ? result : abortedFrom(result);

  const settled = outcomeOf(result, counter, last);
  const outcome = typeof settled === 'function' ? await settled(body) : settled;
  const error = result.kind === 'failed' ? finalError(result.failure, model, last) : undefined;
  const latencyMs = Math.round(performance.now() - call.startedAt);
  const httpStatus = error ? error.status : result.kind === 'aborted' ? 499 : 200;
  deps.usage.push({
    request_id: call.requestId,
    user_id: caller.user.id,
    key_id: caller.keyId,
    endpoint: 'chat.completions',
    model,
    upstream_model: last?.upstreamModel ?? null,
    channel_id: outcome.channelId,
    prompt_tokens: outcome.usage.promptTokens,
    completion_tokens: outcome.usage.completionTokens,
    cached_tokens: outcome.usage.cachedTokens,
    reasoning_tokens: outcome.usage.reasoningTokens,
    usage_source: outcome.usageSource,
    is_stream: stream ? 1 : 0,
    status: outcome.status,
    http_status: httpStatus,
    error: error?.message ?? (result.kind === 'broken' && last ? hideUpstream(result.failure.message, hideContext(last)) : null),
    attempts,
    latency_ms: latencyMs,
    ttft_ms: 'ttftMs' in result && result.ttftMs !== null ? Math.round(result.ttftMs) : null,
    ip: call.ip,
    created_at: Date.now(),
  });
  deps.log.info(
    {
      rid: call.requestId,
      user: caller.user.id,
      key: caller.keyId,
      model,
      channel: outcome.channelId,
      status: outcome.status,
      http: httpStatus,
      attempts,
      ms: latencyMs,
      in: outcome.usage.promptTokens,
      out: outcome.usage.completionTokens,
    },
    'relay',
  );
  await settlement.settle(outcome);
  if (error) throw error;
}

function abortedFrom(result: AttemptResult | undefined): AttemptResult {
  if (result && (result.kind === 'aborted' || result.kind === 'broken')) {
    return { kind: 'aborted', usage: result.usage, ttftMs: result.ttftMs };
  }
  return { kind: 'aborted', usage: undefined, ttftMs: null };
}

/**
 * The outcome of the call: at once when the upstream reported usage (the usual case), or a
 * function that counts tokens locally from what was actually delivered.
 */
function outcomeOf(
  result: AttemptResult,
  counter: OutputCounter,
  last: Attempt | undefined,
): RelayOutcome | ((body: ChatCompletionRequest) => Promise<RelayOutcome>) {
  const channelId = result.kind === 'failed' ? null : (last?.channel.id ?? null);
  const status = result.kind === 'success' ? 'success' : result.kind === 'aborted' ? 'aborted' : 'error';
  if (result.kind === 'failed') return { status, usage: ZERO_USAGE, usageSource: 'none', channelId };
  if (result.usage) return { status, usage: result.usage, usageSource: 'upstream', channelId };
  if (result.kind !== 'success' && !counter.hasOutput) {
    return { status, usage: ZERO_USAGE, usageSource: 'none', channelId };
  }
  return async (body) => {
    const [promptTokens, completionTokens] = await Promise.all([estimatePromptTokens(body.messages), counter.total()]);
    return { status, usage: { ...ZERO_USAGE, promptTokens, completionTokens }, usageSource: 'estimated', channelId };
  };
}

function finalError(failure: UpstreamFailure, model: string, last: Attempt | undefined): AppError {
  const message = last ? hideUpstream(failure.message, hideContext(last)) : failure.message;
  if (failure.kind === 'bad_request') {
    const status = failure.status >= 400 && failure.status < 500 ? failure.status : 400;
    return new AppError(status, 'upstream_rejected_request', message, 'invalid_request_error');
  }
  if (failure.kind === 'rate_limit') {
    return new AppError(429, 'upstream_rate_limited', `every channel for model "${model}" is rate limited: ${message}`);
  }
  return new AppError(502, 'channels_exhausted', `channels are exhausted for model "${model}": ${message}`, 'upstream_error');
}


