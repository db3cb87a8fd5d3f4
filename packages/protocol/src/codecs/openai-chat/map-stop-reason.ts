import type { IrStopReason } from '../../ir.js';

/**
 * `finish_reason` ↔ IR stop reason.
 *
 * OpenAI does not say whether "stop" was a natural end or a stop sequence, so decode
 * gives `end`. Vendor values: DeepSeek `insufficient_system_resource` and OpenRouter
 * `error` mean the provider gave up (`error`). A "stop" after tool calls (some
 * OpenAI-compatible servers send it) is read as `tool-calls`, which is what it means.
 */
export function finishReasonToIr(reason: string, sawToolCalls: boolean): IrStopReason {
  switch (reason) {
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    case 'error':
    case 'insufficient_system_resource':
      return 'error';
    default:
      return sawToolCalls ? 'tool-calls' : 'end';
  }
}

/**
 * IR stop reason → `finish_reason`. OpenAI has no value for a stop sequence, a refusal
 * or an abnormal end: they all become "stop" (a refusal's text goes to `message.refusal`
 * in non-streamed answers; an abnormal end is reported by an error event in streams).
 */
export function irToFinishReason(reason: IrStopReason): 'stop' | 'length' | 'tool_calls' | 'content_filter' {
  switch (reason) {
    case 'length':
      return 'length';
    case 'tool-calls':
      return 'tool_calls';
    case 'content-filter':
      return 'content_filter';
    case 'end':
    case 'stop-sequence':
    case 'refusal':
    case 'error':
      return 'stop';
  }
}
