import {
  dropForeignExtra,
  irText,
  type IrEncodeContext,
  type IrAssistantMessage,
  type IrImagePart,
  type IrMessage,
  type IrRequest,
  type IrTextPart,
  type IrToolChoice,
  type IrToolMessage,
  type IrUserMessage,
} from '@switchboard/protocol';
import { imageUrlOf, partAsText } from '../ir-parts.js';

/** One `input.messages[]` entry; `content` is a string (text models) or `[{text}|{image}]` (multimodal). */
type DashscopeWireMessage = Record<string, unknown>;

/**
 * IR → DashScope native body `{model, input: {messages}, parameters}`.
 *
 * - `parameters.result_format` is always "message" (choices with roles and tool calls) and
 *   `incremental_output` always true: without it every stream event repeats the whole
 *   answer so far. Non-stream calls ignore it.
 * - A request with an image anywhere is written in the multimodal form (every `content` an
 *   array of `{text}` / `{image}`), which only the multimodal-generation endpoint accepts;
 *   the adapter picks the endpoint from the body's shape.
 * - `reasoning`: budget 0 → `enable_thinking: false`; a budget → `enable_thinking: true` +
 *   `thinking_budget`; an effort alone → `enable_thinking: true`.
 *
 * Dropped or approximated (DashScope cannot express it):
 * - `toolChoice: required` becomes "auto" (DashScope knows auto, none and one named tool).
 * - `frequencyPenalty` (DashScope's `repetition_penalty` is a different, multiplicative
 *   scale), `n` (only the first choice would be read back), `user`.
 * - `responseFormat: json_schema` becomes `json_object` (the schema itself is lost).
 * - Reasoning parts of assistant history, signatures, `cacheControl`, a tool result's
 *   `isError`; tool-result images become the text "[image]".
 * - Audio parts become "[audio]", files "[file: <url or name>]" (the text endpoint takes
 *   neither, and the multimodal form differs per model family).
 * - `extra` fields of other protocols.
 * What it drops is recorded in `ctx.dropped`. Mid-conversation system messages stay in place.
 */
export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown> {
  const dropped = ctx?.dropped;
  dropForeignExtra(ir, 'native', dropped);
  if (dropped) {
    if (ir.frequencyPenalty !== undefined) dropped.add('setting', 'frequency_penalty');
    if (ir.n !== undefined && ir.n > 1) dropped.add('setting', 'n');
    if (ir.responseFormat?.type === 'json_schema') dropped.add('setting', 'json_schema');
  }
  const multimodal = hasImages(ir);
  const parameters: Record<string, unknown> = { result_format: 'message', incremental_output: true };
  if (ir.maxOutputTokens !== undefined) parameters.max_tokens = ir.maxOutputTokens;
  if (ir.temperature !== undefined) parameters.temperature = ir.temperature;
  if (ir.topP !== undefined) parameters.top_p = ir.topP;
  if (ir.topK !== undefined) parameters.top_k = ir.topK;
  if (ir.stop && ir.stop.length > 0) parameters.stop = ir.stop;
  if (ir.seed !== undefined) parameters.seed = ir.seed;
  if (ir.presencePenalty !== undefined) parameters.presence_penalty = ir.presencePenalty;
  if (ir.tools && ir.tools.length > 0) {
    parameters.tools = ir.tools.map((t) => {
      const fn: Record<string, unknown> = { name: t.name };
      if (t.description !== undefined) fn.description = t.description;
      fn.parameters = t.parameters;
      return { type: 'function', function: fn };
    });
  }
  if (ir.toolChoice) parameters.tool_choice = encodeToolChoice(ir.toolChoice);
  if (ir.parallelToolCalls !== undefined) parameters.parallel_tool_calls = ir.parallelToolCalls;
  const r = ir.reasoning;
  if (r?.budgetTokens === 0) parameters.enable_thinking = false;
  else if (r?.budgetTokens !== undefined) {
    parameters.enable_thinking = true;
    parameters.thinking_budget = r.budgetTokens;
  } else if (r?.effort !== undefined) parameters.enable_thinking = true;
  if (ir.responseFormat && ir.responseFormat.type !== 'text') parameters.response_format = { type: 'json_object' };

  const messages: DashscopeWireMessage[] = [];
  for (const p of ir.system ?? []) messages.push({ role: 'system', content: text(p.text, multimodal) });
  for (const m of ir.messages) messages.push(encodeMessage(m, multimodal));
  return { model: ir.model, input: { messages }, parameters };
}

function hasImages(ir: IrRequest): boolean {
  return ir.messages.some((m) => m.role !== 'assistant' && m.role !== 'system' && m.content.some((p) => p.type === 'image'));
}

/** Text content in the form the endpoint wants. */
function text(value: string, multimodal: boolean): unknown {
  return multimodal ? [{ text: value }] : value;
}

function encodeMessage(m: IrMessage, multimodal: boolean): DashscopeWireMessage {
  switch (m.role) {
    case 'user':
      return { role: 'user', content: encodeUser(m, multimodal) };
    case 'assistant':
      return encodeAssistant(m, multimodal);
    case 'tool':
      return encodeToolResult(m, multimodal);
    case 'system':
      return { role: 'system', content: text(irText(m.content), multimodal) };
  }
}

function encodeUser(m: IrUserMessage, multimodal: boolean): unknown {
  if (!multimodal) return m.content.map(partAsText).join('');
  return m.content.map((p) => (p.type === 'image' ? { image: imageUrlOf(p) } : { text: partAsText(p) }));
}



function encodeAssistant(m: IrAssistantMessage, multimodal: boolean): DashscopeWireMessage {
  const calls: Array<Record<string, unknown>> = [];
  for (const p of m.content) {
    if (p.type === 'tool-call') calls.push({ id: p.id, type: 'function', function: { name: p.name, arguments: p.arguments } });
  }
  const msg: DashscopeWireMessage = { role: 'assistant', content: text(irText(m.content), multimodal) };
  if (calls.length > 0) msg.tool_calls = calls;
  return msg;
}

function encodeToolResult(m: IrToolMessage, multimodal: boolean): DashscopeWireMessage {
  const content = m.content.map((p: IrTextPart | IrImagePart) => (p.type === 'text' ? p.text : '[image]')).join('\n');
  const msg: DashscopeWireMessage = { role: 'tool', content: text(content, multimodal), tool_call_id: m.toolCallId };
  if (m.name !== undefined) msg.name = m.name;
  return msg;
}

function encodeToolChoice(c: IrToolChoice): unknown {
  switch (c.type) {
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: c.name } };
    case 'auto':
    case 'required':
      return 'auto';
  }
}
