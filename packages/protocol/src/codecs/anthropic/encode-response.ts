import type { IrResponse } from '../../ir.js';
import { argumentsObject } from './encode-request.js';
import { stopReasonToWire } from './map-stop-reason.js';
import type { AnthropicMessage, AnthropicResponseContentBlock } from './schema.js';
import { usageToWire } from './usage.js';

/**
 * IR → Anthropic Message (non-streaming answer), with the model name the caller asked for.
 *
 * - Reasoning without a signature (from an OpenAI-compatible upstream) is still shown as a
 *   `thinking` block, with an empty signature; if the caller sends it back, the Anthropic
 *   encoder drops it again.
 * - Tool-call arguments are parsed into `input` (invalid or empty JSON → `{}`).
 * - Usage: `input_tokens` = IR input − cache reads − cache writes; cache fields are always
 *   written (0 when unknown); IR `reasoning` tokens have no Anthropic field.
 * - Lossy: text `cacheControl` (request-only), `content-filter` reads as `refusal`.
 */
export function encodeResponse(ir: IrResponse, opts: { model: string }): Record<string, unknown> {
  const content: AnthropicResponseContentBlock[] = ir.content.map((part): AnthropicResponseContentBlock => {
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'reasoning':
        return part.redacted !== undefined
          ? { type: 'redacted_thinking', data: part.redacted }
          : { type: 'thinking', thinking: part.text, signature: part.signature ?? '' };
      case 'tool-call':
        return { type: 'tool_use', id: part.id, name: part.name, input: argumentsObject(part.arguments) };
    }
  });
  const message: AnthropicMessage = {
    id: ir.id,
    type: 'message',
    role: 'assistant',
    model: opts.model,
    content,
    stop_reason: stopReasonToWire(ir.stopReason),
    stop_sequence: ir.stopSequence ?? null,
    usage: usageToWire(ir.usage),
  };
  return { ...message };
}
