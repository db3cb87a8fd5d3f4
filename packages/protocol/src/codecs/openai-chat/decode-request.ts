import { knownOnly } from './known-only.js';
import {
  IrInputError,
  parseDataUrl,
  type IrAssistantPart,
  type IrCacheControl,
  type IrDecodeContext,
  type IrFilePart,
  type IrImagePart,
  type IrMessage,
  type IrReasoningConfig,
  type IrRequest,
  type IrResponseFormat,
  type IrTextPart,
  type IrTool,
  type IrToolChoice,
  type IrUserPart,
} from '../../ir.js';
import { describeZodError } from '../../zod-issues.js';
import {
  KNOWN_REQUEST_FIELDS,
  requestSchema,
  type WireAssistantMessage,
  type WireImagePart,
  type WireRequest,
  type WireTextPart,
  type WireToolResultPart,
  type WireUserPart,
} from './schema.js';

/**
 * OpenAI Chat request → IR.
 *
 * Left out and recorded in `ctx.dropped` (see known-only.ts): messages of unknown roles,
 * content parts of unknown types, tools other than functions.
 *
 * Approximations (the IR cannot say more):
 * - `system` and `developer` messages all go to `system`, in order, wherever they stand;
 *   one after the first user message is moved to the front (its position is lost), and
 *   the developer/system distinction and their `name` are dropped.
 * - Legacy `functions` / `function_call` / `role: "function"` become tools, tool calls and
 *   tool results; calls get the synthetic id `call_legacy_<message index>`.
 * - `reasoning_effort` outside the IR scale: "none" → `budgetTokens: 0`, "xhigh"/"max" →
 *   "high"; the exact value is kept in `extra` for an OpenAI Chat upstream.
 * - A file part's bare base64 `file_data` (no `data:` prefix) is taken as a PDF, the
 *   only document type Chat Completions accepts.
 * - `stream_options` other than `include_usage` are dropped.
 */
export function decodeRequest(body: unknown, ctx?: IrDecodeContext): IrRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new IrInputError('the request body must be a JSON object');
  }
  let input = body as Record<string, unknown>;
  if (input.model === undefined && ctx?.model !== undefined) input = { ...input, model: ctx.model };
  const parsed = requestSchema.safeParse(knownOnly(input, ctx?.dropped));
  if (!parsed.success) throw new IrInputError(describeZodError(parsed.error, { max: 3 }));
  const r = parsed.data;

  const system: IrTextPart[] = [];
  const messages = decodeMessages(r, system);

  // Fields are set in the IR's declaration order so goldens read naturally.
  const ir = { model: r.model } as IrRequest;
  if (system.length > 0) ir.system = system;
  ir.messages = messages;

  const tools = decodeTools(r);
  if (tools.length > 0) ir.tools = tools;
  const toolChoice = decodeToolChoice(r);
  if (toolChoice) ir.toolChoice = toolChoice;
  if (r.parallel_tool_calls != null) ir.parallelToolCalls = r.parallel_tool_calls;
  const maxTokens = r.max_completion_tokens ?? r.max_tokens;
  if (maxTokens != null) ir.maxOutputTokens = maxTokens;
  if (r.temperature != null) ir.temperature = r.temperature;
  if (r.top_p != null) ir.topP = r.top_p;
  // vLLM and others take -1 for "no top-k", which is the same as leaving it out.
  if (r.top_k != null && r.top_k >= 0) ir.topK = r.top_k;
  if (r.stop != null) {
    const stop = typeof r.stop === 'string' ? [r.stop] : r.stop;
    if (stop.length > 0) ir.stop = stop;
  }
  if (r.seed != null) ir.seed = r.seed;
  if (r.presence_penalty != null) ir.presencePenalty = r.presence_penalty;
  if (r.frequency_penalty != null) ir.frequencyPenalty = r.frequency_penalty;
  if (r.n != null) ir.n = r.n;

  const extra: Record<string, unknown> = {};
  if (r.reasoning_effort != null) {
    const reasoning = decodeEffort(r.reasoning_effort);
    if (reasoning) ir.reasoning = reasoning;
    if (!IR_EFFORTS.has(r.reasoning_effort)) extra.reasoning_effort = r.reasoning_effort;
  }
  if (r.response_format != null) ir.responseFormat = decodeResponseFormat(r.response_format);
  ir.stream = r.stream ?? ctx?.stream ?? false;
  const includeUsage = r.stream_options?.include_usage;
  if (typeof includeUsage === 'boolean') ir.streamUsage = includeUsage;
  if (r.user != null) ir.user = r.user;

  for (const key of Object.keys(input)) {
    if (!KNOWN_REQUEST_FIELDS.has(key)) extra[key] = input[key];
  }
  if (Object.keys(extra).length > 0) ir.extra = { protocol: 'openai-chat', fields: extra };
  return ir;
}

// ───────────────────────────── messages ─────────────────────────────

function decodeMessages(r: WireRequest, system: IrTextPart[]): IrMessage[] {
  const out: IrMessage[] = [];
  /** Legacy `function_call`s waiting for their `role: "function"` result. */
  const pendingLegacy: Array<{ name: string; id: string }> = [];

  r.messages.forEach((m, i) => {
    switch (m.role) {
      case 'system':
      case 'developer':
        for (const p of textParts(m.content)) system.push(p);
        return;
      case 'user': {
        const msg: IrMessage = { role: 'user', content: userParts(m.content, i) };
        if (m.name != null) msg.name = m.name;
        out.push(msg);
        return;
      }
      case 'assistant': {
        const msg: IrMessage = { role: 'assistant', content: assistantParts(m, i, pendingLegacy) };
        if (m.name != null) msg.name = m.name;
        out.push(msg);
        return;
      }
      case 'tool':
        out.push({ role: 'tool', toolCallId: m.tool_call_id, content: toolResultParts(m.content) });
        return;
      case 'function': {
        const at = pendingLegacy.findIndex((c) => c.name === m.name);
        const id = at === -1 ? `call_legacy_${i}` : pendingLegacy.splice(at, 1)[0]!.id;
        out.push({ role: 'tool', toolCallId: id, name: m.name, content: [{ type: 'text', text: m.content ?? '' }] });
        return;
      }
    }
  });
  return out;
}

function textPart(p: WireTextPart): IrTextPart {
  const part: IrTextPart = { type: 'text', text: p.text };
  const cc = cacheControl(p.cache_control);
  if (cc) part.cacheControl = cc;
  return part;
}

function textParts(content: string | WireTextPart[]): IrTextPart[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content.map(textPart);
}

function cacheControl(cc: { type: 'ephemeral'; ttl?: string | undefined } | null | undefined): IrCacheControl | undefined {
  if (!cc) return undefined;
  return cc.ttl !== undefined ? { type: 'ephemeral', ttl: cc.ttl } : { type: 'ephemeral' };
}

function imagePart(p: WireImagePart): IrImagePart {
  const url = p.image_url.url;
  const data = parseDataUrl(url);
  const part: IrImagePart = {
    type: 'image',
    source: data ? { kind: 'base64', mediaType: data.mediaType, data: data.data } : { kind: 'url', url },
  };
  if (p.image_url.detail != null) part.detail = p.image_url.detail;
  const cc = cacheControl(p.cache_control);
  if (cc) part.cacheControl = cc;
  return part;
}

function userParts(content: string | WireUserPart[], messageIndex: number): IrUserPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((p, j): IrUserPart => {
    switch (p.type) {
      case 'text':
        return textPart(p);
      case 'image_url':
        return imagePart(p);
      case 'input_audio':
        return { type: 'audio', data: p.input_audio.data, format: p.input_audio.format };
      case 'file': {
        const f = p.file;
        let source: IrFilePart['source'];
        if (f.file_data != null) {
          const data = parseDataUrl(f.file_data);
          source = data
            ? { kind: 'base64', mediaType: data.mediaType, data: data.data }
            : { kind: 'base64', mediaType: 'application/pdf', data: f.file_data };
        } else if (f.file_id != null) {
          source = { kind: 'file-id', fileId: f.file_id };
        } else {
          throw new IrInputError(`messages.${messageIndex}.content.${j}.file: needs file_data or file_id`);
        }
        const part: IrFilePart = { type: 'file', source };
        if (f.filename != null) part.filename = f.filename;
        const cc = cacheControl(p.cache_control);
        if (cc) part.cacheControl = cc;
        return part;
      }
    }
  });
}

function toolResultParts(content: string | WireToolResultPart[]): Array<IrTextPart | IrImagePart> {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((p) => (p.type === 'text' ? textPart(p) : imagePart(p)));
}

/** Reasoning first, then text, then tool calls: the order the model produced them. */
function assistantParts(
  m: WireAssistantMessage,
  messageIndex: number,
  pendingLegacy: Array<{ name: string; id: string }>,
): IrAssistantPart[] {
  const parts: IrAssistantPart[] = [];
  const reasoning = m.reasoning_content ?? m.reasoning;
  if (reasoning) parts.push({ type: 'reasoning', text: reasoning });
  if (typeof m.content === 'string') {
    if (m.content !== '') parts.push({ type: 'text', text: m.content });
  } else if (m.content) {
    for (const p of m.content) {
      if (p.type === 'text') {
        if (p.text !== '') parts.push(textPart(p));
      } else if (p.refusal !== '') {
        parts.push({ type: 'text', text: p.refusal });
      }
    }
  }
  if (m.refusal) parts.push({ type: 'text', text: m.refusal });
  for (const c of m.tool_calls ?? []) {
    parts.push({ type: 'tool-call', id: c.id, name: c.function.name, arguments: c.function.arguments || '{}' });
  }
  if (m.function_call) {
    const id = `call_legacy_${messageIndex}`;
    pendingLegacy.push({ name: m.function_call.name, id });
    parts.push({ type: 'tool-call', id, name: m.function_call.name, arguments: m.function_call.arguments || '{}' });
  }
  return parts;
}

// ───────────────────────────── tools and options ─────────────────────────────

function decodeTools(r: WireRequest): IrTool[] {
  const defs = [...(r.tools ?? []).map((t) => t.function), ...(r.functions ?? [])];
  return defs.map((f) => {
    const parameters = f.parameters ?? { type: 'object', properties: {} };
    const tool: IrTool =
      f.description != null ? { name: f.name, description: f.description, parameters } : { name: f.name, parameters };
    if (f.strict != null) tool.strict = f.strict;
    return tool;
  });
}

function decodeToolChoice(r: WireRequest): IrToolChoice | undefined {
  const c = r.tool_choice;
  if (c != null) {
    if (typeof c === 'string') return { type: c };
    // `allowed_tools` keeps only its mode: the IR cannot restrict the tool list.
    return c.type === 'function' ? { type: 'tool', name: c.function.name } : { type: c.allowed_tools.mode };
  }
  const legacy = r.function_call;
  if (legacy != null) return typeof legacy === 'string' ? { type: legacy } : { type: 'tool', name: legacy.name };
  return undefined;
}

const IR_EFFORTS: ReadonlySet<string> = new Set(['minimal', 'low', 'medium', 'high']);

function decodeEffort(effort: string): IrReasoningConfig | undefined {
  if (IR_EFFORTS.has(effort)) return { effort: effort as NonNullable<IrReasoningConfig['effort']> };
  if (effort === 'none') return { budgetTokens: 0 };
  if (effort === 'xhigh' || effort === 'max') return { effort: 'high' };
  return undefined;
}

function decodeResponseFormat(f: NonNullable<WireRequest['response_format']>): IrResponseFormat {
  if (f.type !== 'json_schema') return { type: f.type };
  const s = f.json_schema;
  const out: IrResponseFormat = { type: 'json_schema', name: s.name, schema: s.schema ?? {} };
  if (s.strict != null) out.strict = s.strict;
  if (s.description != null) out.description = s.description;
  return out;
}
