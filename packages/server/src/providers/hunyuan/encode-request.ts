import {
  dropForeignExtra,
  type IrEncodeContext,
  irText,
  type IrAssistantMessage,
  type IrMessage,
  type IrRequest,
  type IrTool,
  type IrToolMessage,
  type IrUserMessage,
} from '@switchboard/protocol';
import { imageUrlOf, partAsText } from '../ir-parts.js';

/** Hunyuan's documented seed range. */
const SEED_MIN = 1;
const SEED_MAX = 10_000;

/**
 * IR → Hunyuan `ChatCompletions` body (PascalCase, API 2023-09-01). The adapter sets
 * `Model` and `Stream` again from the attempt.
 *
 * - System parts become ONE leading system message (joined by a blank line): Hunyuan
 *   allows a system message only at the start.
 * - User images go out as `Contents: [{Type: "text", Text}, {Type: "image_url", ImageUrl: {Url}}]`
 *   (base64 images as `data:` URLs, which Hunyuan accepts); text-only messages as `Content`.
 * - Tool parameters are a JSON STRING (`Function.Parameters`), as Hunyuan wants.
 * - `toolChoice: {type: tool}` becomes `ToolChoice: "custom"` + `CustomTool` (the named tool).
 *
 * Dropped or approximated (Hunyuan cannot express it):
 * - `maxOutputTokens`, `topK`, `presencePenalty`, `frequencyPenalty`, `n`, `reasoning`
 *   (T1 models always think), `responseFormat`, `parallelToolCalls`, `user`, `extra`.
 * - `toolChoice: required` becomes "auto" (Hunyuan has none, auto and custom).
 * - `seed` outside 1…10000 (Hunyuan rejects it). Note Hunyuan stops AFTER a stop sequence,
 *   where OpenAI stops before it.
 * - Reasoning parts of assistant history (Hunyuan rejects them in requests), signatures,
 *   `cacheControl`, a tool result's `isError` and `name`; tool-result images become "[image]".
 * - Audio parts become "[audio]", files "[file: <url or name>]".
 */
export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown> {
  const dropped = ctx?.dropped;
  dropForeignExtra(ir, 'native', dropped);
  if (dropped) {
    if (ir.maxOutputTokens !== undefined) dropped.add('setting', 'max_tokens');
    if (ir.topK !== undefined) dropped.add('setting', 'top_k');
    if (ir.presencePenalty !== undefined || ir.frequencyPenalty !== undefined) dropped.add('setting', 'penalties');
    if (ir.reasoning) dropped.add('setting', 'reasoning');
  }
  const messages: Array<Record<string, unknown>> = [];
  // Hunyuan takes one system message, first: mid-conversation ones join it.
  const system = [...(ir.system ?? []), ...ir.messages.flatMap((m) => (m.role === 'system' ? m.content : []))]
    .map((p) => p.text)
    .join('\n\n');
  if (system !== '') messages.push({ Role: 'system', Content: system });
  for (const m of ir.messages) if (m.role !== 'system') messages.push(encodeMessage(m));

  const body: Record<string, unknown> = { Model: ir.model, Messages: messages, Stream: ir.stream };
  if (ir.temperature !== undefined) body.Temperature = ir.temperature;
  if (ir.topP !== undefined) body.TopP = ir.topP;
  if (ir.seed !== undefined && Number.isInteger(ir.seed) && ir.seed >= SEED_MIN && ir.seed <= SEED_MAX) body.Seed = ir.seed;
  if (ir.stop && ir.stop.length > 0) body.Stop = ir.stop;
  if (ir.tools && ir.tools.length > 0) body.Tools = ir.tools.map(encodeTool);
  const choice = ir.toolChoice;
  if (choice?.type === 'none') body.ToolChoice = 'none';
  else if (choice?.type === 'auto' || choice?.type === 'required') body.ToolChoice = 'auto';
  else if (choice?.type === 'tool') {
    const tool = ir.tools?.find((t) => t.name === choice.name);
    body.ToolChoice = 'custom';
    body.CustomTool = tool ? encodeTool(tool) : { Type: 'function', Function: { Name: choice.name, Parameters: '{}' } };
  }
  return body;
}

function encodeTool(t: IrTool): Record<string, unknown> {
  const fn: Record<string, unknown> = { Name: t.name, Parameters: JSON.stringify(t.parameters) };
  if (t.description !== undefined) fn.Description = t.description;
  return { Type: 'function', Function: fn };
}

function encodeMessage(m: Exclude<IrMessage, { role: 'system' }>): Record<string, unknown> {
  switch (m.role) {
    case 'user':
      return encodeUser(m);
    case 'assistant':
      return encodeAssistant(m);
    case 'tool':
      return encodeToolResult(m);
  }
}

function encodeUser(m: IrUserMessage): Record<string, unknown> {
  if (!m.content.some((p) => p.type === 'image')) return { Role: 'user', Content: m.content.map(partAsText).join('') };
  const contents = m.content.map((p) =>
    p.type === 'image' ? { Type: 'image_url', ImageUrl: { Url: imageUrlOf(p) } } : { Type: 'text', Text: partAsText(p) },
  );
  return { Role: 'user', Contents: contents };
}



function encodeAssistant(m: IrAssistantMessage): Record<string, unknown> {
  const calls: Array<Record<string, unknown>> = [];
  for (const p of m.content) {
    if (p.type === 'tool-call') calls.push({ Id: p.id, Type: 'function', Function: { Name: p.name, Arguments: p.arguments } });
  }
  const text = irText(m.content);
  const msg: Record<string, unknown> = { Role: 'assistant' };
  // Hunyuan rejects an empty Content; a tool-calls-only turn carries none.
  if (text !== '' || calls.length === 0) msg.Content = text;
  if (calls.length > 0) msg.ToolCalls = calls;
  return msg;
}

function encodeToolResult(m: IrToolMessage): Record<string, unknown> {
  const content = m.content.map((p) => (p.type === 'text' ? p.text : '[image]')).join('\n');
  return { Role: 'tool', Content: content, ToolCallId: m.toolCallId };
}
