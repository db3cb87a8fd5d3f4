import { createHash } from 'node:crypto';
import { dropForeignExtra, irText, type IrAssistantMessage, type IrEncodeContext, type IrMessage, type IrRequest, type IrTool, type IrToolMessage } from '@switchboard/protocol';
import { partAsText } from '../ir-parts.js';
import { clampMaxTokens } from './domains.js';

/** Spark's `top_k` range. */
const TOP_K_MIN = 1;
const TOP_K_MAX = 6;
/** `header.uid` is at most 32 characters. */
const UID_MAX = 32;

type SparkText = { role: 'system' | 'user' | 'assistant'; content: string };

/**
 * IR → Spark request frame `{header, parameter: {chat}, payload: {message, functions}}`. The
 * model is the domain; the adapter adds `header.app_id` (a credential) and sets the domain
 * again from the attempt.
 *
 * Spark's chat messages are plain `{role, content}` with roles system, user and assistant, and
 * turns should alternate, so:
 * - System parts become ONE leading system entry (joined by a blank line).
 * - Images, audio and files become "[image]", "[audio]", "[file: …]": the chat API is text only.
 * - Tool history has no documented request field: an assistant's calls are written into its
 *   text as `[tool call name {arguments}]`, a tool result becomes a user entry
 *   `[tool result name] …`; consecutive entries of one role are then merged.
 * - Tools go out as `payload.functions.text` ({name, description, parameters}).
 *
 * Dropped or approximated (Spark cannot express it):
 * - `topP`, `stop`, `seed`, penalties, `n`, `responseFormat`, `reasoning`, `parallelToolCalls`,
 *   `extra`, reasoning parts and signatures in history, `cacheControl`.
 * - `toolChoice`: "none" sends no functions; a named tool sends only that function; "required"
 *   is sent as auto. Spark has no way to force a call.
 * - `topK` is clamped to 1…6, `maxOutputTokens` to the model's documented ceiling.
 * - `user` becomes `header.uid`, hashed when longer than Spark's 32 characters.
 */
export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown> {
  const dropped = ctx?.dropped;
  dropForeignExtra(ir, 'native', dropped);
  if (dropped) {
    if (ir.topP !== undefined) dropped.add('setting', 'top_p');
    if (ir.stop && ir.stop.length > 0) dropped.add('setting', 'stop');
    if (ir.seed !== undefined) dropped.add('setting', 'seed');
    if (ir.presencePenalty !== undefined || ir.frequencyPenalty !== undefined) dropped.add('setting', 'penalties');
    if (ir.responseFormat && ir.responseFormat.type !== 'text') dropped.add('setting', 'response_format');
  }
  const text: SparkText[] = [];
  // Spark takes one system message, first: mid-conversation ones join it.
  const system = [...(ir.system ?? []), ...ir.messages.flatMap((m) => (m.role === 'system' ? m.content : []))]
    .map((p) => p.text)
    .join('\n\n');
  if (system !== '') text.push({ role: 'system', content: system });
  for (const m of ir.messages) if (m.role !== 'system') append(text, encodeMessage(m));

  const chat: Record<string, unknown> = { domain: ir.model };
  if (ir.temperature !== undefined) chat.temperature = ir.temperature;
  if (ir.maxOutputTokens !== undefined) chat.max_tokens = clampMaxTokens(ir.model, ir.maxOutputTokens);
  if (ir.topK !== undefined) chat.top_k = Math.min(TOP_K_MAX, Math.max(TOP_K_MIN, Math.round(ir.topK)));

  const header: Record<string, unknown> = {};
  if (ir.user !== undefined && ir.user !== '') header.uid = uid(ir.user);

  const payload: Record<string, unknown> = { message: { text } };
  const functions = offeredTools(ir);
  if (functions.length > 0) payload.functions = { text: functions.map(encodeTool) };
  return { header, parameter: { chat }, payload };
}

function offeredTools(ir: IrRequest): IrTool[] {
  const tools = ir.tools ?? [];
  const choice = ir.toolChoice;
  if (choice?.type === 'none') return [];
  if (choice?.type === 'tool') return tools.filter((t) => t.name === choice.name);
  return tools;
}

function encodeTool(t: IrTool): Record<string, unknown> {
  // Spark's schema check wants a description; an empty one is accepted.
  return { name: t.name, description: t.description ?? '', parameters: t.parameters };
}

/** Adds an entry, merging it into the previous one when the role repeats (Spark wants alternating turns). */
function append(text: SparkText[], entry: SparkText): void {
  const last = text.at(-1);
  if (last && last.role === entry.role && entry.role !== 'system') last.content = `${last.content}\n\n${entry.content}`;
  else text.push(entry);
}

function encodeMessage(m: Exclude<IrMessage, { role: 'system' }>): SparkText {
  switch (m.role) {
    case 'user':
      return { role: 'user', content: m.content.map(partAsText).join('') };
    case 'assistant':
      return { role: 'assistant', content: assistantText(m) };
    case 'tool':
      return { role: 'user', content: toolResultText(m) };
  }
}


function assistantText(m: IrAssistantMessage): string {
  const lines: string[] = [];
  const text = irText(m.content);
  if (text !== '') lines.push(text);
  for (const p of m.content) if (p.type === 'tool-call') lines.push(`[tool call ${p.name} ${p.arguments}]`);
  return lines.join('\n');
}

function toolResultText(m: IrToolMessage): string {
  const body = m.content.map((p) => (p.type === 'text' ? p.text : '[image]')).join('\n');
  return `[tool result ${m.name ?? m.toolCallId}] ${body}`;
}

function uid(user: string): string {
  return user.length <= UID_MAX ? user : createHash('sha256').update(user).digest('hex').slice(0, UID_MAX);
}
