import type { IrStreamEncoder, IrStreamEncoderOptions, IrStreamEvent, IrUsage } from '../../ir.js';
import { isAnthropicErrorType } from './errors.js';
import { stopReasonToWire } from './map-stop-reason.js';
import type { AnthropicStopReason, AnthropicStreamContentBlock, AnthropicStreamEvent } from './schema.js';
import { usageToWire } from './usage.js';

/**
 * IR events → Anthropic SSE frames (`event: <type>\ndata: <json>\n\n`), in the order the
 * official SDKs accumulate:
 *
 *   message_start, then per block content_block_start / content_block_delta… /
 *   content_block_stop, then message_delta (stop_reason + usage), then message_stop.
 *
 * - `message_start` is written when the first content (or finish / error / end) arrives, so
 *   a `usage` event that follows `start` directly (an Anthropic upstream's input counts) is
 *   in it; otherwise its usage is all zeros.
 * - Anthropic block indexes are dense and in start order: each new IR index gets the next
 *   one, whatever IR numbering the upstream used. Opening a block closes the open one.
 * - Reasoning → `thinking` block (`thinking_delta`, then `signature_delta`); redacted
 *   reasoning → `redacted_thinking` block; tool calls → `tool_use` block with `input: {}`,
 *   then `input_json_delta` fragments.
 * - `finish` closes the open block but holds `message_delta`: an OpenAI upstream reports
 *   usage AFTER finish. The next `usage` event (or `end()`) writes message_delta, with the
 *   last usage known, and `message_stop`.
 * - `error` → `event: error` with `{type:'error', error:{type, message}}` (the IR code when
 *   it is an Anthropic error type, else `api_error`); the stream ends there, as Anthropic's
 *   does (no message_stop).
 * - Edge case: a delta for a block that was already closed (an upstream interleaving two
 *   tool calls) is written to that block's index; the SDKs accumulate it by index.
 */
export function createStreamEncoder(opts: IrStreamEncoderOptions): IrStreamEncoder {
  type Kind = 'text' | 'thinking' | 'redacted' | 'tool';
  const blocks = new Map<number, { wire: number; kind: Kind }>();
  let nextWireIndex = 0;
  let open: number | undefined; // wire index of the open block
  let messageId: string | undefined;
  let messageStarted = false;
  let usage: IrUsage | undefined;
  let finish: { stop_reason: AnthropicStopReason; stop_sequence: string | null } | undefined;
  let done = false;

  function frame(event: AnthropicStreamEvent): string {
    return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
  }

  function ensureMessageStart(): string {
    if (messageStarted) return '';
    messageStarted = true;
    const wireUsage = usageToWire(usage);
    return frame({
      type: 'message_start',
      message: {
        id: messageId ?? 'msg_unknown',
        type: 'message',
        role: 'assistant',
        model: opts.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: wireUsage,
      },
    });
  }

  function closeOpen(): string {
    if (open === undefined) return '';
    const index = open;
    open = undefined;
    return frame({ type: 'content_block_stop', index });
  }

  /** Opens the block for IR `index` if it is new; returns the frames and its wire index. */
  function ensureBlock(index: number, kind: Kind, initial: AnthropicStreamContentBlock): [string, number] {
    const existing = blocks.get(index);
    if (existing) return ['', existing.wire];
    const wire = nextWireIndex++;
    blocks.set(index, { wire, kind });
    const out = closeOpen() + frame({ type: 'content_block_start', index: wire, content_block: initial });
    open = wire;
    return [out, wire];
  }

  function messageEnd(): string {
    done = true;
    const stop = finish ?? { stop_reason: 'end_turn', stop_sequence: null };
    const wire = usage ? usageToWire(usage) : undefined;
    return (
      frame({ type: 'message_delta', delta: stop, usage: wire ?? { output_tokens: 0 } }) + frame({ type: 'message_stop' })
    );
  }

  function push(event: IrStreamEvent): string {
    if (done) return '';
    switch (event.type) {
      case 'start':
        messageId ??= event.id;
        return '';
      case 'usage':
        usage = event.usage;
        return finish ? ensureMessageStart() + messageEnd() : '';
      case 'text-delta': {
        if (event.text === '') return '';
        const [out, index] = ensureBlock(event.index, 'text', { type: 'text', text: '' });
        return ensureMessageStart() + out + frame({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: event.text } });
      }
      case 'reasoning-delta': {
        if (event.text === '') return '';
        const [out, index] = ensureBlock(event.index, 'thinking', { type: 'thinking', thinking: '', signature: '' });
        return (
          ensureMessageStart() +
          out +
          frame({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: event.text } })
        );
      }
      case 'reasoning-signature': {
        const [out, index] = ensureBlock(event.index, 'thinking', { type: 'thinking', thinking: '', signature: '' });
        return (
          ensureMessageStart() +
          out +
          frame({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: event.signature } })
        );
      }
      case 'redacted-reasoning': {
        const start = ensureMessageStart();
        const [out] = ensureBlock(event.index, 'redacted', { type: 'redacted_thinking', data: event.data });
        return start + out;
      }
      case 'tool-call-start': {
        const start = ensureMessageStart();
        const [out] = ensureBlock(event.index, 'tool', { type: 'tool_use', id: event.id, name: event.name, input: {} });
        return start + out;
      }
      case 'tool-call-delta': {
        const block = blocks.get(event.index);
        if (!block || block.kind !== 'tool' || event.arguments === '') return '';
        return frame({
          type: 'content_block_delta',
          index: block.wire,
          delta: { type: 'input_json_delta', partial_json: event.arguments },
        });
      }
      case 'finish': {
        const out = ensureMessageStart() + closeOpen();
        finish = { stop_reason: stopReasonToWire(event.stopReason), stop_sequence: event.stopSequence ?? null };
        return out;
      }
      case 'error': {
        done = true;
        return (
          ensureMessageStart() +
          frame({ type: 'error', error: { type: event.code && isAnthropicErrorType(event.code) ? event.code : 'api_error', message: event.message } })
        );
      }
    }
  }

  function end(): string {
    if (done) return '';
    return ensureMessageStart() + closeOpen() + messageEnd();
  }

  return { push, end };
}
