import { dropForeignExtra } from '../../dropped.js';
import {
  irText,
  toDataUrl,
  type IrAssistantMessage,
  type IrEncodeContext,
  type IrImagePart,
  type IrMessage,
  type IrReasoningConfig,
  type IrRequest,
  type IrResponseFormat,
  type IrTextPart,
  type IrTool,
  type IrToolChoice,
  type IrToolMessage,
  type IrUserMessage,
  type IrUserPart,
} from '../../ir.js';

/**
 * IR → OpenAI Chat request body.
 *
 * Choices made for the many OpenAI-compatible upstreams (DeepSeek, Qwen, Ollama, vLLM …):
 * - The token limit goes out as `max_tokens`, which they all know; `max_completion_tokens`
 *   is used only when the body carries `reasoning_effort` (OpenAI reasoning models reject
 *   `max_tokens`).
 * - `stream_options: {include_usage: true}` is always sent with `stream: true`: the
 *   gateway needs usage whether or not the caller asked for it.
 * - `stop` is always an array; system text is one `system` message per IR part; a
 *   mid-conversation system message stays in place as a `system` message.
 *
 * Dropped or approximated (OpenAI Chat cannot express it):
 * - Reasoning parts of assistant history (with signatures and redacted reasoning):
 *   OpenAI does not take them back.
 * - `cacheControl` markers, a tool result's `isError` and `name`, tool-call signatures.
 * - Assistant parts are regrouped: all text (concatenated), then all tool calls.
 * - Images in tool results become the text "[image]" (tool messages take text only).
 * - Files given by URL become the text "[file: <url>]" (Chat file parts take data or ids).
 * - `reasoning.budgetTokens` and `includeThoughts` (only an OpenAI Chat caller's own
 *   `reasoning_effort` spelling, kept in `extra`, is restored); `stopSequence` n/a.
 * - `extra` fields are copied back only when `extra.protocol` is "openai-chat", and never
 *   over a field the IR sets; another protocol's are recorded as dropped.
 */
export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Record<string, unknown> {
  dropForeignExtra(ir, 'openai-chat', ctx?.dropped);
  const body: Record<string, unknown> = { model: ir.model, messages: encodeMessages(ir) };
  if (ir.tools && ir.tools.length > 0) body.tools = ir.tools.map(encodeTool);
  if (ir.toolChoice) body.tool_choice = encodeToolChoice(ir.toolChoice);
  if (ir.parallelToolCalls !== undefined) body.parallel_tool_calls = ir.parallelToolCalls;

  const extra = ir.extra?.protocol === 'openai-chat' ? ir.extra.fields : undefined;
  const effort = encodeEffort(ir.reasoning, extra?.reasoning_effort);
  if (ir.maxOutputTokens !== undefined) {
    body[effort !== undefined ? 'max_completion_tokens' : 'max_tokens'] = ir.maxOutputTokens;
  }
  if (ir.temperature !== undefined) body.temperature = ir.temperature;
  if (ir.topP !== undefined) body.top_p = ir.topP;
  if (ir.topK !== undefined) body.top_k = ir.topK;
  if (ir.stop && ir.stop.length > 0) body.stop = ir.stop;
  if (ir.seed !== undefined) body.seed = ir.seed;
  if (ir.presencePenalty !== undefined) body.presence_penalty = ir.presencePenalty;
  if (ir.frequencyPenalty !== undefined) body.frequency_penalty = ir.frequencyPenalty;
  if (ir.n !== undefined) body.n = ir.n;
  if (effort !== undefined) body.reasoning_effort = effort;
  if (ir.responseFormat) body.response_format = encodeResponseFormat(ir.responseFormat);
  if (ir.user !== undefined) body.user = ir.user;
  if (ir.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  if (extra) {
    for (const key of Object.keys(extra)) {
      if (key !== 'reasoning_effort' && !(key in body)) body[key] = extra[key];
    }
  }
  return body;
}

// ───────────────────────────── messages ─────────────────────────────

function encodeMessages(ir: IrRequest): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const p of ir.system ?? []) out.push({ role: 'system', content: p.text });
  for (const m of ir.messages) out.push(encodeMessage(m));
  return out;
}

function encodeMessage(m: IrMessage): Record<string, unknown> {
  switch (m.role) {
    case 'user':
      return encodeUser(m);
    case 'assistant':
      return encodeAssistant(m);
    case 'tool':
      return encodeToolResult(m);
    case 'system':
      return { role: 'system', content: irText(m.content) };
  }
}

function encodeUser(m: IrUserMessage): Record<string, unknown> {
  const only = m.content.length === 1 ? m.content[0] : undefined;
  const content = only?.type === 'text' ? only.text : m.content.length === 0 ? '' : m.content.map(encodeUserPart);
  const msg: Record<string, unknown> = { role: 'user', content };
  if (m.name !== undefined) msg.name = m.name;
  return msg;
}

function encodeUserPart(p: IrUserPart): Record<string, unknown> {
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text };
    case 'image':
      return encodeImage(p);
    case 'audio':
      return { type: 'input_audio', input_audio: { data: p.data, format: p.format } };
    case 'file': {
      const s = p.source;
      if (s.kind === 'url') return { type: 'text', text: `[file: ${s.url}]` };
      const file: Record<string, unknown> = {};
      if (p.filename !== undefined) file.filename = p.filename;
      if (s.kind === 'file-id') file.file_id = s.fileId;
      else file.file_data = toDataUrl(s.mediaType, s.data);
      return { type: 'file', file };
    }
  }
}

function encodeImage(p: IrImagePart): Record<string, unknown> {
  const s = p.source;
  const image: Record<string, unknown> = { url: s.kind === 'url' ? s.url : toDataUrl(s.mediaType, s.data) };
  if (p.detail !== undefined) image.detail = p.detail;
  return { type: 'image_url', image_url: image };
}

function encodeAssistant(m: IrAssistantMessage): Record<string, unknown> {
  const text = irText(m.content);
  const calls: Array<Record<string, unknown>> = [];
  for (const p of m.content) {
    if (p.type === 'tool-call') {
      calls.push({ id: p.id, type: 'function', function: { name: p.name, arguments: p.arguments } });
    }
  }
  const msg: Record<string, unknown> = { role: 'assistant', content: text === '' && calls.length > 0 ? null : text };
  if (calls.length > 0) msg.tool_calls = calls;
  if (m.name !== undefined) msg.name = m.name;
  return msg;
}

function encodeToolResult(m: IrToolMessage): Record<string, unknown> {
  let content = '';
  m.content.forEach((p: IrTextPart | IrImagePart, i) => {
    if (i > 0) content += '\n';
    content += p.type === 'text' ? p.text : '[image]';
  });
  return { role: 'tool', tool_call_id: m.toolCallId, content };
}

// ───────────────────────────── tools and options ─────────────────────────────

function encodeTool(t: IrTool): Record<string, unknown> {
  const fn: Record<string, unknown> = { name: t.name };
  if (t.description !== undefined) fn.description = t.description;
  fn.parameters = t.parameters;
  if (t.strict !== undefined) fn.strict = t.strict;
  return { type: 'function', function: fn };
}

function encodeToolChoice(c: IrToolChoice): unknown {
  return c.type === 'tool' ? { type: 'function', function: { name: c.name } } : c.type;
}

/**
 * The IR effort, or the OpenAI Chat caller's own spelling (kept in `extra` by the decoder)
 * when the IR still says what the decoder derived from it.
 */
function encodeEffort(reasoning: IrReasoningConfig | undefined, raw: unknown): string | undefined {
  if (typeof raw === 'string') {
    const derived =
      raw === 'none'
        ? reasoning?.budgetTokens === 0 && reasoning.effort === undefined
        : raw === 'xhigh' || raw === 'max'
          ? reasoning?.effort === 'high'
          : reasoning === undefined;
    if (derived) return raw;
  }
  return reasoning?.effort;
}

function encodeResponseFormat(f: IrResponseFormat): Record<string, unknown> {
  if (f.type !== 'json_schema') return { type: f.type };
  const schema: Record<string, unknown> = { name: f.name };
  if (f.description !== undefined) schema.description = f.description;
  schema.schema = f.schema;
  if (f.strict !== undefined) schema.strict = f.strict;
  return { type: 'json_schema', json_schema: schema };
}
