import { z } from 'zod';
import { chatCompletionRequestSchema } from '../../openai-chat.js';

/**
 * OpenAI Chat Completions wire schemas the codec needs beyond `../../openai-chat.ts`:
 * the request with every message, content part and tool checked (the server's schema
 * checks only the envelope), the non-streamed answer, and plain types for stream chunks
 * (chunks are read by hand on the hot path, not by zod).
 *
 * Objects are `looseObject`: vendors add fields (`cache_control`, `reasoning_content` …),
 * and a relay must not reject what the upstream would accept.
 */

// ───────────────────────────── request: content parts ─────────────────────────────

const cacheControl = z.looseObject({ type: z.literal('ephemeral'), ttl: z.string().optional() });

const textPart = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControl.nullish(),
});

const imagePart = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({
    url: z.string().min(1, 'image_url.url must not be empty'),
    detail: z.enum(['auto', 'low', 'high']).nullish(),
  }),
  cache_control: cacheControl.nullish(),
});

const audioPart = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string().min(1) }),
});

const filePart = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.string().nullish(),
    file_id: z.string().nullish(),
    filename: z.string().nullish(),
  }),
  cache_control: cacheControl.nullish(),
});

/** Assistant history may carry a refusal part; it is read as text. */
const refusalPart = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

const userPart = z.discriminatedUnion('type', [textPart, imagePart, audioPart, filePart]);
const toolResultPart = z.discriminatedUnion('type', [textPart, imagePart]);
const assistantPart = z.discriminatedUnion('type', [textPart, refusalPart]);

export type WireTextPart = z.infer<typeof textPart>;
export type WireImagePart = z.infer<typeof imagePart>;
export type WireUserPart = z.infer<typeof userPart>;
export type WireToolResultPart = z.infer<typeof toolResultPart>;

// ───────────────────────────── request: messages ─────────────────────────────

const functionCall = z.looseObject({ name: z.string().min(1), arguments: z.string() });

const toolCall = z.looseObject({
  id: z.string(),
  type: z.literal('function', { error: 'only "function" tool calls are supported' }),
  function: functionCall,
});

const instructionMessage = z.looseObject({
  role: z.enum(['system', 'developer']),
  content: z.union([z.string(), z.array(textPart)]),
  name: z.string().nullish(),
});

const userMessage = z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(userPart)]),
  name: z.string().nullish(),
});

const assistantMessage = z.looseObject({
  role: z.literal('assistant'),
  content: z.union([z.string(), z.array(assistantPart)]).nullish(),
  refusal: z.string().nullish(),
  tool_calls: z.array(toolCall).nullish(),
  /** Deprecated single call, before `tool_calls`. */
  function_call: functionCall.nullish(),
  /** DeepSeek / Qwen / vLLM reasoning text. */
  reasoning_content: z.string().nullish(),
  /** OpenRouter reasoning text. */
  reasoning: z.string().nullish(),
  name: z.string().nullish(),
});

const toolMessage = z.looseObject({
  role: z.literal('tool'),
  content: z.union([z.string(), z.array(toolResultPart)]),
  tool_call_id: z.string().min(1, 'tool_call_id must not be empty'),
});

/** Deprecated result of a `function_call`. */
const functionMessage = z.looseObject({
  role: z.literal('function'),
  name: z.string().min(1),
  content: z.string().nullable(),
});

const message = z.discriminatedUnion('role', [instructionMessage, userMessage, assistantMessage, toolMessage, functionMessage]);

export type WireMessage = z.infer<typeof message>;
export type WireAssistantMessage = z.infer<typeof assistantMessage>;

// ───────────────────────────── request: tools, formats, envelope ─────────────────────────────

const functionDefinition = z.looseObject({
  name: z.string().min(1, 'function.name must not be empty'),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

const tool = z.looseObject({
  type: z.literal('function', { error: 'only "function" tools are supported' }),
  function: functionDefinition,
});

const toolChoice = z.union([
  z.enum(['none', 'auto', 'required']),
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string().min(1) }) }),
    z.looseObject({
      type: z.literal('allowed_tools'),
      allowed_tools: z.looseObject({ mode: z.enum(['auto', 'required']) }),
    }),
  ]),
]);

const legacyFunctionChoice = z.union([z.enum(['none', 'auto']), z.looseObject({ name: z.string().min(1) })]);

const responseFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1),
      description: z.string().nullish(),
      schema: z.record(z.string(), z.unknown()).nullish(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

/** The server's envelope schema, with every nested structure the codec converts checked. */
export const requestSchema = chatCompletionRequestSchema.extend({
  messages: z.array(message).min(1, 'messages must contain at least one message'),
  tools: z.array(tool).nullish(),
  tool_choice: toolChoice.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  functions: z.array(functionDefinition).nullish(),
  function_call: legacyFunctionChoice.nullish(),
  top_k: z.number().int().nullish(),
  seed: z.number().int().nullish(),
  reasoning_effort: z.string().nullish(),
  response_format: responseFormat.nullish(),
});

export type WireRequest = z.infer<typeof requestSchema>;

/** Top-level request fields the codec understands; everything else travels in `extra`. */
export const KNOWN_REQUEST_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'top_k',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'stop',
  'seed',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'reasoning_effort',
  'response_format',
  'user',
]);

// ───────────────────────────── answers ─────────────────────────────

/** Usage as OpenAI and compatible vendors report it (DeepSeek adds `prompt_cache_hit_tokens`). */
export interface WireUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; cache_write_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  prompt_cache_hit_tokens?: number | null;
}

const count = z.number().nonnegative().nullish();

const usage = z.looseObject({
  prompt_tokens: count,
  completion_tokens: count,
  total_tokens: count,
  prompt_tokens_details: z.looseObject({ cached_tokens: count, cache_write_tokens: count }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: count }).nullish(),
  prompt_cache_hit_tokens: count,
});

const responseMessage = z.looseObject({
  role: z.string().nullish(),
  /** A few vendors answer with text parts instead of a string. */
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]).nullish(),
  refusal: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string().nullish(),
        type: z.string().nullish(),
        function: z.looseObject({ name: z.string(), arguments: z.string().nullish() }),
      }),
    )
    .nullish(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string().nullish() }).nullish(),
});

export const responseSchema = z.looseObject({
  id: z.string().nullish(),
  object: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.looseObject({
      index: z.number().nullish(),
      /** Absent in some filtered answers (Azure content filter). */
      message: responseMessage.nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: usage.nullish(),
});

export type WireResponse = z.infer<typeof responseSchema>;

/** One streamed chunk, as far as the decoder reads it. Checked by hand, never trusted. */
export interface WireChunk {
  id?: unknown;
  model?: unknown;
  created?: unknown;
  choices?: unknown;
  usage?: unknown;
  error?: unknown;
}

export interface WireChunkChoice {
  index?: unknown;
  delta?: WireDelta | null;
  finish_reason?: unknown;
}

interface WireDelta {
  content?: unknown;
  refusal?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
  tool_calls?: unknown;
  function_call?: unknown;
}

export interface WireToolCallDelta {
  index?: unknown;
  id?: unknown;
  function?: { name?: unknown; arguments?: unknown } | null;
}
