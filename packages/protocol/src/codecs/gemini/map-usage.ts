import type { IrUsage } from '../../ir.js';
import type { GeminiUsageMetadata } from './schema.js';

/**
 * Gemini `usageMetadata` ↔ IR usage.
 *
 * Gemini: `promptTokenCount` includes cached tokens (`cachedContentTokenCount`);
 * `candidatesTokenCount` counts the visible answer only and `thoughtsTokenCount` the
 * thinking; `toolUsePromptTokenCount` counts the results of built-in tools (search …),
 * billed as input. IR: `input` includes cached, `output` includes reasoning. So
 * input = prompt + toolUsePrompt, cachedInput = cachedContent,
 * output = candidates + thoughts, reasoning = thoughts.
 */
export function decodeUsage(u: GeminiUsageMetadata): IrUsage {
  const thoughts = u.thoughtsTokenCount;
  const usage: IrUsage = {
    input: (u.promptTokenCount ?? 0) + (u.toolUsePromptTokenCount ?? 0),
    output: (u.candidatesTokenCount ?? 0) + (thoughts ?? 0),
  };
  if (u.cachedContentTokenCount !== undefined) usage.cachedInput = u.cachedContentTokenCount;
  if (thoughts !== undefined) usage.reasoning = thoughts;
  return usage;
}

/** IR → Gemini. `cacheWrite` has no Gemini field (it stays inside `promptTokenCount`). */
export function encodeUsage(u: IrUsage): Record<string, number> {
  const reasoning = u.reasoning ?? 0;
  const out: Record<string, number> = {
    promptTokenCount: u.input,
    candidatesTokenCount: Math.max(0, u.output - reasoning),
    totalTokenCount: u.input + u.output,
  };
  if (u.cachedInput !== undefined) out.cachedContentTokenCount = u.cachedInput;
  if (u.reasoning !== undefined) out.thoughtsTokenCount = u.reasoning;
  return out;
}
