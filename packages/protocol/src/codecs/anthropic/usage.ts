import type { IrUsage } from '../../ir.js';
import type { AnthropicUsage, AnthropicWireUsage } from './schema.js';

/**
 * Token usage conversion. Anthropic's `input_tokens` EXCLUDES prompt-cache reads and
 * writes; the IR `input` INCLUDES them:
 *   IR input = input_tokens + cache_read_input_tokens + cache_creation_input_tokens
 *   IR cachedInput = cache_read_input_tokens, IR cacheWrite = cache_creation_input_tokens
 * Cache fields the wire leaves out (or sets to null) stay absent in the IR.
 */
export function usageFromWire(usage: AnthropicWireUsage): IrUsage {
  const read = usage.cache_read_input_tokens ?? undefined;
  const write = usage.cache_creation_input_tokens ?? undefined;
  const ir: IrUsage = {
    input: (usage.input_tokens ?? 0) + (read ?? 0) + (write ?? 0),
    output: usage.output_tokens ?? 0,
  };
  if (read !== undefined) ir.cachedInput = read;
  if (write !== undefined) ir.cacheWrite = write;
  return ir;
}

/** IR → Anthropic usage (inverse of {@link usageFromWire}; IR `reasoning` has no Anthropic field). */
export function usageToWire(usage: IrUsage | undefined): AnthropicUsage {
  const read = usage?.cachedInput ?? 0;
  const write = usage?.cacheWrite ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.input ?? 0) - read - write),
    cache_creation_input_tokens: write,
    cache_read_input_tokens: read,
    output_tokens: usage?.output ?? 0,
  };
}

/**
 * Combines the usage of `message_start` with a later `message_delta`. `output_tokens` of
 * `message_delta` is cumulative; newer API versions repeat the input counts there too (then
 * they win), older ones leave them out (then `message_start`'s stand).
 */
export function mergeWireUsage(start: AnthropicWireUsage | undefined, delta: AnthropicWireUsage): AnthropicWireUsage {
  return {
    input_tokens: delta.input_tokens ?? start?.input_tokens ?? null,
    output_tokens: delta.output_tokens ?? start?.output_tokens ?? null,
    cache_creation_input_tokens: delta.cache_creation_input_tokens ?? start?.cache_creation_input_tokens ?? null,
    cache_read_input_tokens: delta.cache_read_input_tokens ?? start?.cache_read_input_tokens ?? null,
  };
}
