import { z } from 'zod';

/**
 * OpenAI Chat Completions wire format: the request schema used at the /v1 boundary
 * and the response/chunk types the relay reads. The request schema checks the types
 * of every field it knows and passes unknown fields through (`looseObject`), because
 * upstream vendors accept extensions (`reasoning_effort`, `top_k`, `enable_thinking` …)
 * that a relay must not drop.
 */

const contentPart = z.looseObject({ type: z.string().min(1) });

const toolCall = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }).optional(),
});

export const chatMessageSchema = z.looseObject({
  /** Any string: a role a vendor adds passes through to OpenAI-compatible upstreams. */
  role: z.string().min(1),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z.array(toolCall).optional(),
  tool_call_id: z.string().optional(),
});

const optionalNumber = (min: number, max: number) => z.number().min(min).max(max).nullish();

export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().trim().min(1, 'model is required'),
  messages: z.array(chatMessageSchema).min(1, 'messages must contain at least one message'),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: optionalNumber(0, 2),
  top_p: optionalNumber(0, 1),
  presence_penalty: optionalNumber(-2, 2),
  frequency_penalty: optionalNumber(-2, 2),
  n: z.number().int().min(1).max(128).nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  tools: z
    .array(z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string().min(1) }).optional() }))
    .nullish(),
  tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).nullish(),
  user: z.string().nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Token usage as OpenAI reports it (both in responses and in the final stream chunk). */
export interface OpenAIUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

export interface ChatCompletionChunk {
  id?: string;
  object?: string;
  model?: string;
  choices?: Array<{
    index?: number;
    delta?: { role?: string; content?: string | null; reasoning_content?: string | null; tool_calls?: unknown[] };
    finish_reason?: string | null;
  }>;
  usage?: OpenAIUsage | null;
  error?: unknown;
}

export interface ChatCompletion {
  id?: string;
  object?: string;
  model?: string;
  choices?: Array<{ index?: number; message?: unknown; finish_reason?: string | null }>;
  usage?: OpenAIUsage | null;
}

/** OpenAI's error envelope, used for every /v1 error. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}
