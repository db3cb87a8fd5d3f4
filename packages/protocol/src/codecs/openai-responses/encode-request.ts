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
  type IrToolChoice,
  type IrUserPart,
} from '../../ir.js';

/**
 * IrRequest → Responses request body.
 *
 * - System parts join (blank line between) into `instructions`; messages become `input`
 *   items. An assistant message becomes, in order: `message` items (output_text parts) for
 *   its text, `reasoning` items for reasoning that carries a signature (sent back as
 *   `encrypted_content`, the stateless way), `function_call` items for its tool calls.
 *   Tool messages become `function_call_output` items; a mid-conversation system message
 *   becomes a `developer` message item in place. Input items carry no `id`: with
 *   `store: false` OpenAI looks ids up and rejects ones it has not stored.
 * - `store` is false unless `extra` says otherwise: a gateway must not make the upstream keep
 *   state that a later request (perhaps routed elsewhere) cannot use. When reasoning is
 *   requested and nothing is stored, `include: ['reasoning.encrypted_content']` is added so
 *   reasoning can be sent back in the next turn.
 * - `extra` is copied back only when it came from this protocol: its scalars are added when the
 *   IR did not set the field, its `tools` (built-in tools) are appended, and its `reasoning` /
 *   `text` objects are merged over the IR-derived ones (they hold the exact original values);
 *   another protocol's are recorded as dropped.
 *
 * Dropped (the Responses API has no such field; stop, seed, penalties, n > 1 and topK are
 * recorded in `ctx.dropped`): stop, seed, presencePenalty, frequencyPenalty, n, topK, streamUsage (usage always arrives), cacheControl, message
 * `name`, tool result `isError` and `name`, reasoning without a signature, redacted reasoning,
 * tool-call signatures. Approximated: budgetTokens → effort (≤ 2048 low, ≤ 8192 medium, else
 * high; 0 → no reasoning field), maxOutputTokens raised to OpenAI's minimum of 16, tools without
 * `strict` are sent `strict: false` (Responses would otherwise make them strict).
 */

/** OpenAI rejects `max_output_tokens` below 16. */
const MIN_OUTPUT_TOKENS = 16;

type Json = Record<string, unknown>;

export function encodeRequest(ir: IrRequest, ctx?: IrEncodeContext): Json {
  const dropped = ctx?.dropped;
  dropForeignExtra(ir, 'openai-responses', dropped);
  if (dropped) {
    if (ir.stop && ir.stop.length > 0) dropped.add('setting', 'stop');
    if (ir.seed !== undefined) dropped.add('setting', 'seed');
    if (ir.presencePenalty !== undefined || ir.frequencyPenalty !== undefined) dropped.add('setting', 'penalties');
    if (ir.n !== undefined && ir.n > 1) dropped.add('setting', 'n');
    if (ir.topK !== undefined) dropped.add('setting', 'top_k');
  }
  const extra = ir.extra?.protocol === 'openai-responses' ? ir.extra.fields : undefined;
  const body: Json = { model: ir.model };

  const instructions = (ir.system ?? []).map((p) => p.text).filter((t) => t !== '');
  if (instructions.length > 0) body.instructions = instructions.join('\n\n');
  body.input = encodeMessages(ir.messages);

  if (ir.tools && ir.tools.length > 0) {
    body.tools = ir.tools.map((t) => ({
      type: 'function',
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      parameters: t.parameters,
      strict: t.strict ?? false,
    }));
  }
  if (ir.toolChoice) body.tool_choice = encodeToolChoice(ir.toolChoice);
  if (ir.parallelToolCalls !== undefined) body.parallel_tool_calls = ir.parallelToolCalls;
  if (ir.maxOutputTokens !== undefined) body.max_output_tokens = Math.max(MIN_OUTPUT_TOKENS, ir.maxOutputTokens);
  if (ir.temperature !== undefined) body.temperature = ir.temperature;
  if (ir.topP !== undefined) body.top_p = ir.topP;
  const reasoning = encodeReasoning(ir.reasoning);
  if (reasoning) body.reasoning = reasoning;
  if (ir.responseFormat) body.text = { format: encodeFormat(ir.responseFormat) };
  if (ir.stream) body.stream = true;
  // A caller that sent `safety_identifier` gets it back through `extra`, not a second copy as `user`.
  if (ir.user && extra?.safety_identifier !== ir.user) body.user = ir.user;

  body.store = typeof extra?.store === 'boolean' ? extra.store : false;
  if (body.store === false && reasoning) {
    const include = Array.isArray(extra?.include) ? extra.include.filter((x) => typeof x === 'string') : [];
    if (!include.includes('reasoning.encrypted_content')) include.push('reasoning.encrypted_content');
    body.include = include;
  }

  if (extra) mergeExtra(body, extra);
  return body;
}

function mergeExtra(body: Json, extra: Json): void {
  for (const [key, value] of Object.entries(extra)) {
    const current = body[key];
    if (key === 'tools' && Array.isArray(value)) {
      body.tools = [...(Array.isArray(current) ? current : []), ...value];
    } else if ((key === 'reasoning' || key === 'text') && isRecord(value)) {
      body[key] = { ...(isRecord(current) ? current : {}), ...value };
    } else if (current === undefined) {
      body[key] = value;
    }
  }
}

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// ───────────────────────────── messages ─────────────────────────────

function encodeMessages(messages: IrMessage[]): Json[] {
  const items: Json[] = [];
  for (const m of messages) {
    if (m.role === 'user') {
      items.push({ type: 'message', role: 'user', content: m.content.map(encodeUserPart) });
    } else if (m.role === 'tool') {
      items.push({ type: 'function_call_output', call_id: m.toolCallId, output: encodeToolOutput(m.content) });
    } else if (m.role === 'system') {
      items.push({ type: 'message', role: 'developer', content: [{ type: 'input_text', text: irText(m.content) }] });
    } else {
      items.push(...encodeAssistant(m));
    }
  }
  return items;
}

function encodeAssistant(m: IrAssistantMessage): Json[] {
  const items: Json[] = [];
  /** The message item text parts are appended to while no other item intervenes. */
  let message: { type: 'message'; role: 'assistant'; content: Json[] } | undefined;
  for (const part of m.content) {
    if (part.type === 'text') {
      if (part.text === '') continue;
      if (!message) {
        message = { type: 'message', role: 'assistant', content: [] };
        items.push(message);
      }
      message.content.push({ type: 'output_text', text: part.text });
    } else if (part.type === 'tool-call') {
      message = undefined;
      items.push({ type: 'function_call', call_id: part.id, name: part.name, arguments: part.arguments || '{}' });
    } else if (part.signature) {
      // Reasoning: only encrypted reasoning can be sent back statelessly. Summary text rides along.
      message = undefined;
      items.push({
        type: 'reasoning',
        summary: part.text ? [{ type: 'summary_text', text: part.text }] : [],
        encrypted_content: part.signature,
      });
    }
  }
  return items;
}

function encodeUserPart(part: IrUserPart): Json {
  switch (part.type) {
    case 'text':
      return { type: 'input_text', text: part.text };
    case 'image':
      return encodeImage(part);
    case 'file': {
      const s = part.source;
      if (s.kind === 'file-id') return { type: 'input_file', file_id: s.fileId, ...(part.filename ? { filename: part.filename } : {}) };
      if (s.kind === 'url') return { type: 'input_file', file_url: s.url, ...(part.filename ? { filename: part.filename } : {}) };
      // OpenAI requires a filename with file_data.
      return {
        type: 'input_file',
        filename: part.filename ?? defaultFilename(s.mediaType),
        file_data: toDataUrl(s.mediaType, s.data),
      };
    }
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format } };
  }
}

function encodeImage(part: IrImagePart): Json {
  const url = part.source.kind === 'url' ? part.source.url : toDataUrl(part.source.mediaType, part.source.data);
  return { type: 'input_image', image_url: url, detail: part.detail ?? 'auto' };
}

/** Text-only results are a string; results with images use the parts form. */
function encodeToolOutput(content: Array<IrTextPart | IrImagePart>): string | Json[] {
  if (content.every((p) => p.type === 'text')) return irText(content);
  return content.map((p) => (p.type === 'text' ? { type: 'input_text', text: p.text } : encodeImage(p)));
}

function defaultFilename(mediaType: string): string {
  const sub = mediaType.split('/')[1]?.split(/[+;]/)[0];
  return sub ? `document.${sub === 'plain' ? 'txt' : sub}` : 'document';
}

// ───────────────────────────── options ─────────────────────────────

function encodeToolChoice(choice: IrToolChoice): unknown {
  return choice.type === 'tool' ? { type: 'function', name: choice.name } : choice.type;
}

function encodeReasoning(r: IrReasoningConfig | undefined): Json | undefined {
  if (!r) return undefined;
  let effort = r.effort;
  if (!effort && r.budgetTokens !== undefined && r.budgetTokens > 0) {
    effort = r.budgetTokens <= 2048 ? 'low' : r.budgetTokens <= 8192 ? 'medium' : 'high';
  }
  const out: Json = {};
  if (effort) out.effort = effort;
  if (r.includeThoughts) out.summary = 'auto';
  return Object.keys(out).length > 0 ? out : undefined;
}

function encodeFormat(f: IrResponseFormat): Json {
  if (f.type !== 'json_schema') return { type: f.type };
  return {
    type: 'json_schema',
    name: f.name,
    schema: f.schema,
    ...(f.strict !== undefined ? { strict: f.strict } : {}),
    ...(f.description ? { description: f.description } : {}),
  };
}
