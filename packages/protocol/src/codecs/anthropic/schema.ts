import { z } from 'zod';

/**
 * Anthropic Messages API wire format (`POST /v1/messages`).
 *
 * Requests are validated with zod. Every object is a `looseObject`: fields this codec does
 * not know pass through, because Anthropic keeps adding optional ones (`citations`,
 * `context`, `container` …) and a relay must not reject them. Content blocks are checked
 * by their `type`: a known type must be well formed, an unknown type (server-tool blocks
 * such as `server_tool_use`, `web_search_tool_result`, `search_result` …) is kept as an
 * `unsupported` marker that the decoder leaves out.
 *
 * Responses and stream events are read leniently (only what the codec uses is checked)
 * and written from the TypeScript types at the end of this file.
 */

// ───────────────────────────── helpers ─────────────────────────────

/** A content block of a type this codec does not convert (dropped by the decoders). */
interface UnsupportedBlock {
  type: 'unsupported';
  originalType: string;
}

/**
 * An object discriminated by `type`: a known type is validated by its schema (issues keep
 * their paths), any other type becomes an {@link UnsupportedBlock}.
 */
function byType<const T extends Record<string, z.ZodType>>(schemas: T) {
  return z.looseObject({ type: z.string() }).transform((value, ctx): z.output<T[keyof T]> | UnsupportedBlock => {
    const schema = Object.hasOwn(schemas, value.type) ? schemas[value.type] : undefined;
    if (!schema) return { type: 'unsupported', originalType: value.type };
    const result = schema.safeParse(value);
    if (result.success) return result.data as z.output<T[keyof T]>;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input: value });
    }
    return z.NEVER;
  });
}

// ───────────────────────────── request content ─────────────────────────────

const cacheControlSchema = z.looseObject({
  type: z.literal('ephemeral'),
  ttl: z.string().optional(),
});

const textBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControlSchema.nullish(),
});

const base64SourceSchema = z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() });
const urlSourceSchema = z.looseObject({ type: z.literal('url'), url: z.string() });
const fileSourceSchema = z.looseObject({ type: z.literal('file'), file_id: z.string() });

const imageBlockSchema = z.looseObject({
  type: z.literal('image'),
  source: z.discriminatedUnion('type', [base64SourceSchema, urlSourceSchema, fileSourceSchema]),
  cache_control: cacheControlSchema.nullish(),
});

/** Blocks allowed inside a `tool_result` or a document `content` source. */
const nestedBlockSchema = byType({ text: textBlockSchema, image: imageBlockSchema });

const documentBlockSchema = z.looseObject({
  type: z.literal('document'),
  source: z.discriminatedUnion('type', [
    base64SourceSchema,
    urlSourceSchema,
    fileSourceSchema,
    /** Plain text document: `data` is the text itself (not base64). */
    z.looseObject({ type: z.literal('text'), media_type: z.string().optional(), data: z.string() }),
    /** Custom content document: the content is given as blocks. */
    z.looseObject({ type: z.literal('content'), content: z.union([z.string(), z.array(nestedBlockSchema)]) }),
  ]),
  title: z.string().nullish(),
  context: z.string().nullish(),
  cache_control: cacheControlSchema.nullish(),
});

const toolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControlSchema.nullish(),
});

const toolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(nestedBlockSchema)]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControlSchema.nullish(),
});

const thinkingBlockSchema = z.looseObject({
  type: z.literal('thinking'),
  thinking: z.string(),
  /** Required by Anthropic when sent back; optional here so other upstreams can still take it. */
  signature: z.string().optional(),
});

const redactedThinkingBlockSchema = z.looseObject({
  type: z.literal('redacted_thinking'),
  data: z.string(),
});

const contentBlockSchema = byType({
  text: textBlockSchema,
  image: imageBlockSchema,
  document: documentBlockSchema,
  tool_use: toolUseBlockSchema,
  tool_result: toolResultBlockSchema,
  thinking: thinkingBlockSchema,
  redacted_thinking: redactedThinkingBlockSchema,
});

/**
 * `role` is any string: besides user and assistant, Anthropic added a mid-conversation
 * `system` role (beta `mid-conversation-system-2026-04-07`), and later roles must not make a
 * relay refuse the call; the decoder maps what it knows and records the rest as dropped.
 */
const messageParamSchema = z.looseObject({
  role: z.string().min(1),
  content: z.union([z.string(), z.array(contentBlockSchema)]),
});

// ───────────────────────────── request ─────────────────────────────

/** A tool: custom (`type` absent or "custom") or an Anthropic-defined tool (`web_search_20250305` …). */
const toolSchema = z
  .looseObject({
    type: z.string().nullish(),
    name: z.string().min(1),
    description: z.string().optional(),
    input_schema: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().optional(),
    cache_control: cacheControlSchema.nullish(),
  })
  .superRefine((tool, ctx) => {
    const custom = tool.type == null || tool.type === 'custom';
    if (custom && tool.input_schema === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Required (expected object)', path: ['input_schema'], input: tool });
    }
  });

const toolChoiceSchema = z
  .looseObject({
    type: z.enum(['auto', 'any', 'tool', 'none']),
    name: z.string().optional(),
    disable_parallel_tool_use: z.boolean().optional(),
  })
  .superRefine((choice, ctx) => {
    if (choice.type === 'tool' && !choice.name) {
      ctx.addIssue({ code: 'custom', message: 'Required when type is "tool"', path: ['name'], input: choice });
    }
  });

const thinkingConfigSchema = z
  .looseObject({
    /** "enabled", "disabled", "adaptive"; newer values are passed through as extra. */
    type: z.string(),
    budget_tokens: z.number().int().nonnegative().optional(),
  })
  .superRefine((thinking, ctx) => {
    if (thinking.type === 'enabled' && thinking.budget_tokens === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Required when type is "enabled"', path: ['budget_tokens'], input: thinking });
    }
  });

export const messagesRequestSchema = z.looseObject({
  /** Optional here: a decode context may supply it (checked by the decoder). */
  model: z.string().min(1).optional(),
  messages: z.array(messageParamSchema).min(1, 'must contain at least one message'),
  max_tokens: z.number().int().positive(),
  system: z.union([z.string(), z.array(textBlockSchema)]).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().nonnegative().optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  thinking: thinkingConfigSchema.optional(),
  /** `effort` (low … max) is mapped to the IR reasoning effort; other keys stay in `extra`. */
  output_config: z.looseObject({ effort: z.string().optional() }).nullish(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).nullish(),
});

/** Top-level request fields with an IR meaning; everything else goes to `extra`. */
export const KNOWN_REQUEST_FIELDS: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'temperature',
  'top_p',
  'top_k',
  'stop_sequences',
  'stream',
  'tools',
  'tool_choice',
  'thinking',
  'metadata',
]);

export type AnthropicCacheControl = z.infer<typeof cacheControlSchema>;
export type AnthropicImageBlockParam = z.infer<typeof imageBlockSchema>;
export type AnthropicDocumentBlockParam = z.infer<typeof documentBlockSchema>;
export type AnthropicToolResultBlockParam = z.infer<typeof toolResultBlockSchema>;
export type AnthropicContentBlockParam = z.infer<typeof contentBlockSchema>;
export type AnthropicNestedBlockParam = z.infer<typeof nestedBlockSchema>;
export type AnthropicMessageParam = z.infer<typeof messageParamSchema>;
export type AnthropicTool = z.infer<typeof toolSchema>;
export type AnthropicToolChoice = z.infer<typeof toolChoiceSchema>;
export type AnthropicMessagesRequest = z.infer<typeof messagesRequestSchema>;

// ───────────────────────────── response ─────────────────────────────

const usageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
});

const responseContentBlockSchema = byType({
  text: z.looseObject({ type: z.literal('text'), text: z.string() }),
  thinking: z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string().nullish() }),
  redacted_thinking: z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() }),
  tool_use: z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown() }),
});

export const messageResponseSchema = z.looseObject({
  id: z.string(),
  type: z.literal('message').optional(),
  role: z.literal('assistant').optional(),
  model: z.string(),
  content: z.array(responseContentBlockSchema),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  usage: usageSchema.nullish(),
});

export type AnthropicWireUsage = z.infer<typeof usageSchema>;

/** Stop reasons Anthropic reports (newer ones are read as strings and mapped leniently). */
export type AnthropicStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

/** Token usage as written by the encoders. `input_tokens` EXCLUDES cache reads and writes. */
export interface AnthropicUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
}

export type AnthropicResponseContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface AnthropicMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: AnthropicResponseContentBlock[];
  stop_reason: AnthropicStopReason | null;
  stop_sequence: string | null;
  usage: AnthropicUsage;
}

// ───────────────────────────── stream ─────────────────────────────

export const streamEventSchemas = {
  message_start: z.looseObject({
    message: z.looseObject({ id: z.string().optional(), model: z.string().optional(), usage: usageSchema.nullish() }),
  }),
  content_block_start: z.looseObject({
    index: z.number().int().nonnegative(),
    content_block: z.looseObject({ type: z.string() }),
  }),
  content_block_delta: z.looseObject({
    index: z.number().int().nonnegative(),
    delta: z.looseObject({ type: z.string() }),
  }),
  message_delta: z.looseObject({
    delta: z.looseObject({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }).nullish(),
    usage: usageSchema.nullish(),
  }),
  error: z.looseObject({
    error: z.looseObject({ type: z.string().optional(), message: z.string().optional() }).nullish(),
  }),
};

export type AnthropicStreamContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, never> };

type AnthropicStreamDelta =
  | { type: 'text_delta'; text: string }
  | { type: 'thinking_delta'; thinking: string }
  | { type: 'signature_delta'; signature: string }
  | { type: 'input_json_delta'; partial_json: string };

/** The stream events the encoder writes (`event:` name = `type`). */
export type AnthropicStreamEvent =
  | { type: 'message_start'; message: Omit<AnthropicMessage, 'content'> & { content: [] } }
  | { type: 'content_block_start'; index: number; content_block: AnthropicStreamContentBlock }
  | { type: 'content_block_delta'; index: number; delta: AnthropicStreamDelta }
  | { type: 'content_block_stop'; index: number }
  | {
      type: 'message_delta';
      delta: { stop_reason: AnthropicStopReason; stop_sequence: string | null };
      usage: Partial<AnthropicUsage> & { output_tokens: number };
    }
  | { type: 'message_stop' }
  | { type: 'error'; error: { type: string; message: string } };

// ───────────────────────────── errors ─────────────────────────────

export const errorBodySchema = z.looseObject({
  type: z.literal('error').optional(),
  error: z.looseObject({ type: z.string().optional(), message: z.string().optional() }),
});

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}
