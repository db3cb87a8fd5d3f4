import { z } from 'zod';

/**
 * OpenAI Responses API wire format (`POST /v1/responses`): zod schemas for what the codec
 * READS (requests from callers, answers and stream events from upstreams) and plain types
 * for what it WRITES. Every object schema is loose: unknown fields pass validation, because
 * the API grows new fields often and a relay must not reject them.
 *
 * Reading is two-step: the top-level schemas check the envelope (`input` is a string or an
 * array of objects with an optional `type`), and the item and part schemas below are applied
 * one by one by the decoders, so an error names the exact item (`input.3.call_id: …`).
 */

// ───────────────────────────── request: content parts ─────────────────────────────

export const inputTextPartSchema = z.looseObject({ type: z.literal('input_text'), text: z.string() });

export const inputImagePartSchema = z.looseObject({
  type: z.literal('input_image'),
  /** http(s) URL or a `data:` URL. */
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.enum(['auto', 'low', 'high', 'original']).nullish(),
});

export const inputFilePartSchema = z.looseObject({
  type: z.literal('input_file'),
  /** A `data:` URL, or bare base64. */
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
});

export const inputAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string().min(1) }),
});

/** Assistant text in the history (an earlier answer fed back). */
export const outputTextPartSchema = z.looseObject({ type: z.literal('output_text'), text: z.string() });

export const refusalPartSchema = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

/** Any content part, before it is checked by the schema for its `type`. */
export const anyPartSchema = z.looseObject({ type: z.string().min(1, 'content part type is required') });

// ───────────────────────────── request: input items ─────────────────────────────

export const messageItemSchema = z.looseObject({
  type: z.literal('message').optional(),
  /** Any string: roles added later are left out by the decoder (and recorded), not refused. */
  role: z.string().min(1),
  content: z.union([z.string(), z.array(anyPartSchema)]),
});

export const functionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string().min(1, 'call_id is required'),
  name: z.string().min(1, 'name is required'),
  arguments: z.string(),
});

export const functionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  call_id: z.string().min(1, 'call_id is required'),
  output: z.union([z.string(), z.array(anyPartSchema)]),
});

const summaryTextSchema = z.looseObject({ type: z.string(), text: z.string() });

export const reasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  summary: z.array(summaryTextSchema).nullish(),
  /** Raw reasoning text (open-weight models); OpenAI's own models send summaries only. */
  content: z.array(summaryTextSchema).nullish(),
  encrypted_content: z.string().nullish(),
});

/** Any input item, before it is checked by the schema for its `type` (absent = message). */
const anyItemSchema = z.looseObject({ type: z.string().optional() });

// ───────────────────────────── request: tools, format, envelope ─────────────────────────────

export const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1, 'name is required'),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});

export const anyToolSchema = z.looseObject({ type: z.string().min(1, 'tool type is required') });

const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.string().min(1), name: z.string().optional() }),
]);

const textFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().min(1, 'name is required'),
    schema: z.record(z.string(), z.unknown()),
    strict: z.boolean().nullish(),
    description: z.string().nullish(),
  }),
]);

export const requestSchema = z.looseObject({
  model: z.string().trim().min(1, 'model is required').optional(),
  input: z.union([z.string(), z.array(anyItemSchema)]).nullish(),
  instructions: z.string().nullish(),
  tools: z.array(anyToolSchema).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  reasoning: z
    .looseObject({
      effort: z.string().nullish(),
      summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
    })
    .nullish(),
  text: z.looseObject({ format: textFormatSchema.nullish() }).nullish(),
  stream: z.boolean().nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  // Carried in `extra` only, but type-checked so a bad value fails here and not upstream.
  store: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  include: z.array(z.string()).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  truncation: z.enum(['auto', 'disabled']).nullish(),
  prompt_cache_key: z.string().nullish(),
});

export type ResponsesRequest = z.infer<typeof requestSchema>;

// ───────────────────────────── answers ─────────────────────────────

const usageSchema = z.looseObject({
  input_tokens: z.number(),
  output_tokens: z.number(),
  total_tokens: z.number().nullish(),
  input_tokens_details: z
    .looseObject({ cached_tokens: z.number().nullish(), cache_write_tokens: z.number().nullish() })
    .nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});

export const outputMessageSchema = z.looseObject({
  type: z.literal('message'),
  id: z.string().nullish(),
  role: z.literal('assistant').optional(),
  content: z.array(anyPartSchema),
});

const responseErrorSchema = z.looseObject({
  code: z.string().nullish(),
  message: z.string(),
  type: z.string().nullish(),
});

export const responseSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('response').optional(),
  created_at: z.number(),
  status: z.string().nullish(),
  model: z.string(),
  output: z.array(anyItemSchema.extend({ type: z.string() })),
  incomplete_details: z.looseObject({ reason: z.string().nullish() }).nullish(),
  error: responseErrorSchema.nullish(),
  usage: usageSchema.nullish(),
});

export type ResponsesWireUsage = z.infer<typeof usageSchema>;
export type ResponsesWireResponse = z.infer<typeof responseSchema>;

// ───────────────────────────── stream events (read side) ─────────────────────────────

/** Fields shared by the per-item events (`output_index`, and `item_id` where it exists). */
const itemEventSchema = z.looseObject({
  type: z.string(),
  output_index: z.number().int().min(0),
  item_id: z.string().nullish(),
});

export const outputItemEventSchema = itemEventSchema.extend({ item: anyItemSchema.extend({ type: z.string() }) });
export const textDeltaEventSchema = itemEventSchema.extend({ content_index: z.number().int().optional(), delta: z.string() });
export const textDoneEventSchema = itemEventSchema.extend({ content_index: z.number().int().optional(), text: z.string() });
export const refusalDoneEventSchema = itemEventSchema.extend({ content_index: z.number().int().optional(), refusal: z.string() });
export const argumentsDeltaEventSchema = itemEventSchema.extend({ delta: z.string() });
export const argumentsDoneEventSchema = itemEventSchema.extend({ arguments: z.string() });
export const summaryDeltaEventSchema = itemEventSchema.extend({ summary_index: z.number().int().optional(), delta: z.string() });
export const summaryDoneEventSchema = itemEventSchema.extend({ summary_index: z.number().int().optional(), text: z.string() });
export const reasoningTextDeltaEventSchema = itemEventSchema.extend({ content_index: z.number().int().optional(), delta: z.string() });
export const reasoningTextDoneEventSchema = itemEventSchema.extend({ content_index: z.number().int().optional(), text: z.string() });
export const responseEventSchema = z.looseObject({ type: z.string(), response: responseSchema.partial().loose() });

// ───────────────────────────── write side ─────────────────────────────

type ResponsesOutputText = {
  type: 'output_text';
  text: string;
  annotations: unknown[];
}

type ResponsesRefusal = {
  type: 'refusal';
  refusal: string;
}

type ResponsesSummaryText = {
  type: 'summary_text';
  text: string;
}

type ResponsesItemStatus = 'in_progress' | 'completed' | 'incomplete';

export type ResponsesOutputMessage = {
  id: string;
  type: 'message';
  status: ResponsesItemStatus;
  role: 'assistant';
  content: Array<ResponsesOutputText | ResponsesRefusal>;
}

export type ResponsesReasoningItem = {
  id: string;
  type: 'reasoning';
  summary: ResponsesSummaryText[];
  encrypted_content?: string;
}

export type ResponsesFunctionCall = {
  id: string;
  type: 'function_call';
  status: ResponsesItemStatus;
  arguments: string;
  call_id: string;
  name: string;
}

export type ResponsesOutputItem = ResponsesOutputMessage | ResponsesReasoningItem | ResponsesFunctionCall;

export type ResponsesUsage = {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens?: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export type ResponsesStatus = 'completed' | 'incomplete' | 'failed' | 'in_progress';

/** The Response object as this codec writes it (answers and the stream's lifecycle events). */
export type ResponsesResponseBody = {
  id: string;
  object: 'response';
  created_at: number;
  status: ResponsesStatus;
  background: boolean;
  error: { code: string; message: string } | null;
  incomplete_details: { reason: 'max_output_tokens' | 'content_filter' } | null;
  instructions: null;
  max_output_tokens: null;
  model: string;
  output: ResponsesOutputItem[];
  parallel_tool_calls: boolean;
  previous_response_id: null;
  reasoning: { effort: null; summary: null };
  store: boolean;
  temperature: null;
  text: { format: { type: 'text' } };
  tool_choice: 'auto';
  tools: unknown[];
  top_p: null;
  truncation: 'disabled';
  usage: ResponsesUsage | null;
  user: null;
  metadata: Record<string, string>;
}

/** OpenAI's error envelope for HTTP error bodies. */
export type ResponsesErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
}
