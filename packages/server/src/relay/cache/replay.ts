import type { IrResponse, IrStreamEvent } from '@switchboard/protocol';
import type { GenerationCall } from '../generate/attempt.js';
import type { CachedAnswer } from './cached-answer.js';

/** Marks every cacheable call's response: `hit` (served from the cache) or `miss` (from upstream, maybe stored). */
export const CACHE_HEADER = 'x-switchboard-cache';

/**
 * Sends a stored answer to the caller in its own protocol: a JSON answer, or — when the
 * caller streams — the stream events an upstream would have sent, written at once. Each
 * part is one delta, so every official SDK accumulates it like any quick stream.
 */
export function replayAnswer(call: GenerationCall, answer: CachedAnswer): void {
  const { inbound, output, requestId } = call;
  const created = Math.floor(Date.now() / 1000);
  const id = answer.id || `cache-${requestId}`;
  if (!inbound.stream) {
    const ir: IrResponse = { id, model: inbound.model, created, content: answer.content, stopReason: answer.stopReason };
    if (answer.stopSequence !== undefined) ir.stopSequence = answer.stopSequence;
    if (answer.usage) ir.usage = answer.usage;
    const body = JSON.stringify(inbound.codec.encodeResponse(ir, { model: inbound.model }));
    output.header(CACHE_HEADER, 'hit');
    output.send('application/json; charset=utf-8', body);
    return;
  }
  const encoder = inbound.codec.createStreamEncoder({ model: inbound.model, includeUsage: inbound.includeUsage });
  let out = '';
  for (const event of streamEvents(answer, id, inbound.model, created)) out += encoder.push(event);
  out += encoder.end();
  output.header(CACHE_HEADER, 'hit');
  output.openStream(0).end(out);
}

/**
 * The IR stream of a stored answer. Usage comes right after `start`, where an Anthropic
 * upstream reports it, so every encoder has it for its opening or closing event.
 */
function streamEvents(answer: CachedAnswer, id: string, model: string, created: number): IrStreamEvent[] {
  const events: IrStreamEvent[] = [{ type: 'start', id, model, created }];
  if (answer.usage) events.push({ type: 'usage', usage: answer.usage });
  answer.content.forEach((part, index) => {
    switch (part.type) {
      case 'text':
        events.push({ type: 'text-delta', index, text: part.text });
        break;
      case 'reasoning':
        if (part.redacted !== undefined) events.push({ type: 'redacted-reasoning', index, data: part.redacted });
        if (part.text) events.push({ type: 'reasoning-delta', index, text: part.text });
        if (part.signature !== undefined) events.push({ type: 'reasoning-signature', index, signature: part.signature });
        break;
      case 'tool-call':
        events.push({ type: 'tool-call-start', index, id: part.id, name: part.name, ...(part.signature ? { signature: part.signature } : {}) });
        events.push({ type: 'tool-call-delta', index, arguments: part.arguments });
        break;
    }
  });
  events.push(answer.stopSequence !== undefined ? { type: 'finish', stopReason: answer.stopReason, stopSequence: answer.stopSequence } : { type: 'finish', stopReason: answer.stopReason });
  return events;
}
