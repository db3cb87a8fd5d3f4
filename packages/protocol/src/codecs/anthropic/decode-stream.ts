import type { IrStreamDecoder, IrStreamEvent, WireSseEvent } from '../../ir.js';
import { stopReasonFromWire } from './map-stop-reason.js';
import { streamEventSchemas, type AnthropicWireUsage } from './schema.js';
import { mergeWireUsage, usageFromWire } from './usage.js';

/**
 * Anthropic SSE stream → IR events. One decoder per stream (it keeps state).
 *
 * - `message_start` → `start`, plus a `usage` event with the input counts (cache reads and
 *   writes included in IR `input`).
 * - `content_block_start`: `text` / `thinking` (any initial text becomes a delta),
 *   `redacted_thinking` → `redacted-reasoning`, `tool_use` → `tool-call-start`. The IR
 *   index is Anthropic's block `index`.
 * - `content_block_delta`: `text_delta`, `thinking_delta`, `signature_delta` →
 *   `reasoning-signature`, `input_json_delta` → `tool-call-delta` (empty fragments skipped).
 * - `message_delta`: `stop_reason` → `finish`; `usage` → `usage`, combining message_start's
 *   input and cache counts with message_delta's cumulative `output_tokens` (input counts
 *   repeated in message_delta, as newer API versions do, win).
 * - `error` → IR `error` (code = Anthropic error type). `ping`, `content_block_stop`,
 *   `message_stop` and unknown events produce nothing.
 * - Server-tool blocks (`server_tool_use`, `web_search_tool_result` …) and
 *   `citations_delta` are dropped; their indexes stay unused in the IR.
 * - `end()`: a stream that stopped without `stop_reason` gets a `finish` — `end` after
 *   `message_stop`, `error` if it was cut off.
 */
export function createStreamDecoder(): IrStreamDecoder {
  type Kind = 'text' | 'thinking' | 'redacted' | 'tool' | 'ignored';
  const kinds = new Map<number, Kind>();
  let started = false;
  let finished = false;
  let stopped = false;
  let failed = false;
  let startUsage: AnthropicWireUsage | undefined;

  function start(id: string, model: string): IrStreamEvent[] {
    if (started) return [];
    started = true;
    return [{ type: 'start', id, model, created: Math.floor(Date.now() / 1000) }];
  }

  function malformed(name: string, detail: string): IrStreamEvent[] {
    return [{ type: 'error', message: `Malformed Anthropic stream event "${name}": ${detail}`, code: 'invalid_stream_event' }];
  }

  function push(event: WireSseEvent): IrStreamEvent[] {
    if (event.data.trim() === '') return [];
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return malformed(event.event ?? 'message', 'data is not JSON');
    }
    const declared = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    const name = typeof declared === 'string' ? declared : (event.event ?? '');

    switch (name) {
      case 'message_start': {
        const parsed = streamEventSchemas.message_start.safeParse(data);
        if (!parsed.success) return malformed(name, parsed.error.issues[0]?.message ?? 'invalid');
        const { message } = parsed.data;
        const out = start(message.id ?? '', message.model ?? '');
        if (message.usage) {
          startUsage = message.usage;
          out.push({ type: 'usage', usage: usageFromWire(message.usage) });
        }
        return out;
      }
      case 'content_block_start': {
        const parsed = streamEventSchemas.content_block_start.safeParse(data);
        if (!parsed.success) return malformed(name, parsed.error.issues[0]?.message ?? 'invalid');
        const { index, content_block: block } = parsed.data;
        const out = start('', '');
        const str = (key: string): string => {
          const value = block[key];
          return typeof value === 'string' ? value : '';
        };
        switch (block.type) {
          case 'text':
            kinds.set(index, 'text');
            if (str('text')) out.push({ type: 'text-delta', index, text: str('text') });
            break;
          case 'thinking':
            kinds.set(index, 'thinking');
            if (str('thinking')) out.push({ type: 'reasoning-delta', index, text: str('thinking') });
            if (str('signature')) out.push({ type: 'reasoning-signature', index, signature: str('signature') });
            break;
          case 'redacted_thinking':
            kinds.set(index, 'redacted');
            out.push({ type: 'redacted-reasoning', index, data: str('data') });
            break;
          case 'tool_use': {
            kinds.set(index, 'tool');
            out.push({ type: 'tool-call-start', index, id: str('id'), name: str('name') });
            const input = block.input;
            if (typeof input === 'object' && input !== null && Object.keys(input).length > 0) {
              out.push({ type: 'tool-call-delta', index, arguments: JSON.stringify(input) });
            }
            break;
          }
          default:
            kinds.set(index, 'ignored');
        }
        return out;
      }
      case 'content_block_delta': {
        const parsed = streamEventSchemas.content_block_delta.safeParse(data);
        if (!parsed.success) return malformed(name, parsed.error.issues[0]?.message ?? 'invalid');
        const { index, delta } = parsed.data;
        const kind = kinds.get(index);
        if (kind === 'ignored') return [];
        const out = start('', '');
        const value = (key: string): string => {
          const v = delta[key];
          return typeof v === 'string' ? v : '';
        };
        switch (delta.type) {
          case 'text_delta':
            if (value('text')) out.push({ type: 'text-delta', index, text: value('text') });
            break;
          case 'thinking_delta':
            if (value('thinking')) out.push({ type: 'reasoning-delta', index, text: value('thinking') });
            break;
          case 'signature_delta':
            if (value('signature')) out.push({ type: 'reasoning-signature', index, signature: value('signature') });
            break;
          case 'input_json_delta':
            if (kind === 'tool' && value('partial_json')) {
              out.push({ type: 'tool-call-delta', index, arguments: value('partial_json') });
            }
            break;
          default:
            break;
        }
        return out;
      }
      case 'message_delta': {
        const parsed = streamEventSchemas.message_delta.safeParse(data);
        if (!parsed.success) return malformed(name, parsed.error.issues[0]?.message ?? 'invalid');
        const out = start('', '');
        const { delta, usage } = parsed.data;
        if (delta?.stop_reason) {
          finished = true;
          out.push(
            delta.stop_sequence
              ? { type: 'finish', stopReason: stopReasonFromWire(delta.stop_reason), stopSequence: delta.stop_sequence }
              : { type: 'finish', stopReason: stopReasonFromWire(delta.stop_reason) },
          );
        }
        if (usage) out.push({ type: 'usage', usage: usageFromWire(mergeWireUsage(startUsage, usage)) });
        return out;
      }
      case 'message_stop':
        stopped = true;
        return [];
      case 'error': {
        failed = true;
        const parsed = streamEventSchemas.error.safeParse(data);
        const error = parsed.success ? parsed.data.error : undefined;
        const out: IrStreamEvent = { type: 'error', message: error?.message ?? 'Unknown upstream error' };
        if (error?.type) out.code = error.type;
        return [out];
      }
      default:
        // ping, content_block_stop, and event types added after this codec was written.
        return [];
    }
  }

  function end(): IrStreamEvent[] {
    if (!started || finished || failed) return [];
    finished = true;
    return [{ type: 'finish', stopReason: stopped ? 'end' : 'error' }];
  }

  return { push, end };
}
