import { dropForeignExtra } from '../../dropped.js';
import {
  parseDataUrl,
  type IrAssistantPart,
  type IrCacheControl,
  type IrEncodeContext,
  type IrFilePart,
  type IrImagePart,
  type IrMediaSource,
  type IrReasoningConfig,
  type IrRequest,
  type IrTextPart,
  type IrTool,
  type IrToolMessage,
  type IrUserPart,
} from '../../ir.js';

/**
 * IR → Anthropic Messages request body.
 *
 * What it has to arrange:
 * - `max_tokens` is required: IR `maxOutputTokens`, else {@link DEFAULT_MAX_TOKENS}. With
 *   thinking on, Anthropic needs `max_tokens > budget_tokens`: a smaller value is raised to
 *   budget + {@link THINKING_HEADROOM}.
 * - Roles must alternate and start with the user: consecutive same-role messages are merged
 *   (IR tool messages become `tool_result` blocks of a user message, placed before the
 *   other blocks of that message, as Anthropic requires), empty messages are skipped, and a
 *   conversation that does not start with the user gets a "{@link PLACEHOLDER_USER_TEXT}" user turn.
 * - All IR system parts go to `system` (wherever an OpenAI caller put them); mid-conversation
 *   system messages are appended to it (their position is not kept).
 * - Thinking: `reasoning.budgetTokens` (0 = off), else `reasoning.effort` mapped by
 *   {@link EFFORT_BUDGETS}; at least 1024 (Anthropic's minimum). While thinking is on,
 *   Anthropic rejects a changed `temperature` or `top_k`, `top_p` below 0.95, and forced tool
 *   use: those sampling settings are dropped, and a forced `tool_choice` (required / a named
 *   tool) wins over thinking, which is then left off.
 * - `cache_control` markers are written on system blocks, content blocks and tools.
 * - `extra` is copied back only when it came from an Anthropic request; it never overrides
 *   a field written here, except that Anthropic-defined tools in `extra.fields.tools` are
 *   appended to the custom tools. Another protocol's `extra` is recorded as dropped, and so
 *   are the settings below that Anthropic has no field for.
 *
 * Lossy (dropped or approximated):
 * - reasoning parts without a signature (Anthropic rejects unsigned thinking), and
 *   signatures from other providers are sent as is (Anthropic will reject them);
 * - `responseFormat` (json_object / json_schema): no equivalent in the basic API;
 * - `n`, `seed`, `presencePenalty`, `frequencyPenalty`, `streamUsage` (Anthropic always
 *   reports usage), `reasoning.includeThoughts` (thinking is always returned);
 * - `temperature` is clamped to Anthropic's 0–1 range; empty or whitespace-only text parts
 *   and stop sequences are dropped (Anthropic rejects them);
 * - audio parts, image `detail`, user/assistant `name`, tool message `name`;
 * - tool-call ids are made Anthropic-safe (`[A-Za-z0-9_-]`, other characters → `_`),
 *   identically in `tool_use` and `tool_result`;
 * - Gemini `signature` on tool calls.
 */

/** `max_tokens` when the IR does not say. */
export const DEFAULT_MAX_TOKENS = 8192;
/** Room for the visible answer when `max_tokens` has to be raised above the thinking budget. */
export const THINKING_HEADROOM = 4096;
/** Anthropic's smallest thinking budget. */
export const MIN_THINKING_BUDGET = 1024;
/** `reasoning.effort` → `thinking.budget_tokens` when the IR has no explicit budget. */
export const EFFORT_BUDGETS: Readonly<Record<NonNullable<IrReasoningConfig['effort']>, number>> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
};
/** Text of the user turn inserted when a conversation would otherwise not start with the user. */
export const PLACEHOLDER_USER_TEXT = '.';

type WireCacheControl = { type: 'ephemeral'; ttl?: string };
type WireTextBlock = { type: 'text'; text: string; cache_control?: WireCacheControl };
type WireImageBlock = {
  type: 'image';
  source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
  cache_control?: WireCacheControl;
};
type WireDocumentBlock = {
  type: 'document';
  source:
    | { type: 'base64'; media_type: string; data: string }
    | { type: 'text'; media_type: 'text/plain'; data: string }
    | { type: 'url'; url: string }
    | { type: 'file'; file_id: string };
  title?: string;
  cache_control?: WireCacheControl;
};
type WireToolResultBlock = {
  type: 'tool_result';
  tool_use_id: string;
  content?: string | Array<WireTextBlock | WireImageBlock>;
  is_error?: boolean;
  cache_control?: WireCacheControl;
};
type WireAssistantBlock =
  | WireTextBlock
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };
type WireUserBlock = WireTextBlock | WireImageBlock | WireDocumentBlock | WireToolResultBlock;
type WireMessage =
  | { role: 'user'; content: string | WireUserBlock[] }
  | { role: 'assistant'; content: string | WireAssistantBlock[] };
type Turn = { role: 'user'; blocks: WireUserBlock[] } | { role: 'assistant'; blocks: WireAssistantBlock[] };

export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown> {
  const dropped = ctx?.dropped;
  dropForeignExtra(ir, 'anthropic', dropped);
  if (dropped) {
    if (ir.responseFormat && ir.responseFormat.type !== 'text') dropped.add('setting', 'response_format');
    if (ir.n !== undefined && ir.n > 1) dropped.add('setting', 'n');
    if (ir.seed !== undefined) dropped.add('setting', 'seed');
    if (ir.presencePenalty !== undefined || ir.frequencyPenalty !== undefined) dropped.add('setting', 'penalties');
  }
  const body: Record<string, unknown> = { model: ir.model };

  const forcedTool = ir.toolChoice?.type === 'required' || ir.toolChoice?.type === 'tool';
  const budget = forcedTool ? undefined : thinkingBudget(ir.reasoning);
  let maxTokens = ir.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
  if (budget !== undefined && maxTokens <= budget) maxTokens = budget + THINKING_HEADROOM;
  body.max_tokens = maxTokens;

  const system = [...(ir.system ?? []), ...ir.messages.flatMap((m) => (m.role === 'system' ? m.content : []))].filter(hasText);
  if (system.length > 0) {
    const [only] = system;
    body.system = system.length === 1 && only && !only.cacheControl ? only.text : system.map(textBlock);
  }
  body.messages = encodeMessages(ir);

  if (budget !== undefined) body.thinking = { type: 'enabled', budget_tokens: budget };
  if (ir.temperature !== undefined && (budget === undefined || ir.temperature === 1)) {
    body.temperature = Math.min(1, Math.max(0, ir.temperature));
  }
  if (ir.topP !== undefined && (budget === undefined || ir.topP >= 0.95)) body.top_p = ir.topP;
  if (ir.topK !== undefined && budget === undefined) body.top_k = ir.topK;
  const stops = (ir.stop ?? []).filter((s) => s.trim().length > 0);
  if (stops.length > 0) body.stop_sequences = stops;

  const extra = ir.extra?.protocol === 'anthropic' ? ir.extra.fields : undefined;
  const tools: unknown[] = (ir.tools ?? []).map(encodeTool);
  if (extra && Array.isArray(extra.tools)) tools.push(...(extra.tools as unknown[]));
  if (tools.length > 0) {
    body.tools = tools;
    const choice = encodeToolChoice(ir);
    if (choice) body.tool_choice = choice;
  }

  if (ir.user) body.metadata = { user_id: ir.user };
  if (ir.stream) body.stream = true;

  if (extra) {
    for (const [key, value] of Object.entries(extra)) {
      if (key !== 'tools' && !(key in body)) body[key] = value;
    }
  }
  return body;
}

function thinkingBudget(reasoning: IrReasoningConfig | undefined): number | undefined {
  if (!reasoning) return undefined;
  const budget = reasoning.budgetTokens ?? (reasoning.effort ? EFFORT_BUDGETS[reasoning.effort] : undefined);
  if (budget === undefined || budget <= 0) return undefined;
  return Math.max(MIN_THINKING_BUDGET, Math.round(budget));
}

// ───────────────────────────── messages ─────────────────────────────

function encodeMessages(ir: IrRequest): WireMessage[] {
  const turns: Turn[] = [];
  for (const message of ir.messages) {
    if (message.role === 'system') continue; // joined to `system` above
    if (message.role === 'assistant') {
      const blocks = message.content.flatMap(assistantBlock);
      if (blocks.length === 0) continue;
      const last = turns.at(-1);
      if (last?.role === 'assistant') last.blocks.push(...blocks);
      else turns.push({ role: 'assistant', blocks });
    } else {
      const blocks = message.role === 'tool' ? [toolResultBlock(message)] : message.content.flatMap(userBlock);
      if (blocks.length === 0) continue;
      const last = turns.at(-1);
      if (last?.role === 'user') last.blocks.push(...blocks);
      else turns.push({ role: 'user', blocks });
    }
  }
  if (turns[0]?.role !== 'user') turns.unshift({ role: 'user', blocks: [{ type: 'text', text: PLACEHOLDER_USER_TEXT }] });

  return turns.map((turn): WireMessage => {
    if (turn.role === 'assistant') return { role: 'assistant', content: compact(turn.blocks) };
    // Anthropic wants the tool results first in the user turn that answers a tool call.
    const results = turn.blocks.filter((b) => b.type === 'tool_result');
    const others = turn.blocks.filter((b) => b.type !== 'tool_result');
    return { role: 'user', content: compact([...results, ...others]) };
  });
}

/** A lone text block without a cache marker is sent as a plain string. */
function compact<B extends { type: string }>(blocks: B[]): string | B[] {
  const [only] = blocks;
  if (blocks.length === 1 && only && isPlainText(only)) return only.text;
  return blocks;
}

function isPlainText(block: { type: string }): block is WireTextBlock {
  return block.type === 'text' && !(block as WireTextBlock).cache_control;
}

/** Anthropic rejects empty and whitespace-only text blocks. */
function hasText(part: IrTextPart): boolean {
  return part.text.trim().length > 0;
}

function userBlock(part: IrUserPart): WireUserBlock[] {
  switch (part.type) {
    case 'text':
      return hasText(part) ? [textBlock(part)] : [];
    case 'image':
      return [imageBlock(part)];
    case 'file':
      return [fileBlock(part)];
    case 'audio':
      return [];
  }
}

function assistantBlock(part: IrAssistantPart): WireAssistantBlock[] {
  switch (part.type) {
    case 'text':
      return hasText(part) ? [textBlock(part)] : [];
    case 'reasoning':
      if (part.redacted !== undefined) return [{ type: 'redacted_thinking', data: part.redacted }];
      if (part.signature) return [{ type: 'thinking', thinking: part.text, signature: part.signature }];
      return [];
    case 'tool-call':
      return [{ type: 'tool_use', id: safeToolId(part.id), name: part.name, input: argumentsObject(part.arguments) }];
  }
}

function toolResultBlock(message: IrToolMessage): WireToolResultBlock {
  const inner = message.content.flatMap((part): Array<WireTextBlock | WireImageBlock> =>
    part.type === 'image' ? [imageBlock(part)] : hasText(part) ? [textBlock(part)] : [],
  );
  // The IR keeps a tool_result's cache marker on its last part: put it back on the block.
  const last = inner.at(-1);
  const cache = last?.cache_control;
  if (last && cache) delete last.cache_control;
  const block: WireToolResultBlock = { type: 'tool_result', tool_use_id: safeToolId(message.toolCallId) };
  if (inner.length > 0) block.content = compact(inner);
  if (message.isError !== undefined) block.is_error = message.isError;
  if (cache) block.cache_control = cache;
  return block;
}

function textBlock(part: IrTextPart): WireTextBlock {
  return withCache<WireTextBlock>({ type: 'text', text: part.text }, part.cacheControl);
}

function imageBlock(part: IrImagePart): WireImageBlock {
  const data = inlineData(part.source);
  const block: WireImageBlock = data
    ? { type: 'image', source: { type: 'base64', media_type: data.mediaType, data: data.data } }
    : { type: 'image', source: { type: 'url', url: part.source.kind === 'url' ? part.source.url : '' } };
  return withCache(block, part.cacheControl);
}

/** Base64 payload of a media source (a `data:` URL counts); undefined for a real URL. */
function inlineData(source: IrMediaSource): { mediaType: string; data: string } | undefined {
  return source.kind === 'url' ? parseDataUrl(source.url) : { mediaType: source.mediaType, data: source.data };
}

/**
 * PDF → base64 document; `text/*` → plain-text document (decoded); `image/*` → image
 * block; http(s) URL → URL document; Files API id → file document. Other media types are
 * sent as base64 documents and left to Anthropic to accept or refuse.
 */
function fileBlock(part: IrFilePart): WireUserBlock {
  const { source } = part;
  let block: WireDocumentBlock;
  if (source.kind === 'file-id') {
    block = { type: 'document', source: { type: 'file', file_id: source.fileId } };
  } else {
    const data = inlineData(source);
    if (!data) {
      block = { type: 'document', source: { type: 'url', url: source.kind === 'url' ? source.url : '' } };
    } else if (data.mediaType.startsWith('image/')) {
      const image: WireImageBlock = { type: 'image', source: { type: 'base64', media_type: data.mediaType, data: data.data } };
      return withCache(image, part.cacheControl);
    } else if (data.mediaType.startsWith('text/')) {
      const text = Buffer.from(data.data, 'base64').toString('utf8');
      block = { type: 'document', source: { type: 'text', media_type: 'text/plain', data: text } };
    } else {
      block = { type: 'document', source: { type: 'base64', media_type: data.mediaType, data: data.data } };
    }
  }
  if (part.filename) block.title = part.filename;
  return withCache(block, part.cacheControl);
}

/** Tool-call arguments (JSON text) → the object Anthropic wants; invalid, empty or non-object JSON → `{}`. */
export function argumentsObject(args: string): Record<string, unknown> {
  if (args.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(args);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Anthropic tool-use ids must match `^[a-zA-Z0-9_-]+$`. */
function safeToolId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '_');
}

// ───────────────────────────── tools ─────────────────────────────

function encodeTool(tool: IrTool): Record<string, unknown> {
  const out: Record<string, unknown> = { name: tool.name };
  if (tool.description !== undefined) out.description = tool.description;
  out.input_schema = tool.parameters;
  if (tool.strict !== undefined) out.strict = tool.strict;
  if (tool.cacheControl) out.cache_control = cacheControl(tool.cacheControl);
  return out;
}

function encodeToolChoice(ir: IrRequest): Record<string, unknown> | undefined {
  const noParallel = ir.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  switch (ir.toolChoice?.type) {
    case undefined:
      return ir.parallelToolCalls === false ? { type: 'auto', ...noParallel } : undefined;
    case 'auto':
      return { type: 'auto', ...noParallel };
    case 'required':
      return { type: 'any', ...noParallel };
    case 'tool':
      return { type: 'tool', name: ir.toolChoice.name, ...noParallel };
    case 'none':
      return { type: 'none' };
  }
}

// ───────────────────────────── cache control ─────────────────────────────

function cacheControl(cc: IrCacheControl): WireCacheControl {
  return cc.ttl !== undefined ? { type: 'ephemeral', ttl: cc.ttl } : { type: 'ephemeral' };
}

function withCache<B extends { cache_control?: WireCacheControl }>(block: B, cc: IrCacheControl | undefined): B {
  if (cc) block.cache_control = cacheControl(cc);
  return block;
}
