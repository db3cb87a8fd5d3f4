import type { IrStopReason } from '@switchboard/protocol';

/**
 * DashScope `finish_reason` → IR stop reason; undefined while the answer is still running.
 * Streams send the STRING "null" on every event before the last (some multimodal models a
 * real null or ""), so all three mean "not finished". A "stop" after tool calls is read as
 * `tool-calls`, which is what it means; values DashScope may add later read as a natural end.
 */
export function finishReasonToIr(reason: string | null | undefined, sawToolCalls: boolean): IrStopReason | undefined {
  switch (reason) {
    case undefined:
    case null:
    case '':
    case 'null':
      return undefined;
    case 'length':
      return 'length';
    case 'tool_calls':
      return 'tool-calls';
    default:
      return sawToolCalls ? 'tool-calls' : 'end';
  }
}
