import { quoted } from '@switchboard/protocol';
import { AppError } from '../../http/errors.js';
import { adapterFor } from '../../providers/adapters.js';
import { channelTypeById } from '../../providers/channel-types.js';
import type { ProviderAdapter } from '../../providers/provider-adapter.js';
import type { UpstreamFailure } from '../../providers/upstream-error.js';
import { ZERO_USAGE } from '../../providers/usage.js';
import type { RelayOutcome, SettledCall } from '../accounting.js';
import type { CallPermit } from '../call-limits.js';
import { hasRoute, planAttempts, type Attempt } from '../routing/router.js';
import { OutputCounter } from '../token-estimate.js';
import { usageDraft } from '../usage-row.js';
import { hideUpstream, maskKeys } from '../upstream/hide-upstream.js';
import { consultCache } from '../cache/cache-hit.js';
import { hideContext, type AttemptContext, type AttemptResult, type GenerationCall, type GenerationDeps } from './attempt.js';
import { ClientAbort } from './client-abort.js';
import { convertJsonAttempt } from './convert-json-attempt.js';
import { convertStreamAttempt } from './convert-stream-attempt.js';
import { fastJsonAttempt } from './fast-json-attempt.js';
import { fastStreamAttempt } from './fast-stream-attempt.js';
import type { InboundRequest } from './inbound.js';

export type { GenerationCall, GenerationDeps } from './attempt.js';

/**
 * The relay core for every generation endpoint (OpenAI Chat, Responses, Anthropic, Gemini):
 * walks the router's plan until an attempt succeeds, streams or returns the answer in the
 * caller's protocol, and records exactly one usage row and one settlement per request,
 * however it ends.
 */
export function relayGeneration(deps: GenerationDeps, call: GenerationCall): Promise<void> {
  return relayAttempts(deps, call, runAttempt);
}

/** Runs one attempt on one channel and key; never throws for upstream trouble. */
export type AttemptRunner = (ctx: AttemptContext, inbound: InboundRequest) => Promise<AttemptResult>;

/**
 * The loop every relayed endpoint shares: route, admit, try each planned attempt with
 * `run` until one serves the call, then record usage and settle exactly once.
 */
export async function relayAttempts(deps: GenerationDeps, call: GenerationCall, run: AttemptRunner): Promise<void> {
  // The key's rates and the user's running calls (B-10) come first: a refused call costs nothing after this.
  const permit = await deps.limits.admit(call.caller);
  try {
    await relayAdmitted(deps, call, run, permit);
  } finally {
    permit.end(0); // a call refused or failed before its outcome (once ended, this does nothing)
  }
}

async function relayAdmitted(deps: GenerationDeps, call: GenerationCall, run: AttemptRunner, permit: CallPermit): Promise<void> {
  const { inbound, caller, output } = call;
  const model = inbound.model;
  const snapshot = deps.directory.snapshot;
  if (!hasRoute(snapshot, model, caller.user.group)) {
    throw new AppError(404, 'model_not_found', `no channel serves model ${quoted(model)} for your group`);
  }
  // B-7, generation calls only: after the route check (answers only for a group that may use
  // the model), before billing (a hit is free and reaches no upstream).
  const consulting = run === runAttempt ? consultCache(deps, call) : undefined;
  const cached = consulting && (await consulting);
  // The cache hit wrote the call's log line; so does the end of this function for an admitted call.
  if (cached === 'served') return markLogged(call);
  const stream = inbound.stream;
  const settlement = await deps.accounting.admit({
    requestId: call.requestId,
    caller,
    model,
    endpoint: inbound.endpoint,
    stream,
    // About three bytes of JSON per token errs high, which is the safe side for a reservation.
    estimatedPromptTokens: Math.ceil(call.bodyBytes / 3),
    maxOutputTokens: inbound.maxOutputTokens,
    viaApi: call.viaApi,
  });
  markLogged(call);

  const abort = new ClientAbort();
  const unsubscribe = output.onGone(() => abort.abort());
  const counter = new OutputCounter();
  let result: AttemptResult | undefined;
  let last: Attempt | undefined;
  let attempts = 0;
  try {
    for (const attempt of planAttempts(snapshot, model, caller.user.group, deps.random)) {
      if (abort.aborted) break;
      attempts++;
      last = attempt;
      const ctx: AttemptContext = { deps, call, attempt, signal: abort, counter, capture: cached?.attempt() };
      result = await run(ctx, inbound);
      if (result.kind !== 'failed') break;
      // The operator's log keeps the upstream's own words (hosts included); users only ever see them hidden.
      deps.log.warn(
        { rid: call.requestId, channel: attempt.channel.id, upstreamStatus: result.failure.status, failure: result.failure.kind },
        `upstream attempt failed: ${maskKeys(result.failure.message, attempt.channel.keys)}`,
      );
      if (!result.failure.retryable) break;
    }
  } finally {
    unsubscribe();
  }
  if (!result || abort.aborted) result = result?.kind === 'success' ? result : abortedFrom(result);
  if (result.kind === 'broken' && last) {
    deps.log.warn(
      { rid: call.requestId, channel: last.channel.id, upstreamStatus: result.failure.status, failure: result.failure.kind },
      `upstream stream broke: ${maskKeys(result.failure.message, last.channel.keys)}`,
    );
  }

  const settled = outcomeOf(result, counter, last);
  const outcome = typeof settled === 'function' ? await settled(inbound) : settled;
  // Only a whole answer that reached the client is stored: never an aborted or broken one (B-7).
  if (cached && result.kind === 'success' && !abort.aborted) cached.complete(outcome.usage);
  // The answer is out: the call stops counting as running before the books are written.
  permit.end(outcome.usage.promptTokens + outcome.usage.completionTokens);
  const error = result.kind === 'failed' ? finalError(result.failure, model, last) : undefined;
  const latencyMs = Math.round(performance.now() - call.startedAt);
  const httpStatus = error ? error.status : result.kind === 'aborted' ? 499 : 200;
  const draft = usageDraft(call, {
    upstreamModel: last?.upstreamModel ?? null,
    // A failed call is recorded against the last channel tried, so operators can see which one failed.
    channelId: outcome.channelId ?? last?.channel.id ?? null,
    usage: outcome.usage,
    usageSource: outcome.usageSource,
    status: outcome.status,
    httpStatus,
    error: error?.message ?? (result.kind === 'broken' && last ? hideUpstream(result.failure.message, hideContext(last)) : null),
    attempts,
    latencyMs,
    ttftMs: 'ttftMs' in result && result.ttftMs !== null ? Math.round(result.ttftMs) : null,
  });
  let booked: SettledCall;
  try {
    booked = await settlement.settle(outcome, draft);
  } catch (err) {
    // Nothing of the settlement committed: the reservation stays and reconciliation releases it
    // (charging nothing), so the row is still written, through the batch, at cost 0.
    deps.log.error({ err, rid: call.requestId }, 'settlement failed');
    booked = { row: { ...draft, cost: 0 }, recorded: false };
  }
  if (booked.recorded) deps.usage.recordedElsewhere(booked.row);
  else deps.usage.push(booked.row);
  call.output.settled?.(booked);
  const cost = Number(booked.row.cost);
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
      cost,
    },
    'relay',
  );
  if (error) throw error;
}

/** One attempt with the adapter of its channel; OpenAI-to-OpenAI takes the byte-forwarding fast path. */
const runAttempt: AttemptRunner = async (ctx, inbound) => {
  const channel = ctx.attempt.channel;
  const protocol = channelTypeById(channel.type)?.protocol;
  const found = protocol && adapterFor(protocol, channel.type, inbound.codec.protocol, ctx.attempt.upstreamModel);
  const adapter: ProviderAdapter | undefined = found instanceof Promise ? await found : found;
  if (!adapter) {
    return { kind: 'failed', failure: { kind: 'bad_request', status: 0, message: `channel type "${channel.type}" has no adapter in this build`, retryable: true } };
  }
  if (inbound.fastPath && adapter.codec.protocol === 'openai-chat') {
    return inbound.stream ? fastStreamAttempt(ctx, adapter) : fastJsonAttempt(ctx, adapter);
  }
  return inbound.stream ? convertStreamAttempt(ctx, adapter) : convertJsonAttempt(ctx, adapter);
};

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
): RelayOutcome | ((inbound: InboundRequest) => Promise<RelayOutcome>) {
  const channelId = result.kind === 'failed' ? null : (last?.channel.id ?? null);
  const status = result.kind === 'success' ? 'success' : result.kind === 'aborted' ? 'aborted' : 'error';
  if (result.kind === 'failed') return { status, usage: ZERO_USAGE, usageSource: 'none', channelId };
  if (result.usage) return { status, usage: result.usage, usageSource: 'upstream', channelId };
  if (result.kind !== 'success' && !counter.hasOutput) {
    return { status, usage: ZERO_USAGE, usageSource: 'none', channelId };
  }
  return async (inbound) => {
    const [promptTokens, completionTokens] = await Promise.all([inbound.estimatePrompt(), counter.total()]);
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
    return new AppError(429, 'upstream_rate_limited', `every channel for model ${quoted(model)} is rate limited: ${message}`);
  }
  return new AppError(502, 'channels_exhausted', `channels are exhausted for model ${quoted(model)}: ${message}`, 'upstream_error');
}

/** The relay writes this call's log line itself: the /v1 request log leaves it alone. */
function markLogged(call: GenerationCall): void {
  call.output.markLogged();
}
