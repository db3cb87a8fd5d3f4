/**
 * The internal representation (IR) every wire format converts to and from.
 *
 * Converters are pairs of pure functions per protocol: `decode*` (wire → IR) and
 * `encode*` (IR → wire). Serving format A from provider B is `encodeB(decodeA(x))` for
 * requests and `encodeA(decodeB(y))` for answers and streams. The IR keeps what at least
 * one protocol can express and a conversion can carry; a protocol that cannot express a
 * field drops it and says so in its encoder (see each `encode-*.ts`).
 *
 * Conventions:
 * - Tool-call arguments are JSON text, exactly as models stream them. Protocols that carry
 *   objects (Anthropic `input`, Gemini `args`) parse on decode and stringify on encode.
 * - Every optional field is absent rather than `undefined`-valued when unknown, so golden
 *   files compare cleanly (`exactOptionalPropertyTypes` style, enforced by convention).
 * - `extra` holds provider-specific request fields of the inbound format that have no IR
 *   meaning; encoders for the SAME protocol copy them back, others ignore them.
 */

import type { DroppedFeatures } from './dropped.js';

export type IrProtocol = 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini';

// ───────────────────────────── content ─────────────────────────────

/** Anthropic prompt caching marker; other protocols drop it. */
export interface IrCacheControl {
  type: 'ephemeral';
  ttl?: string;
}

export interface IrTextPart {
  type: 'text';
  text: string;
  cacheControl?: IrCacheControl;
}

export type IrMediaSource =
  /** http(s) URL, or a `data:` URL only when the original was one and the encoder can keep it. */
  | { kind: 'url'; url: string }
  /** base64 without the `data:` prefix. */
  | { kind: 'base64'; mediaType: string; data: string };

export interface IrImagePart {
  type: 'image';
  source: IrMediaSource;
  /** OpenAI `detail`. */
  detail?: 'auto' | 'low' | 'high';
  cacheControl?: IrCacheControl;
}

/** A document (PDF, text …) sent to the model. */
export interface IrFilePart {
  type: 'file';
  source: IrMediaSource | { kind: 'file-id'; fileId: string };
  filename?: string;
  cacheControl?: IrCacheControl;
}

export interface IrAudioPart {
  type: 'audio';
  /** base64 audio. */
  data: string;
  /** e.g. "wav", "mp3". */
  format: string;
}

export type IrUserPart = IrTextPart | IrImagePart | IrFilePart | IrAudioPart;

/** Model "thinking". `signature` (Anthropic/Gemini) must be sent back unchanged in later turns. */
export interface IrReasoningPart {
  type: 'reasoning';
  text: string;
  signature?: string;
  /** Anthropic `redacted_thinking` payload: opaque, passed back as is. */
  redacted?: string;
}

export interface IrToolCallPart {
  type: 'tool-call';
  id: string;
  name: string;
  /** JSON text of the arguments (`"{}"` when none). */
  arguments: string;
  /** Gemini `thoughtSignature` attached to this call; must be sent back with it. */
  signature?: string;
}

export type IrAssistantPart = IrTextPart | IrReasoningPart | IrToolCallPart;

// ───────────────────────────── messages ─────────────────────────────

export interface IrUserMessage {
  role: 'user';
  content: IrUserPart[];
  /** OpenAI `name`. */
  name?: string;
}

export interface IrAssistantMessage {
  role: 'assistant';
  content: IrAssistantPart[];
  name?: string;
}

/** The result of one tool call. */
export interface IrToolMessage {
  role: 'tool';
  toolCallId: string;
  /** Function name when the format carries it (Gemini needs it; others may not have it). */
  name?: string;
  content: Array<IrTextPart | IrImagePart>;
  isError?: boolean;
}

/**
 * Instructions given in the middle of the conversation (Anthropic's mid-conversation
 * `role: "system"` message). Instructions before the first message live in
 * `IrRequest.system`; this keeps the position of later ones. Encoders whose protocol has a
 * system or developer message put it in place; the others append it to their system
 * instructions.
 */
export interface IrSystemMessage {
  role: 'system';
  content: IrTextPart[];
}

export type IrMessage = IrUserMessage | IrAssistantMessage | IrToolMessage | IrSystemMessage;

// ───────────────────────────── tools ─────────────────────────────

export interface IrTool {
  name: string;
  description?: string;
  /** JSON Schema of the arguments (an object schema). */
  parameters: Record<string, unknown>;
  /** OpenAI `strict`. */
  strict?: boolean;
  cacheControl?: IrCacheControl;
}

export type IrToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  /** The model must call some tool. */
  | { type: 'required' }
  | { type: 'tool'; name: string };

// ───────────────────────────── request ─────────────────────────────

export interface IrReasoningConfig {
  /** OpenAI `reasoning_effort` / Responses `reasoning.effort`. */
  effort?: 'minimal' | 'low' | 'medium' | 'high';
  /** Anthropic `thinking.budget_tokens` / Gemini `thinkingBudget`. 0 = thinking off. */
  budgetTokens?: number;
  /** Ask the provider to return thought summaries/content where it can (Gemini `includeThoughts`). */
  includeThoughts?: boolean;
}

export type IrResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean; description?: string };

export interface IrRequest {
  model: string;
  /** System / developer instructions, in order. */
  system?: IrTextPart[];
  messages: IrMessage[];
  tools?: IrTool[];
  toolChoice?: IrToolChoice;
  parallelToolCalls?: boolean;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stop?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** Number of alternative answers (OpenAI `n`, Gemini `candidateCount`). */
  n?: number;
  reasoning?: IrReasoningConfig;
  responseFormat?: IrResponseFormat;
  stream: boolean;
  /** The caller asked for usage in the stream (OpenAI `stream_options.include_usage`). */
  streamUsage?: boolean;
  /** End-user id (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string;
  /** Fields of the inbound format with no IR meaning, copied back only to the same protocol. */
  extra?: { protocol: IrProtocol; fields: Record<string, unknown> };
}

// ───────────────────────────── answers ─────────────────────────────

/**
 * Why the model stopped. `end` = natural end (OpenAI "stop", Anthropic "end_turn",
 * Gemini "STOP"); `stop-sequence` = hit one of `stop`; `length` = token limit;
 * `tool-calls` = wants tool results; `content-filter` = blocked by safety; `refusal` =
 * the model refused (Anthropic); `error` = the provider ended abnormally.
 */
export type IrStopReason = 'end' | 'stop-sequence' | 'length' | 'tool-calls' | 'content-filter' | 'refusal' | 'error';

/** Token counts. `input` INCLUDES cached reads and cache writes (OpenAI's convention). */
export interface IrUsage {
  input: number;
  output: number;
  /** Input tokens read from the provider's prompt cache (part of `input`). */
  cachedInput?: number;
  /** Input tokens written to the prompt cache (Anthropic `cache_creation_input_tokens`; part of `input`). */
  cacheWrite?: number;
  /** Reasoning tokens (part of `output`). */
  reasoning?: number;
}

export interface IrResponse {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
  content: IrAssistantPart[];
  stopReason: IrStopReason;
  /** The stop sequence that ended the answer, when the provider says which. */
  stopSequence?: string;
  usage?: IrUsage;
}

// ───────────────────────────── stream ─────────────────────────────

/**
 * Stream events. A stream is: `start`, then any mix of deltas, then `finish`, then
 * optionally `usage` (some providers report usage before finish: decoders emit `usage`
 * whenever it arrives, and it may arrive more than once — the LAST one is the total).
 *
 * Parts are addressed by `index`: the position of the part in the final `content` array,
 * in the order parts START. A text part and a tool call never share an index. Decoders
 * of protocols without explicit indexes (OpenAI Chat) assign them: a new index whenever
 * the kind of content changes or a new tool call starts.
 */
export type IrStreamEvent =
  | { type: 'start'; id: string; model: string; created: number }
  | { type: 'text-delta'; index: number; text: string }
  | { type: 'reasoning-delta'; index: number; text: string }
  /** Signature of the reasoning part at `index` (arrives after its text). */
  | { type: 'reasoning-signature'; index: number; signature: string }
  | { type: 'redacted-reasoning'; index: number; data: string }
  | { type: 'tool-call-start'; index: number; id: string; name: string; signature?: string }
  | { type: 'tool-call-delta'; index: number; arguments: string }
  | { type: 'finish'; stopReason: IrStopReason; stopSequence?: string }
  | { type: 'usage'; usage: IrUsage }
  /** The upstream reported an error inside the stream. */
  | { type: 'error'; message: string; code?: string };

// ───────────────────────────── codec contracts ─────────────────────────────

/** One SSE event as a decoder receives it (`event:` name, `data:` text). */
export interface WireSseEvent {
  event?: string;
  data: string;
}

/** Stateful: call `push` for each upstream SSE event, `end` once when the stream ends. */
export interface IrStreamDecoder {
  push(event: WireSseEvent): IrStreamEvent[];
  /** Called at end of stream; returns events the protocol implies (e.g. a missing finish). */
  end(): IrStreamEvent[];
}

/** Stateful: turns IR events into complete SSE frames (`event: …\ndata: …\n\n`) of one protocol. */
export interface IrStreamEncoder {
  push(event: IrStreamEvent): string;
  /** Frames that close the stream (`data: [DONE]`, `message_stop` …). Idempotent. */
  end(): string;
}

/** Options an inbound stream encoder needs from the original request. */
export interface IrStreamEncoderOptions {
  /** The model name to show the caller (the name it asked for, not the upstream's). */
  model: string;
  /** OpenAI: the caller asked for a usage chunk. */
  includeUsage?: boolean;
}

/** What a decoder needs beyond the body (Gemini carries model and streaming in the URL). */
export interface IrDecodeContext {
  model?: string;
  stream?: boolean;
  /** Receives what the IR cannot hold (unknown roles, block and tool types …); see dropped.ts. */
  dropped?: DroppedFeatures;
}

/** What an encoder needs beyond the IR. */
export interface IrEncodeContext {
  /** Receives what the target protocol cannot express; see dropped.ts. */
  dropped?: DroppedFeatures;
}

/** A request body that does not match the protocol; `message` names the field and the problem. */
export class IrInputError extends Error {
  override readonly name = 'IrInputError';
}

/** An error as a protocol reports it in a body or stream event. */
export interface IrErrorInfo {
  message: string;
  /** Protocol's error type/status string, e.g. "rate_limit_error", "RESOURCE_EXHAUSTED". */
  type?: string;
  code?: string;
}

/**
 * Everything Switchboard needs to speak one protocol, both as the caller's format
 * (inbound: decodeRequest, encodeResponse, createStreamEncoder, encodeError) and as an
 * upstream's (encodeRequest, decodeResponse, createStreamDecoder, decodeError).
 * All functions are pure; no I/O.
 */
export interface ProtocolCodec {
  protocol: IrProtocol;
  /** Validates (zod) and converts; throws IrInputError on a bad body. */
  decodeRequest(body: unknown, ctx?: IrDecodeContext): IrRequest;
  /** The wire body (a JSON value) for this protocol. URL and headers are the provider adapter's job. */
  encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown>;
  /** Throws IrInputError when the body is not a valid answer of this protocol. */
  decodeResponse(body: unknown): IrResponse;
  /** `model` is the name the caller asked for. */
  encodeResponse(ir: IrResponse, opts: { model: string }): Record<string, unknown>;
  createStreamDecoder(): IrStreamDecoder;
  createStreamEncoder(opts: IrStreamEncoderOptions): IrStreamEncoder;
  /** Reads an error body (HTTP error response or in-stream error data); undefined if it is not one. */
  decodeError(body: unknown): IrErrorInfo | undefined;
  /** The error body this protocol's clients expect, for an HTTP status and message. */
  encodeError(status: number, message: string, code?: string): Record<string, unknown>;
}

// ───────────────────────────── helpers ─────────────────────────────

/** Concatenated text of text parts, ignoring everything else. */
export function irText(parts: ReadonlyArray<{ type: string; text?: string }>): string {
  let out = '';
  for (const p of parts) if (p.type === 'text' && typeof p.text === 'string') out += p.text;
  return out;
}

/** Splits a `data:` URL into media type and base64 payload; undefined when it is not base64 data. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const m = /^data:([^;,]+)(?:;[^,]*)?;base64,(.*)$/s.exec(url);
  if (!m) return undefined;
  return { mediaType: m[1]!, data: m[2]! };
}

export function toDataUrl(mediaType: string, data: string): string {
  return `data:${mediaType};base64,${data}`;
}
