import type { IrUsage } from '../../ir.js';
import type { WireUsage } from './schema.js';

/**
 * `usage` ↔ IR usage. OpenAI's `prompt_tokens` already includes cached tokens, as the
 * IR's `input` does. Zero detail counts are left out of the IR (0 and unknown bill alike).
 * DeepSeek's `prompt_cache_hit_tokens` stands in when `prompt_tokens_details` is missing.
 */
export function usageToIr(u: WireUsage): IrUsage | undefined {
  const input = u.prompt_tokens;
  const output = u.completion_tokens;
  if (typeof input !== 'number' && typeof output !== 'number') return undefined;
  const usage: IrUsage = { input: typeof input === 'number' ? input : 0, output: typeof output === 'number' ? output : 0 };
  const cached = u.prompt_tokens_details?.cached_tokens ?? u.prompt_cache_hit_tokens;
  if (typeof cached === 'number' && cached > 0) usage.cachedInput = cached;
  const written = u.prompt_tokens_details?.cache_write_tokens;
  if (typeof written === 'number' && written > 0) usage.cacheWrite = written;
  const reasoning = u.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === 'number' && reasoning > 0) usage.reasoning = reasoning;
  return usage;
}

export interface EncodedUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens?: number };
  completion_tokens_details: { reasoning_tokens: number };
}

/** The wire `usage` object, detail objects always present as OpenAI sends them. */
export function irToUsage(u: IrUsage): EncodedUsage {
  const promptDetails: { cached_tokens: number; cache_write_tokens?: number } = { cached_tokens: u.cachedInput ?? 0 };
  if (u.cacheWrite !== undefined) promptDetails.cache_write_tokens = u.cacheWrite;
  return {
    prompt_tokens: u.input,
    completion_tokens: u.output,
    total_tokens: u.input + u.output,
    prompt_tokens_details: promptDetails,
    completion_tokens_details: { reasoning_tokens: u.reasoning ?? 0 },
  };
}
