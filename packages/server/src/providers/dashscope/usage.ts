import type { IrUsage } from '@switchboard/protocol';
import type { DashscopeUsage } from './wire.js';

/**
 * DashScope `usage` → IR. `input_tokens` already includes context-cache hits
 * (`prompt_tokens_details.cached_tokens` is a breakdown of it), as the IR's `input` does.
 * Zero detail counts are left out (0 and unknown bill alike). Undefined when the object
 * carries neither count.
 */
export function usageToIr(u: DashscopeUsage): IrUsage | undefined {
  const input = u.input_tokens;
  const output = u.output_tokens;
  if (typeof input !== 'number' && typeof output !== 'number') return undefined;
  const usage: IrUsage = { input: input ?? 0, output: output ?? 0 };
  const cached = u.prompt_tokens_details?.cached_tokens;
  if (typeof cached === 'number' && cached > 0) usage.cachedInput = cached;
  const reasoning = u.output_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number' && reasoning > 0) usage.reasoning = reasoning;
  return usage;
}
