import type { IrAssistantPart, IrResponse } from '../../ir.js';
import { stopReasonFromWire } from './map-stop-reason.js';
import { messageResponseSchema } from './schema.js';
import { usageFromWire } from './usage.js';
import { parseWire } from './validate.js';

/**
 * Anthropic Message (non-streaming answer) → IR.
 *
 * - `text` → text (citations dropped), `thinking` → reasoning with signature,
 *   `redacted_thinking` → reasoning with `redacted`, `tool_use` → tool call with the
 *   `input` object as JSON text.
 * - Server-tool blocks (`server_tool_use`, `web_search_tool_result` …) are dropped.
 * - Usage: IR `input` = input_tokens + cache reads + cache writes (see usage.ts).
 * - Anthropic has no creation time: `created` is the decode time.
 */
export function decodeResponse(body: unknown): IrResponse {
  const res = parseWire(messageResponseSchema, body, 'response');
  const content: IrAssistantPart[] = [];
  for (const block of res.content) {
    switch (block.type) {
      case 'text':
        content.push({ type: 'text', text: block.text });
        break;
      case 'thinking':
        content.push(
          block.signature
            ? { type: 'reasoning', text: block.thinking, signature: block.signature }
            : { type: 'reasoning', text: block.thinking },
        );
        break;
      case 'redacted_thinking':
        content.push({ type: 'reasoning', text: '', redacted: block.data });
        break;
      case 'tool_use':
        content.push({ type: 'tool-call', id: block.id, name: block.name, arguments: JSON.stringify(block.input ?? {}) });
        break;
      case 'unsupported':
        break;
    }
  }
  const ir: IrResponse = {
    id: res.id,
    model: res.model,
    created: Math.floor(Date.now() / 1000),
    content,
    stopReason: stopReasonFromWire(res.stop_reason),
  };
  if (res.stop_sequence) ir.stopSequence = res.stop_sequence;
  if (res.usage) ir.usage = usageFromWire(res.usage);
  return ir;
}
