import { SseDecoder, type IrStreamEncoder, type IrStreamEvent, type WireSseEvent } from '@switchboard/protocol';
import type { FrameDecoder, ProviderAdapter } from '../../providers/provider-adapter.js';
import type { UpstreamFailure } from '../../providers/upstream-error.js';
import { fromIrUsage, type TokenUsage } from '../../providers/usage.js';
import { networkFailure } from '../upstream/network-failure.js';
import { adapterRequest, buildFailure, passesThrough } from './adapter-request.js';
import { failedResponse, MAX_ERROR_BODY, readCapped, send, type AttemptContext, type AttemptResult } from './attempt.js';
import { unfinishedStream } from './stream-ending.js';

const DEFAULT_STREAM_TYPE = /text\/event-stream/i;

/**
 * A stream attempt through any adapter. Upstream frames are decoded into IR events, which
 * meter the call (usage, finish, time to first token, local counting) and are encoded in the
 * caller's protocol — or, when the upstream speaks the caller's protocol, the frames are
 * forwarded as they came. Nothing reaches the client before the first piece of output, so an
 * upstream that fails early (an error event right after `message_start`, say) can still fail
 * over to the next channel.
 */
export async function convertStreamAttempt(ctx: AttemptContext, adapter: ProviderAdapter): Promise<AttemptResult> {
  const { call, counter } = ctx;
  let res;
  try {
    res = await send(ctx, await adapterRequest(ctx, adapter, true), adapter);
  } catch (err) {
    return { kind: 'failed', failure: buildFailure(err) };
  }
  if (res === 'aborted') return { kind: 'aborted', usage: undefined, ttftMs: null };
  if (!('statusCode' in res)) return { kind: 'failed', failure: res };
  if (res.statusCode >= 400) return failedResponse(res, adapter);
  const contentType = String(res.headers['content-type'] ?? '');
  if (!(adapter.streamContentType ?? DEFAULT_STREAM_TYPE).test(contentType)) {
    const text = await readCapped(res.body, MAX_ERROR_BODY);
    const info = safeDecodeError(adapter, text);
    // A JSON error instead of a stream: vendors that answer failures with HTTP 200 (Tencent) classify it themselves.
    const classified = info.isError && adapter.errorsAsOk ? adapter.classifyError?.(res.statusCode, text) : undefined;
    return {
      kind: 'failed',
      failure: classified ?? { kind: 'server', status: res.statusCode, message: `upstream did not stream: ${info.message}`, retryable: true },
    };
  }

  const inbound = call.inbound;
  const passthrough = passesThrough(ctx, adapter);
  const frames: FrameDecoder = adapter.createFrameDecoder?.() ?? sseFrames();
  const decoder = adapter.codec.createStreamDecoder();
  let encoder: IrStreamEncoder | undefined;
  const encoderFor = () => (encoder ??= inbound.codec.createStreamEncoder({ model: inbound.model, includeUsage: inbound.includeUsage }));
  const writer = call.output.openStream(ctx.deps.keepAliveIntervalMs);

  let usage: TokenUsage | undefined;
  let ttftMs: number | null = null;
  let finished = false;
  let streamError: string | undefined;
  // Frames wait here until the first output, so an early failure can still fail over; and
  // again once the answer has finished (only usage and the end marker follow), so a short
  // answer leaves in the single write that ends the response.
  let held = '';

  // Meters one IR event and returns what the caller should receive for it.
  const capture = ctx.capture;
  const handle = (incoming: IrStreamEvent): string => {
    let event = incoming;
    capture?.event(event);
    switch (event.type) {
      case 'text-delta':
      case 'reasoning-delta':
        counter.add(event.text);
        ttftMs ??= performance.now() - call.startedAt;
        break;
      case 'tool-call-start':
        counter.add(event.name);
        ttftMs ??= performance.now() - call.startedAt;
        break;
      case 'tool-call-delta':
        counter.add(event.arguments);
        break;
      case 'usage':
        usage = fromIrUsage(event.usage);
        break;
      case 'finish':
        finished = true;
        break;
      case 'start':
        // Gemini and DashScope streams carry no creation time; callers' formats expect one.
        if (!event.created) event = { ...event, created: Math.floor(Date.now() / 1000) };
        break;
      case 'error':
        streamError = event.message;
        return '';
      default:
        break;
    }
    return passthrough ? '' : encoderFor().push(event);
  };

  const forward = async (batch: WireSseEvent[]): Promise<boolean> => {
    let out = '';
    for (const frame of batch) {
      for (const event of decoder.push(frame)) out += handle(event);
      if (streamError !== undefined) return false;
      if (passthrough) out += sseFrame(frame);
    }
    if (ttftMs === null || finished) held += out;
    else if (held || out) {
      await writer.write(held + out);
      held = '';
    }
    return true;
  };

  let failure: UpstreamFailure | undefined;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      if (!(await forward(frames.push(chunk)))) break;
    }
    if (streamError === undefined && (await forward(frames.end()))) {
      for (const event of decoder.end()) held += handle(event);
    }
  } catch (err) {
    // After the finish only usage and the end marker were missing: the answer is complete.
    if (!ctx.signal.aborted && !finished) failure = networkFailure(err);
  }
  // A fresh encoder in pass-through mode: it only has to speak the error frame.
  const errorFrame = (message: string) => encoderFor().push({ type: 'error', message, code: 'upstream_stream_failed' });
  const unfinished = unfinishedStream(ctx, writer, res.body, { failure, streamError, finished, usage, ttftMs }, errorFrame);
  if (unfinished) return unfinished;
  writer.end(held + (passthrough ? '' : encoderFor().end()));
  return { kind: 'success', usage, ttftMs };
}

function sseFrames(): FrameDecoder {
  const decoder = new SseDecoder();
  return { push: (chunk) => decoder.push(chunk), end: () => decoder.end() };
}

/** Re-serialises one SSE event exactly as the upstream framed it (multi-line data included). */
function sseFrame(frame: WireSseEvent): string {
  const head = frame.event ? `event: ${frame.event}\n` : '';
  return `${head}data: ${frame.data.replace(/\n/g, '\ndata: ')}\n\n`;
}

function safeDecodeError(adapter: ProviderAdapter, text: string): { message: string; isError: boolean } {
  try {
    const error = adapter.codec.decodeError(JSON.parse(text));
    return error ? { message: error.message, isError: true } : { message: text.slice(0, 300), isError: false };
  } catch {
    return { message: text.slice(0, 300) || 'empty answer', isError: false };
  }
}
