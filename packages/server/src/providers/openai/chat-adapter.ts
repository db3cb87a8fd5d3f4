import type { ChatCompletion, ChatCompletionChunk, OpenAIUsage } from '@switchboard/protocol';
import type { TokenUsage } from '../usage.js';
import type { UpstreamRequest } from '../provider-adapter.js';
import { errorMessageOf } from '../upstream-error.js';

/**
 * The OpenAI Chat Completions wire protocol as an upstream: pure functions that build the
 * request and read the answer (its errors are classified by the shared `classifyHttpError`). No HTTP here: the relay core owns connections, retries and
 * billing, so this module is testable from fixtures alone.
 */
export function buildChatRequest(opts: {
  basePath: string;
  key: string;
  body: Record<string, unknown>;
  upstreamModel: string;
  stream: boolean;
  extraHeaders: Readonly<Record<string, string>>;
}): UpstreamRequest {
  const body: Record<string, unknown> = { ...opts.body, model: opts.upstreamModel };
  if (opts.stream) {
    // Always ask for usage so streams can be metered; the core hides it from callers that did not ask.
    const options = typeof body.stream_options === 'object' && body.stream_options !== null ? body.stream_options : {};
    body.stream_options = { ...options, include_usage: true };
  }
  return {
    path: `${opts.basePath}/chat/completions`,
    headers: {
      ...opts.extraHeaders,
      authorization: `Bearer ${opts.key}`,
      'content-type': 'application/json',
      accept: opts.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
  };
}

function readUsage(usage: OpenAIUsage | null | undefined): TokenUsage | undefined {
  if (!usage || typeof usage !== 'object') return undefined;
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? Math.max(0, (usage.total_tokens ?? 0) - prompt);
  return {
    promptTokens: prompt,
    completionTokens: completion,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

/** What one stream event means to the relay. */
export type ChunkMeaning =
  | { kind: 'done' }
  | { kind: 'error'; message: string }
  | {
      kind: 'chunk';
      /**
       * Text produced by this chunk (content + reasoning + tool arguments), for local counting;
       * undefined when the chunk was read on the fast path (extract it with `chunkText` if needed).
       */
      text: string | undefined;
      /** Whether the chunk carries any output (not just a role or an empty delta). */
      hasOutput: boolean;
      usage: TokenUsage | undefined;
      /** A chunk that carries only usage (`choices: []`), which callers that did not ask must not see. */
      usageOnly: boolean;
      finished: boolean;
    };

const DONE: ChunkMeaning = { kind: 'done' };
const MALFORMED: ChunkMeaning = { kind: 'error', message: 'upstream sent a malformed stream event' };

// Keys that change what an event means. Text inside a JSON string can never hold an unescaped
// quote, so these tests cannot be fooled by message content.
const USAGE_OBJECT = /"usage"\s*:\s*\{/;
const FINISH_SET = /"finish_reason"\s*:\s*"/;
const ERROR_KEY = /"error"\s*:/;
// `text` is the legacy /v1/completions delta, relayed on the same fast path.
const HAS_OUTPUT = /"(?:content|reasoning_content|text)"\s*:\s*"[^"]|"tool_calls"\s*:\s*\[/;

/**
 * Reads one stream event. Most events are plain deltas that matter to the relay only as bytes
 * to forward, so they are classified by key tests without a JSON parse (measured: a third of
 * a streamed request's relay CPU went to parsing them); only usage, finish and error events
 * are parsed.
 */
export function interpretChunk(data: string): ChunkMeaning {
  if (data === '[DONE]') return DONE;
  if (data.charCodeAt(0) !== 123 /* { */ || data.charCodeAt(data.length - 1) !== 125 /* } */) return MALFORMED;
  if (!USAGE_OBJECT.test(data) && !FINISH_SET.test(data) && !ERROR_KEY.test(data)) {
    return { kind: 'chunk', text: undefined, hasOutput: HAS_OUTPUT.test(data), usage: undefined, usageOnly: false, finished: false };
  }
  let chunk: ChatCompletionChunk;
  try {
    chunk = JSON.parse(data) as ChatCompletionChunk;
  } catch {
    return MALFORMED;
  }
  if (chunk.error) return { kind: 'error', message: errorMessageOf(chunk) ?? 'upstream stream error' };
  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  const text = textOf(chunk);
  const usage = readUsage(chunk.usage);
  return {
    kind: 'chunk',
    text,
    hasOutput: text.length > 0,
    usage,
    usageOnly: choices.length === 0 && usage !== undefined,
    finished: choices.some((c) => !!c.finish_reason),
  };
}

/**
 * The usage of a non-stream answer, read from the `usage` object alone. The answer itself is
 * forwarded as the upstream wrote it, so parsing all of it just to find the token counts
 * would be wasted work on every request. Undefined when the answer reports no usage.
 */
export function completionUsage(body: string): TokenUsage | undefined {
  const key = body.lastIndexOf('"usage"');
  if (key === -1) return undefined;
  const open = body.indexOf('{', key);
  if (open === -1 || body.slice(key + 7, open).trim() !== ':') return undefined;
  // The usage object holds numbers and nested objects only, so braces can be counted directly.
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) {
      try {
        return readUsage(JSON.parse(body.slice(open, i + 1)) as OpenAIUsage);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Whether a body may carry an `error` member (then it must be parsed to know). */
export function mayBeError(body: string): boolean {
  return ERROR_KEY.test(body);
}

/** The output text of a non-stream answer, for local counting. */
export function completionText(body: string): string {
  let json: ChatCompletion;
  try {
    json = JSON.parse(body) as ChatCompletion;
  } catch {
    return '';
  }
  let text = '';
  for (const choice of json.choices ?? []) {
    const message = choice.message as { content?: unknown; reasoning_content?: unknown; tool_calls?: unknown } | undefined;
    const legacy = (choice as { text?: unknown }).text;
    if (typeof legacy === 'string') text += legacy;
    if (typeof message?.content === 'string') text += message.content;
    if (typeof message?.reasoning_content === 'string') text += message.reasoning_content;
    if (message?.tool_calls) text += JSON.stringify(message.tool_calls);
  }
  return text;
}

/** The output text of a stream chunk (content, reasoning, tool names and arguments). */
export function chunkText(data: string): string {
  try {
    return textOf(JSON.parse(data) as ChatCompletionChunk);
  } catch {
    return '';
  }
}

function textOf(chunk: ChatCompletionChunk): string {
  let text = '';
  for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
    const legacy = (choice as { text?: unknown }).text;
    if (typeof legacy === 'string') text += legacy;
    const delta = choice.delta;
    if (!delta) continue;
    if (typeof delta.content === 'string') text += delta.content;
    if (typeof delta.reasoning_content === 'string') text += delta.reasoning_content;
    if (Array.isArray(delta.tool_calls)) {
      for (const call of delta.tool_calls as Array<{ function?: { name?: string; arguments?: string } }>) {
        text += (call.function?.name ?? '') + (call.function?.arguments ?? '');
      }
    }
  }
  return text;
}
