import type { IrStopReason } from '@switchboard/protocol';

/**
 * Hunyuan `FinishReason` → IR stop reason; undefined while a stream is still running
 * (Hunyuan sends ""). "sensitive" means the output moderation stopped the answer. Values
 * Hunyuan may add later read as a natural end (or tool calls, when some were made).
 */
export function finishReasonToIr(reason: string | null | undefined, sawToolCalls: boolean): IrStopReason | undefined {
  switch (reason) {
    case undefined:
    case null:
    case '':
      return undefined;
    case 'tool_calls':
      return 'tool-calls';
    case 'sensitive':
      return 'content-filter';
    case 'length':
      return 'length';
    default:
      return sawToolCalls ? 'tool-calls' : 'end';
  }
}
