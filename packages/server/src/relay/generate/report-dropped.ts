import { DROPPED_HEADER, droppedHeaderValue, type DroppedFeatures } from '@switchboard/protocol';
import type { AttemptContext } from './attempt.js';

/**
 * Tells the client what this attempt could not carry: the `x-switchboard-dropped` header
 * (set on the reply before anything is sent, so both the JSON answer and the SSE head carry
 * it; removed again when a later attempt drops nothing) and one log line with the request id,
 * model and feature names — never prompt text.
 */
export function reportDropped(ctx: AttemptContext, dropped: DroppedFeatures): void {
  const output = ctx.call.output;
  if (dropped.size === 0) {
    output.header(DROPPED_HEADER, undefined);
    return;
  }
  // Bounded like the header: a body full of invented block types cannot flood the log.
  const value = droppedHeaderValue(dropped.list());
  output.header(DROPPED_HEADER, value);
  ctx.deps.log.info(
    { rid: ctx.call.requestId, model: ctx.call.inbound.model, upstreamModel: ctx.attempt.upstreamModel, channel: ctx.attempt.channel.id, dropped: value },
    'request features dropped in conversion',
  );
}
