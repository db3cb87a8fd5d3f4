import { SSE_DONE, SseDecoder, sseData, type SseEvent } from '@switchboard/protocol';
import { chunkText, interpretChunk } from '../../providers/openai/chat-adapter.js';
import type { ProviderAdapter } from '../../providers/provider-adapter.js';
import { classifyHttpError, type UpstreamFailure } from '../../providers/upstream-error.js';
import type { TokenUsage } from '../../providers/usage.js';
import { networkFailure } from '../upstream/network-failure.js';
import { adapterRequest } from './adapter-request.js';
import { failedResponse, readCapped, send, type AttemptContext, type AttemptResult, MAX_ERROR_BODY } from './attempt.js';
import { unfinishedStream } from './stream-ending.js';

/**
 * A stream attempt: upstream events are forwarded one by one as they arrive (never the
 * whole answer in memory), usage is read on the way, and the usage-only chunk is dropped
 * for callers that did not ask for it. Until the first byte reaches the client the attempt
 * can still fail over; after it, a failure ends the stream with an error event.
 */
export async function fastStreamAttempt(ctx: AttemptContext, adapter: ProviderAdapter): Promise<AttemptResult> {
  const { call, counter } = ctx;
  const res = await send(ctx, await adapterRequest(ctx, adapter, true));
  if (res === 'aborted') return { kind: 'aborted', usage: undefined, ttftMs: null };
  if (!('statusCode' in res)) return { kind: 'failed', failure: res };
  if (res.statusCode >= 400) return failedResponse(res, adapter);
  const contentType = String(res.headers['content-type'] ?? '');
  if (!contentType.includes('text/event-stream')) {
    const text = await readCapped(res.body, MAX_ERROR_BODY);
    const failure = classifyHttpError(500, text);
    return { kind: 'failed', failure: { ...failure, message: `upstream did not stream: ${failure.message}` } };
  }

  const writer = call.output.openStream(ctx.deps.keepAliveIntervalMs);
  const wantsUsage = call.inbound.includeUsage;
  const decoder = new SseDecoder();
  let usage: TokenUsage | undefined;
  let ttftMs: number | null = null;
  let done = false;
  let finished = false;
  let streamError: string | undefined;
  const capture = ctx.capture;

  // Interprets one event: the text to forward ('' for none), or null once the stream must stop
  // (the upstream sent an error event).
  const handle = (data: string): string | null => {
    if (done) return ''; // bytes after [DONE] are drained, never forwarded
    capture?.openaiFrame(data);
    const m = interpretChunk(data);
    if (m.kind === 'done') {
      done = true;
      return SSE_DONE;
    }
    if (m.kind === 'error') {
      streamError = m.message;
      return null;
    }
    if (m.usage) usage = m.usage;
    if (m.finished) finished = true;
    if (m.hasOutput) ttftMs ??= performance.now() - call.startedAt;
    if (m.text === undefined) counter.defer(data, m.hasOutput, chunkText);
    else counter.add(m.text);
    if (m.usageOnly && !wantsUsage) return '';
    return sseData(data);
  };
  // The events decoded from one upstream read reach the client in one write, as a pipe would;
  // the read that carries [DONE] ends the response with the same write.
  let ended = false;
  const forward = async (events: SseEvent[]): Promise<boolean> => {
    if (ended) return true;
    let out = '';
    let open = true;
    for (const event of events) {
      const piece = handle(event.data);
      if (piece === null) {
        open = false;
        break;
      }
      out += piece;
    }
    if (done) {
      ended = true;
      writer.end(out);
    } else if (out) await writer.write(out);
    return open;
  };

  let failure: UpstreamFailure | undefined;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      if (!(await forward(decoder.push(chunk)))) break;
    }
    if (streamError === undefined) await forward(decoder.end());
  } catch (err) {
    // Decided below: after [DONE] only the tail failed, and an abort is the client's doing.
    if (!ended && !ctx.signal.aborted) failure = networkFailure(err);
  }
  if (ended) return { kind: 'success', usage, ttftMs };
  const errorFrame = (message: string) =>
    sseData(JSON.stringify({ error: { message, type: 'upstream_error', param: null, code: 'upstream_stream_failed' } }));
  const unfinished = unfinishedStream(ctx, writer, res.body, { failure, streamError, finished, usage, ttftMs }, errorFrame);
  if (unfinished) return unfinished;
  // A finished answer whose upstream omitted [DONE]: close it the way OpenAI clients expect.
  writer.end(SSE_DONE);
  return { kind: 'success', usage, ttftMs };
}
