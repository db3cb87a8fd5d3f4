import type { DroppedFeatures } from '../../dropped.js';
import {
  IrInputError,
  type IrAssistantPart,
  type IrCacheControl,
  type IrDecodeContext,
  type IrFilePart,
  type IrImagePart,
  type IrMessage,
  type IrReasoningConfig,
  type IrRequest,
  type IrTextPart,
  type IrTool,
  type IrToolChoice,
  type IrToolMessage,
  type IrUserPart,
} from '../../ir.js';
import {
  KNOWN_REQUEST_FIELDS,
  messagesRequestSchema,
  type AnthropicCacheControl,
  type AnthropicContentBlockParam,
  type AnthropicDocumentBlockParam,
  type AnthropicImageBlockParam,
  type AnthropicMessageParam,
  type AnthropicNestedBlockParam,
  type AnthropicTool,
  type AnthropicToolChoice,
  type AnthropicToolResultBlockParam,
} from './schema.js';
import { parseWire } from './validate.js';

/**
 * Anthropic Messages request → IR.
 *
 * - `system` (string or text blocks) → `system` parts, `cache_control` kept.
 * - A user message's `tool_result` blocks become IR tool messages; its other blocks become
 *   user messages, in order (a run of tool results, then a user message with the rest …).
 * - `tool_result.cache_control` moves to the last part of the result (the IR tool message
 *   has no marker of its own); the encoder moves it back.
 * - `thinking` / `redacted_thinking` → reasoning parts (signature / redacted payload kept).
 * - `document` → file part (PDF base64 or URL, Files API id, plain text as base64
 *   `text/plain`); a `content` document is unpacked into its text/image parts.
 * - Anthropic-defined tools (`type` other than "custom", e.g. `web_search_20250305`) stay
 *   out of `tools` and travel in `extra.fields.tools` (an encoder for another protocol records
 *   them as dropped); so does a `thinking` config the IR cannot express, in
 *   `extra.fields.thinking`.
 * - `thinking: {type: "adaptive"}` (the model decides how much to think) → reasoning with
 *   thoughts included and no budget; `output_config.effort` → `reasoning.effort` ("max" and
 *   "xhigh" read as "high", "none" as thinking off).
 * - A `role: "system"` message (mid-conversation instructions) → an IR system message in
 *   place; its non-text blocks are dropped.
 * - Unknown top-level fields → `extra` {protocol:'anthropic'}.
 * - Dropped and recorded in `ctx.dropped`: messages of unknown roles (`role.<role>`), block
 *   types without IR meaning (`content.server_tool_use`, `content.search_result` …), images
 *   given as Files API ids (`content.image_file`). Dropped unrecorded (no meaning lost for
 *   the answer): `citations` / `context` of documents, `cache_control` on `tool_use` blocks.
 */
export function decodeRequest(body: unknown, ctx?: IrDecodeContext): IrRequest {
  const req = parseWire(messagesRequestSchema, body, 'body');
  const model = req.model ?? ctx?.model;
  if (!model) throw new IrInputError('model: Required (expected string)');

  const extraFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(req)) {
    if (!KNOWN_REQUEST_FIELDS.has(key) && value !== undefined) extraFields[key] = value;
  }

  let system: IrTextPart[] | undefined;
  if (typeof req.system === 'string') {
    if (req.system.length > 0) system = [{ type: 'text', text: req.system }];
  } else if (req.system && req.system.length > 0) {
    system = req.system.map((block) => textPart(block.text, block.cache_control));
  }

  const dropped = ctx?.dropped;
  const messages = req.messages.flatMap((message, i) => decodeMessage(message, `messages.${i}`, dropped));

  let tools: IrTool[] | undefined;
  if (req.tools) {
    const custom: IrTool[] = [];
    const serverTools: AnthropicTool[] = [];
    for (const tool of req.tools) {
      if (tool.type != null && tool.type !== 'custom') serverTools.push(tool);
      else custom.push(decodeTool(tool));
    }
    if (custom.length > 0) tools = custom;
    if (serverTools.length > 0) extraFields.tools = serverTools;
  }

  let reasoning: IrReasoningConfig | undefined;
  if (req.thinking) {
    if (req.thinking.type === 'enabled' && req.thinking.budget_tokens !== undefined) {
      reasoning = { budgetTokens: req.thinking.budget_tokens, includeThoughts: true };
    } else if (req.thinking.type === 'disabled') {
      reasoning = { budgetTokens: 0 };
    } else if (req.thinking.type === 'adaptive') {
      reasoning = { includeThoughts: true };
    } else {
      extraFields.thinking = req.thinking;
    }
  }
  if (req.output_config) {
    const { effort, ...rest } = req.output_config;
    if (effort !== undefined) {
      const mapped = effortOf(effort);
      if (mapped) reasoning = { ...reasoning, ...mapped };
      else dropped?.add('setting', `effort_${effort}`);
    }
    if (Object.keys(rest).length > 0) extraFields.output_config = rest;
    else delete extraFields.output_config;
  }

  const choice = req.tool_choice;
  const stop = req.stop_sequences && req.stop_sequences.length > 0 ? [...req.stop_sequences] : undefined;
  const user = req.metadata?.user_id || undefined;
  return {
    model,
    ...(system && { system }),
    messages,
    ...(tools && { tools }),
    ...(choice && { toolChoice: decodeToolChoice(choice) }),
    ...(choice?.disable_parallel_tool_use !== undefined && { parallelToolCalls: !choice.disable_parallel_tool_use }),
    maxOutputTokens: req.max_tokens,
    ...(req.temperature !== undefined && { temperature: req.temperature }),
    ...(req.top_p !== undefined && { topP: req.top_p }),
    ...(req.top_k !== undefined && { topK: req.top_k }),
    ...(stop && { stop }),
    ...(reasoning && { reasoning }),
    stream: req.stream ?? ctx?.stream ?? false,
    ...(user && { user }),
    ...(Object.keys(extraFields).length > 0 && { extra: { protocol: 'anthropic', fields: extraFields } }),
  };
}

/** `output_config.effort` → IR reasoning; undefined for a level with no IR meaning. */
function effortOf(effort: string): IrReasoningConfig | undefined {
  switch (effort) {
    case 'minimal':
    case 'low':
    case 'medium':
    case 'high':
      return { effort };
    case 'max':
    case 'xhigh':
      return { effort: 'high' };
    case 'none':
      return { budgetTokens: 0 };
    default:
      return undefined;
  }
}

// ───────────────────────────── messages ─────────────────────────────

function decodeMessage(message: AnthropicMessageParam, path: string, dropped: DroppedFeatures | undefined): IrMessage[] {
  const blocks: AnthropicContentBlockParam[] =
    typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
  for (const block of blocks) if (block.type === 'unsupported') dropped?.add('content', block.originalType);
  if (message.role === 'assistant') return [{ role: 'assistant', content: decodeAssistantBlocks(blocks, path) }];
  if (message.role === 'system') return [{ role: 'system', content: decodeSystemBlocks(blocks, dropped) }];
  if (message.role !== 'user') {
    dropped?.add('role', message.role);
    return [];
  }

  // User: tool results become tool messages, everything else user messages, in order.
  const out: IrMessage[] = [];
  let userParts: IrUserPart[] | undefined;
  blocks.forEach((block, j) => {
    const where = `${path}.content.${j}`;
    if (block.type === 'tool_result') {
      userParts = undefined;
      out.push(decodeToolResult(block, dropped));
      return;
    }
    const parts = decodeUserBlock(block, where, dropped);
    if (parts.length === 0) return;
    if (!userParts) {
      userParts = [];
      out.push({ role: 'user', content: userParts });
    }
    userParts.push(...parts);
  });
  // A user message with no content at all still counts as a (empty) turn.
  if (out.length === 0) out.push({ role: 'user', content: [] });
  return out;
}

function decodeUserBlock(block: AnthropicContentBlockParam, where: string, dropped: DroppedFeatures | undefined): IrUserPart[] {
  switch (block.type) {
    case 'text':
      return [textPart(block.text, block.cache_control)];
    case 'image':
      return decodeImage(block, dropped);
    case 'document':
      return decodeDocument(block, dropped);
    case 'unsupported':
      return [];
    case 'tool_use':
    case 'thinking':
    case 'redacted_thinking':
    case 'tool_result':
      throw new IrInputError(`${where}.type: "${block.type}" blocks are only allowed in assistant messages`);
  }
}

function decodeAssistantBlocks(blocks: AnthropicContentBlockParam[], path: string): IrAssistantPart[] {
  const parts: IrAssistantPart[] = [];
  blocks.forEach((block, j) => {
    switch (block.type) {
      case 'text':
        parts.push(textPart(block.text, block.cache_control));
        break;
      case 'thinking':
        parts.push(
          block.signature
            ? { type: 'reasoning', text: block.thinking, signature: block.signature }
            : { type: 'reasoning', text: block.thinking },
        );
        break;
      case 'redacted_thinking':
        parts.push({ type: 'reasoning', text: '', redacted: block.data });
        break;
      case 'tool_use':
        parts.push({ type: 'tool-call', id: block.id, name: block.name, arguments: JSON.stringify(block.input) });
        break;
      case 'unsupported':
        break;
      case 'image':
      case 'document':
      case 'tool_result':
        throw new IrInputError(`${path}.content.${j}.type: "${block.type}" blocks are only allowed in user messages`);
    }
  });
  return parts;
}

/** The text blocks of a mid-conversation system message; other blocks are dropped. */
function decodeSystemBlocks(blocks: AnthropicContentBlockParam[], dropped: DroppedFeatures | undefined): IrTextPart[] {
  const parts: IrTextPart[] = [];
  for (const block of blocks) {
    if (block.type === 'text') parts.push(textPart(block.text, block.cache_control));
    else if (block.type !== 'unsupported') dropped?.add('content', `system_${block.type}`);
  }
  return parts;
}

function decodeToolResult(block: AnthropicToolResultBlockParam, dropped: DroppedFeatures | undefined): IrToolMessage {
  const content: Array<IrTextPart | IrImagePart> = [];
  if (typeof block.content === 'string') content.push({ type: 'text', text: block.content });
  else if (block.content) content.push(...decodeNestedBlocks(block.content, dropped));
  const last = content.at(-1);
  if (block.cache_control && last) last.cacheControl = decodeCacheControl(block.cache_control);
  const message: IrToolMessage = { role: 'tool', toolCallId: block.tool_use_id, content };
  if (block.is_error !== undefined) message.isError = block.is_error;
  return message;
}

/** Text and image blocks of a tool result or a content document; unknown ones are recorded. */
function decodeNestedBlocks(blocks: AnthropicNestedBlockParam[], dropped: DroppedFeatures | undefined): Array<IrTextPart | IrImagePart> {
  const parts: Array<IrTextPart | IrImagePart> = [];
  for (const inner of blocks) {
    if (inner.type === 'text') parts.push(textPart(inner.text, inner.cache_control));
    else if (inner.type === 'image') parts.push(...decodeImage(inner, dropped));
    else dropped?.add('content', inner.originalType);
  }
  return parts;
}

/** The image, or nothing for a Files API image (other protocols cannot reach Anthropic's files). */
function decodeImage(block: AnthropicImageBlockParam, dropped: DroppedFeatures | undefined): IrImagePart[] {
  const { source } = block;
  let part: IrImagePart;
  if (source.type === 'base64') {
    part = { type: 'image', source: { kind: 'base64', mediaType: source.media_type, data: source.data } };
  } else if (source.type === 'url') {
    part = { type: 'image', source: { kind: 'url', url: source.url } };
  } else {
    dropped?.add('content', 'image_file');
    return [];
  }
  return [withCache(part, block.cache_control)];
}

function decodeDocument(block: AnthropicDocumentBlockParam, dropped: DroppedFeatures | undefined): IrUserPart[] {
  const { source } = block;
  if (source.type === 'content') {
    // A custom-content document is just blocks: unpack them (the document framing is lost).
    if (typeof source.content === 'string') return [textPart(source.content, block.cache_control)];
    const parts: IrUserPart[] = decodeNestedBlocks(source.content, dropped);
    const last = parts.at(-1);
    if (block.cache_control && last && last.type !== 'audio') last.cacheControl = decodeCacheControl(block.cache_control);
    return parts;
  }
  let part: IrFilePart;
  switch (source.type) {
    case 'base64':
      part = { type: 'file', source: { kind: 'base64', mediaType: source.media_type, data: source.data } };
      break;
    case 'url':
      part = { type: 'file', source: { kind: 'url', url: source.url } };
      break;
    case 'file':
      part = { type: 'file', source: { kind: 'file-id', fileId: source.file_id } };
      break;
    case 'text':
      part = {
        type: 'file',
        source: {
          kind: 'base64',
          mediaType: source.media_type ?? 'text/plain',
          data: Buffer.from(source.data, 'utf8').toString('base64'),
        },
      };
      break;
  }
  if (block.title) part.filename = block.title;
  return [withCache(part, block.cache_control)];
}

// ───────────────────────────── tools ─────────────────────────────

function decodeTool(tool: AnthropicTool): IrTool {
  const ir: IrTool = {
    name: tool.name,
    ...(tool.description !== undefined && { description: tool.description }),
    parameters: tool.input_schema ?? { type: 'object' },
  };
  if (tool.strict !== undefined) ir.strict = tool.strict;
  return withCache(ir, tool.cache_control);
}

function decodeToolChoice(choice: AnthropicToolChoice): IrToolChoice {
  switch (choice.type) {
    case 'auto':
      return { type: 'auto' };
    case 'any':
      return { type: 'required' };
    case 'none':
      return { type: 'none' };
    case 'tool':
      return { type: 'tool', name: choice.name ?? '' };
  }
}

// ───────────────────────────── cache control ─────────────────────────────

function decodeCacheControl(cc: AnthropicCacheControl): IrCacheControl {
  return cc.ttl !== undefined ? { type: 'ephemeral', ttl: cc.ttl } : { type: 'ephemeral' };
}

function textPart(text: string, cc: AnthropicCacheControl | null | undefined): IrTextPart {
  return withCache<IrTextPart>({ type: 'text', text }, cc);
}

function withCache<T extends { cacheControl?: IrCacheControl }>(target: T, cc: AnthropicCacheControl | null | undefined): T {
  if (cc) target.cacheControl = decodeCacheControl(cc);
  return target;
}
