import type { IrUsage } from '@switchboard/protocol';

/** Token usage in the relay's own terms, whatever wire format reported it. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens read from the provider's cache (part of promptTokens). */
  cachedTokens: number;
  /** Prompt tokens written to the provider's cache (part of promptTokens; Anthropic prices them apart). */
  cacheWriteTokens: number;
  /** Reasoning tokens (part of completionTokens). */
  reasoningTokens: number;
}

export const ZERO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

/** The relay's usage from the IR's, which every protocol decoder produces. */
export function fromIrUsage(usage: IrUsage): TokenUsage {
  return {
    promptTokens: usage.input,
    completionTokens: usage.output,
    cachedTokens: usage.cachedInput ?? 0,
    cacheWriteTokens: usage.cacheWrite ?? 0,
    reasoningTokens: usage.reasoning ?? 0,
  };
}
