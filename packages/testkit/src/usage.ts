// Deterministic token accounting, so billing tests can predict exact numbers
// without a tokenizer:
//   prompt_tokens     = ceil(C / 4) + 3 * M, where C is the total length of all
//                       message text (string content, or the `text` of content
//                       parts) and M the number of messages;
//   completion_tokens = number of generated deltas: reasoning deltas + content
//                       deltas + for each tool call (1 + its argument fragments);
//   reasoning_tokens  = number of reasoning deltas.
// A script's `usage` object replaces the computed prompt/completion counts.
import type { MockScript } from './types.js';
import type { Plan } from './plan.js';

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

export function promptTokens(body: unknown): number {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return 0;
  let chars = 0;
  for (const m of messages) {
    const content = (m as { content?: unknown } | null)?.content;
    if (typeof content === 'string') chars += content.length;
    else if (Array.isArray(content)) {
      for (const part of content) {
        const text = (part as { text?: unknown } | null)?.text;
        if (typeof text === 'string') chars += text.length;
      }
    }
  }
  return Math.ceil(chars / 4) + 3 * messages.length;
}

export function completionTokens(plan: Plan): number {
  let n = plan.reasoningDeltas.length + plan.contentDeltas.length;
  for (const call of plan.toolCalls ?? []) n += 1 + call.fragments.length;
  return n;
}

/** Undefined means "do not report usage" (script.usage === false). */
export function usageFor(script: MockScript, plan: Plan, body: unknown): WireUsage | undefined {
  const fixed = script.usage;
  if (fixed === false) return undefined;
  const prompt = fixed ? fixed.prompt_tokens : promptTokens(body);
  const completion = fixed ? fixed.completion_tokens : completionTokens(plan);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: fixed?.prompt_tokens_details?.cached_tokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: fixed?.completion_tokens_details?.reasoning_tokens ?? (fixed ? 0 : plan.reasoningDeltas.length),
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
