import type { Logger } from 'pino';
import type { Readable } from 'node:stream';
import type { ProviderAdapter, UpstreamRequest, UpstreamResponse } from '../../providers/provider-adapter.js';
import { classifyHttpError, type UpstreamFailure } from '../../providers/upstream-error.js';
import type { TokenUsage } from '../../providers/usage.js';
import type { RelayAccounting } from '../accounting.js';
import type { RelayCaller } from '../relay-caller.js';
import type { CallLimits } from '../call-limits.js';
import type { ChannelDirectory } from '../routing/channel-directory.js';
import type { Attempt } from '../routing/router.js';
import type { OutputCounter } from '../token-estimate.js';
import { networkFailure } from '../upstream/network-failure.js';
import type { UpstreamClients } from '../upstream/upstream-clients.js';
import type { UsageRecorder } from '../usage-recorder.js';
import type { AnswerCapture } from '../cache/answer-capture.js';
import type { ResponseCache } from '../cache/response-cache.js';
import type { CallOutput } from './call-output.js';
import type { ClientAbort } from './client-abort.js';
import type { InboundRequest } from './inbound.js';

/** What one attempt (one channel, one key) needs and how it can end. */
export interface GenerationDeps {
  directory: ChannelDirectory;
  clients: UpstreamClients;
  usage: UsageRecorder;
  accounting: RelayAccounting;
  limits: CallLimits;
  log: Logger;
  keepAliveIntervalMs: number;
  random?: () => number;
  /** B-7: generation calls of cached models are served from here when they can be. */
  responseCache?: ResponseCache;
}

export interface GenerationCall {
  requestId: string;
  caller: RelayCaller;
  inbound: InboundRequest;
  /** Size of the request body (Content-Length), for the billing estimate. */
  bodyBytes: number;
  ip: string;
  /** Where the answer goes: the caller's HTTP response, or a chat generation job. */
  output: CallOutput;
  startedAt: number;
  /** True for API routes; the chat app's in-process calls pass false (plans apply to them always, B-5). */
  viaApi: boolean;
}

export type AttemptResult =
  | { kind: 'success'; usage: TokenUsage | undefined; ttftMs: number | null }
  /** Failed before anything reached the client: the next attempt may still serve it. */
  | { kind: 'failed'; failure: UpstreamFailure }
  /** Failed after the stream was committed: ended with an error event. */
  | { kind: 'broken'; failure: UpstreamFailure; usage: TokenUsage | undefined; ttftMs: number | null }
  | { kind: 'aborted'; usage: TokenUsage | undefined; ttftMs: number | null };

export interface AttemptContext {
  deps: GenerationDeps;
  call: GenerationCall;
  attempt: Attempt;
  signal: ClientAbort;
  counter: OutputCounter;
  /** Set only when the answer may be stored (B-7): the attempt hands it what it delivers. */
  capture?: AnswerCapture;
}

export const MAX_ERROR_BODY = 64 * 1024;

export function hideContext(attempt: Attempt) {
  return { channelId: attempt.channel.id, baseUrl: attempt.channel.baseUrl, keys: attempt.channel.keys };
}

/** Sends one upstream request; resolves to the response, a transport failure, or 'aborted'. */
export async function send(ctx: AttemptContext, request: UpstreamRequest, adapter?: ProviderAdapter): Promise<UpstreamResponse | UpstreamFailure | 'aborted'> {
  const { attempt, deps } = ctx;
  const target = deps.clients.target(request.origin ?? attempt.channel.baseUrl, attempt.channel.proxy);
  try {
    if (adapter?.transport) return await adapter.transport(request, { origin: target.origin, dispatcher: target.dispatcher, signal: ctx.signal });
    return await target.dispatcher.request({
      origin: target.origin,
      path: request.path,
      method: request.method ?? 'POST',
      headers: request.headers,
      body: request.body,
      signal: ctx.signal,
    });
  } catch (err) {
    return ctx.signal.aborted ? 'aborted' : networkFailure(err);
  }
}

/**
 * The whole body as text (answers are bounded by the upstream; error bodies use readCapped).
 * undici's own `text()` is used when present: it collects without an async iterator, which
 * costs a promise per chunk (measured on the non-stream hot path).
 */
export async function readBody(body: Readable & { text?: () => Promise<string> }): Promise<string> {
  if (typeof body.text === 'function') return body.text();
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function readCapped(body: Readable, limit: number): Promise<string> {
  let text = '';
  try {
    for await (const chunk of body) {
      text += chunk.toString();
      if (text.length >= limit) {
        body.destroy();
        break;
      }
    }
  } catch {
    // A broken error body still leaves the status to classify by.
  }
  return text.slice(0, limit);
}

export async function failedResponse(res: UpstreamResponse, adapter?: ProviderAdapter): Promise<AttemptResult> {
  const classify = adapter?.classifyError ?? classifyHttpError;
  return { kind: 'failed', failure: classify(res.statusCode, await readCapped(res.body, MAX_ERROR_BODY)) };
}

