import type { IrUsage } from '@switchboard/protocol';
import type { SparkUsage } from './wire.js';

/**
 * Spark `usage.text` → IR. `prompt_tokens` counts the whole prompt (history included) and is
 * the billed input; `question_tokens` (the last question alone) is part of it and dropped.
 * Spark reports no cache or reasoning breakdown. Undefined when neither count is present.
 */
export function usageToIr(u: SparkUsage): IrUsage | undefined {
  const input = u.prompt_tokens;
  const output = u.completion_tokens;
  if (typeof input !== 'number' && typeof output !== 'number') return undefined;
  return { input: input ?? 0, output: output ?? 0 };
}
