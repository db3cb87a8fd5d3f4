// Deterministic token accounting, so billing tests can predict exact numbers
// without a tokenizer, whatever the protocol:
//   prompt_tokens     = ceil(C / 4) + 3 * M, where C is the total length of all
//                       message text and M the number of messages. A system
//                       prompt outside the message list (Anthropic `system`,
//                       Gemini `systemInstruction`, Responses `instructions`)
//                       counts as one more message;
//   completion_tokens = number of generated deltas: reasoning deltas + content
//                       deltas + for each tool call (1 + its argument fragments);
//   reasoning_tokens  = number of reasoning deltas.
// A script's `usage` object replaces the computed counts. Each protocol renders the
// same counts in its own fields: the wire modules only rename and subtract.
import type { MockScript } from './types.js';
import type { Plan } from './plan.js';

/** Protocol-independent counts of one answer. */
export interface UsageCounts {
  /** All prompt tokens, cache reads and writes included. */
  prompt: number;
  /** All generated tokens, reasoning included. */
  completion: number;
  reasoning: number;
  cacheRead: number;
  cacheWrite: number;
}

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

/** Characters of a string, or of the `text` fields of a list of parts/blocks. */
function textChars(content: unknown): number {
  if (typeof content === 'string') return content.length;
  let chars = 0;
  if (Array.isArray(content)) {
    for (const part of content) {
      const text = (part as { text?: unknown } | null)?.text;
      if (typeof text === 'string') chars += text.length;
    }
  }
  return chars;
}

function estimate(chars: number, messages: number): number {
  return Math.ceil(chars / 4) + 3 * messages;
}

/** OpenAI / Azure: `messages[].content`. */
export function promptTokens(body: unknown): number {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return 0;
  let chars = 0;
  for (const m of messages) chars += textChars((m as { content?: unknown } | null)?.content);
  return estimate(chars, messages.length);
}

/** Anthropic: `messages[].content` plus a top-level `system` (string or text blocks). */
export function anthropicPromptTokens(body: unknown): number {
  const b = body as { messages?: unknown; system?: unknown } | null;
  const messages = Array.isArray(b?.messages) ? b.messages : [];
  let chars = 0;
  let count = messages.length;
  for (const m of messages) chars += textChars((m as { content?: unknown } | null)?.content);
  if (b?.system !== undefined && b.system !== null) {
    chars += textChars(b.system);
    count++;
  }
  return estimate(chars, count);
}

/** Gemini / Vertex: `contents[].parts[].text` plus `systemInstruction.parts`. */
export function geminiPromptTokens(body: unknown): number {
  const b = body as { contents?: unknown; systemInstruction?: unknown; system_instruction?: unknown } | null;
  const contents = Array.isArray(b?.contents) ? b.contents : [];
  let chars = 0;
  let count = contents.length;
  for (const c of contents) chars += textChars((c as { parts?: unknown } | null)?.parts);
  // The REST API accepts both spellings of the field.
  const system = (b?.systemInstruction ?? b?.system_instruction) as { parts?: unknown } | undefined | null;
  if (system) {
    chars += textChars(system.parts);
    count++;
  }
  return estimate(chars, count);
}

/**
 * OpenAI Responses: `input` is a string (one user message) or a list of items, each
 * counted as one message: its `content` (string or parts) and, for
 * function_call_output items, its `output`. Top-level `instructions` count as one
 * more message, like a system prompt.
 */
export function responsesPromptTokens(body: unknown): number {
  const b = body as { input?: unknown; instructions?: unknown } | null;
  let chars = 0;
  let count = 0;
  if (typeof b?.input === 'string') {
    chars += b.input.length;
    count++;
  } else if (Array.isArray(b?.input)) {
    for (const item of b.input) {
      const it = item as { content?: unknown; output?: unknown } | null;
      chars += textChars(it?.content) + textChars(it?.output);
      count++;
    }
  }
  if (typeof b?.instructions === 'string') {
    chars += b.instructions.length;
    count++;
  }
  return estimate(chars, count);
}

function completionTokens(plan: Plan): number {
  let n = plan.reasoningDeltas.length + plan.contentDeltas.length;
  for (const call of plan.toolCalls ?? []) n += 1 + call.fragments.length;
  return n;
}

/** Undefined means "do not report usage" (script.usage === false). */
export function usageCounts(script: MockScript, plan: Plan, prompt: number): UsageCounts | undefined {
  const fixed = script.usage;
  if (fixed === false) return undefined;
  if (!fixed) {
    return { prompt, completion: completionTokens(plan), reasoning: plan.reasoningDeltas.length, cacheRead: 0, cacheWrite: 0 };
  }
  return {
    prompt: fixed.prompt_tokens,
    completion: fixed.completion_tokens,
    reasoning: fixed.completion_tokens_details?.reasoning_tokens ?? 0,
    cacheRead: fixed.cache_read_tokens ?? fixed.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWrite: fixed.cache_write_tokens ?? 0,
  };
}

/** OpenAI's usage object; cache writes have no field there (they stay in prompt_tokens). */
export function openaiUsage(c: UsageCounts): WireUsage {
  return {
    prompt_tokens: c.prompt,
    completion_tokens: c.completion,
    total_tokens: c.prompt + c.completion,
    prompt_tokens_details: { cached_tokens: c.cacheRead, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: c.reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The Responses API usage object; cache writes stay inside input_tokens, as on Chat Completions. */
export function responsesUsage(c: UsageCounts): object {
  return {
    input_tokens: c.prompt,
    input_tokens_details: { cached_tokens: c.cacheRead },
    output_tokens: c.completion,
    output_tokens_details: { reasoning_tokens: c.reasoning },
    total_tokens: c.prompt + c.completion,
  };
}
