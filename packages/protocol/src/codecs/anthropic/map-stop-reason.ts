import type { IrStopReason } from '../../ir.js';
import type { AnthropicStopReason } from './schema.js';

/**
 * Anthropic `stop_reason` → IR. `pause_turn` (a server-tool loop paused; the caller sends
 * the turn back to continue) has no IR equivalent and reads as a natural end.
 * `model_context_window_exceeded` reads as `length`. Unknown or missing values read as `end`.
 */
export function stopReasonFromWire(reason: string | null | undefined): IrStopReason {
  switch (reason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'stop_sequence':
      return 'stop-sequence';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'refusal';
    default:
      return 'end';
  }
}

/**
 * IR → Anthropic `stop_reason`. `content-filter` becomes `refusal` (the closest Anthropic
 * concept); `error` becomes `end_turn` (Anthropic reports errors as `error` events instead).
 */
export function stopReasonToWire(reason: IrStopReason): AnthropicStopReason {
  switch (reason) {
    case 'length':
      return 'max_tokens';
    case 'stop-sequence':
      return 'stop_sequence';
    case 'tool-calls':
      return 'tool_use';
    case 'content-filter':
    case 'refusal':
      return 'refusal';
    case 'end':
    case 'error':
      return 'end_turn';
  }
}
