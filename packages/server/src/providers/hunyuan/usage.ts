import type { IrUsage } from '@switchboard/protocol';
import type { HunyuanUsage } from './wire.js';

/**
 * Hunyuan `Usage` → IR. Hunyuan reports no cache or reasoning breakdown. Undefined when
 * neither count is present. In streams every event repeats the cumulative counts.
 */
export function usageToIr(u: HunyuanUsage): IrUsage | undefined {
  const input = u.PromptTokens;
  const output = u.CompletionTokens;
  if (typeof input !== 'number' && typeof output !== 'number') return undefined;
  return { input: input ?? 0, output: output ?? 0 };
}
