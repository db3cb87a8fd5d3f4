import type { UpstreamFailure } from '../../providers/upstream-error.js';
import type { TokenUsage } from '../../providers/usage.js';
import { hideUpstream } from '../upstream/hide-upstream.js';
import { hideContext, type AttemptContext, type AttemptResult } from './attempt.js';
import type { StreamSink } from './call-output.js';

/** What a stream attempt knows once the upstream stopped sending. */
export interface StreamState {
  /** A transport failure while reading. */
  failure: UpstreamFailure | undefined;
  /** The upstream's own in-stream error message. */
  streamError: string | undefined;
  /** The upstream said the answer is complete. */
  finished: boolean;
  usage: TokenUsage | undefined;
  ttftMs: number | null;
}

/**
 * How a stream attempt ends when it did not complete: aborted by the client; failed before
 * anything reached the client (the next attempt may serve it); or broken after the commit,
 * ended with `errorFrame` in the caller's format. Undefined when the stream completed.
 */
export function unfinishedStream(
  ctx: AttemptContext,
  writer: StreamSink,
  upstream: { destroy(): void },
  state: StreamState,
  errorFrame: (message: string) => string,
): AttemptResult | undefined {
  const { usage, ttftMs } = state;
  if (ctx.signal.aborted) {
    writer.stop();
    return { kind: 'aborted', usage, ttftMs };
  }
  let failure = state.failure;
  if (state.streamError !== undefined) failure = { kind: 'server', status: 200, message: state.streamError, retryable: true };
  else if (!failure && !state.finished) {
    failure = { kind: 'network', status: 0, message: 'upstream stream ended before the answer was complete', retryable: true };
  }
  if (!failure) return undefined;
  if (!writer.isCommitted) {
    writer.stop();
    upstream.destroy();
    return { kind: 'failed', failure };
  }
  writer.end(errorFrame(hideUpstream(failure.message, hideContext(ctx.attempt))));
  return { kind: 'broken', failure, usage, ttftMs };
}
