import type { DroppedFeatures } from '../../dropped.js';
import {
  IrInputError,
  parseDataUrl,
  type IrAssistantMessage,
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
import { reasoningText } from './decode-response.js';
import { parseOrThrow } from './errors.js';
import {
  anyPartSchema,
  anyToolSchema,
  functionCallItemSchema,
  functionCallOutputItemSchema,
  functionToolSchema,
  inputAudioPartSchema,
  inputFilePartSchema,
  inputImagePartSchema,
  inputTextPartSchema,
  messageItemSchema,
  outputTextPartSchema,
  reasoningItemSchema,
  refusalPartSchema,
  requestSchema,
  type ResponsesRequest,
} from './schema.js';
import type { z } from 'zod';

/**
 * Responses request body → IrRequest.
 *
 * - `input` as a string is one user text message. As an array, items convert in order:
 *   messages (`type` optional), `function_call`, `function_call_output` and `reasoning`.
 *   Assistant-side items that follow each other (assistant messages, reasoning,
 *   function calls — one model turn) merge into ONE IR assistant message.
 * - `instructions` becomes the first system part; `system`/`developer` messages join the
 *   system list in order (their position between other messages is not kept).
 * - Items the IR cannot express (`item_reference`, built-in tool calls such as
 *   `web_search_call`, `computer_call` …), messages of unknown roles, content parts of unknown
 *   types and images given by `file_id` are left out and recorded in `ctx.dropped`
 *   (`input.web_search_call`, `role.critic`, `content.input_video`, `content.image_file`), so
 *   the relay can tell the client; built-in tools (`web_search`, `namespace` …) stay in
 *   `extra.tools`, which another protocol's encoder records as dropped.
 * - Fields with no IR meaning (store, previous_response_id, include, metadata, truncation,
 *   prompt_cache_key, built-in tools, unknown fields …) go to `extra` verbatim. Fields the IR
 *   holds only approximately keep their exact original there too (reasoning effort
 *   'none'/'xhigh', summary 'detailed', text.verbosity, `safety_identifier`), so a Responses
 *   upstream receives what the caller sent.
 */

/** Top-level fields the decoder maps to IR; everything else goes to `extra` unchanged. */
const MAPPED = new Set([
  'model',
  'input',
  'instructions',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'max_output_tokens',
  'temperature',
  'top_p',
  'reasoning',
  'text',
  'stream',
  'user',
]);

type Part = z.infer<typeof anyPartSchema>;
type Parts = Part[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodeRequest(body: unknown, ctx?: IrDecodeContext): IrRequest {
  if (!isRecord(body)) throw new IrInputError('the request body must be a JSON object');
  const req = parseOrThrow(requestSchema, body);
  const model = req.model ?? ctx?.model;
  if (!model) throw new IrInputError('model: model is required');

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!MAPPED.has(key) && value !== undefined) extra[key] = value;
  }

  const system: IrTextPart[] = [];
  if (req.instructions) system.push({ type: 'text', text: req.instructions });
  const messages = decodeInput(req, system, ctx?.dropped);

  /** Options between `messages` and `stream`, so the IR reads in IrRequest field order. */
  const opt: Omit<IrRequest, 'model' | 'system' | 'messages' | 'stream'> = {};
  const tools = decodeTools(req.tools ?? [], extra);
  if (tools.length > 0) opt.tools = tools;
  if (req.tool_choice != null) {
    const choice = decodeToolChoice(req.tool_choice);
    if (choice) opt.toolChoice = choice;
    else extra.tool_choice = req.tool_choice;
  }
  if (req.parallel_tool_calls != null) opt.parallelToolCalls = req.parallel_tool_calls;
  if (req.max_output_tokens != null) opt.maxOutputTokens = req.max_output_tokens;
  if (req.temperature != null) opt.temperature = req.temperature;
  if (req.top_p != null) opt.topP = req.top_p;
  const reasoning = decodeReasoning(req.reasoning, extra);
  if (reasoning) opt.reasoning = reasoning;
  if (req.text) {
    const { format, ...rest } = req.text;
    if (format) opt.responseFormat = decodeFormat(format);
    if (Object.keys(rest).length > 0) extra.text = rest;
  }

  const stream = req.stream ?? ctx?.stream ?? false;
  const user = req.user ?? req.safety_identifier;
  return {
    model,
    ...(system.length > 0 ? { system } : {}),
    messages,
    ...opt,
    stream,
    // Responses streams always end with usage, and the stream encoder needs it for response.completed.
    ...(stream ? { streamUsage: true } : {}),
    ...(user ? { user } : {}),
    ...(Object.keys(extra).length > 0 ? { extra: { protocol: 'openai-responses' as const, fields: extra } } : {}),
  };
}

// ───────────────────────────── input items ─────────────────────────────

function decodeInput(req: ResponsesRequest, system: IrTextPart[], dropped: DroppedFeatures | undefined): IrMessage[] {
  const input = req.input;
  if (input == null) {
    // Stateful calls may continue a stored conversation without new input.
    if (req.previous_response_id || isRecord(req.prompt) || req.conversation != null) return [];
    throw new IrInputError('input: input is required');
  }
  if (typeof input === 'string') return [{ role: 'user', content: [{ type: 'text', text: input }] }];

  const messages: IrMessage[] = [];
  /** call_id → function name, so tool results can carry the name (Gemini needs it). */
  const callNames = new Map<string, string>();
  const assistant = (): IrAssistantMessage => {
    const last = messages.at(-1);
    if (last?.role === 'assistant') return last;
    const created: IrAssistantMessage = { role: 'assistant', content: [] };
    messages.push(created);
    return created;
  };

  input.forEach((raw, i) => {
    const path = `input.${i}`;
    const type = raw.type ?? 'message';
    switch (type) {
      case 'message': {
        const item = parseOrThrow(messageItemSchema, raw, path);
        if (item.role === 'system' || item.role === 'developer') {
          system.push(...decodeSystemContent(item.content, `${path}.content`, dropped));
        } else if (item.role === 'user') {
          const content =
            typeof item.content === 'string'
              ? [{ type: 'text' as const, text: item.content }]
              : item.content.flatMap((p, j) => decodeUserPart(p, `${path}.content.${j}`, dropped));
          messages.push({ role: 'user', content });
        } else if (item.role === 'assistant') {
          const target = assistant();
          for (const text of decodeAssistantContent(item.content, `${path}.content`, dropped)) {
            target.content.push({ type: 'text', text });
          }
        } else {
          dropped?.add('role', item.role);
        }
        return;
      }
      case 'function_call': {
        const item = parseOrThrow(functionCallItemSchema, raw, path);
        callNames.set(item.call_id, item.name);
        assistant().content.push({
          type: 'tool-call',
          id: item.call_id,
          name: item.name,
          arguments: item.arguments === '' ? '{}' : item.arguments,
        });
        return;
      }
      case 'function_call_output': {
        const item = parseOrThrow(functionCallOutputItemSchema, raw, path);
        const content =
          typeof item.output === 'string'
            ? [{ type: 'text' as const, text: item.output }]
            : item.output.flatMap((p, j) => decodeToolOutputPart(p, `${path}.output.${j}`, dropped));
        const name = callNames.get(item.call_id);
        messages.push({ role: 'tool', toolCallId: item.call_id, ...(name ? { name } : {}), content });
        return;
      }
      case 'reasoning': {
        const item = parseOrThrow(reasoningItemSchema, raw, path);
        const text = reasoningText(item.summary ?? [], item.content ?? []);
        if (text === '' && !item.encrypted_content) return; // nothing to carry (an id-only reference)
        assistant().content.push({
          type: 'reasoning',
          text,
          ...(item.encrypted_content ? { signature: item.encrypted_content } : {}),
        });
        return;
      }
      default:
        dropped?.add('input', type);
    }
  });
  return messages;
}

function decodeSystemContent(content: string | Parts, path: string, dropped: DroppedFeatures | undefined): IrTextPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.flatMap((p, j): IrTextPart[] => {
    if (p.type !== 'input_text') {
      dropped?.add('content', `system_${p.type}`);
      return [];
    }
    return [{ type: 'text', text: parseOrThrow(inputTextPartSchema, p, `${path}.${j}`).text }];
  });
}

/** Assistant history: output_text (input_text tolerated) and refusal parts, all as text. */
function decodeAssistantContent(content: string | Parts, path: string, dropped: DroppedFeatures | undefined): string[] {
  if (typeof content === 'string') return content === '' ? [] : [content];
  const out: string[] = [];
  content.forEach((p, j) => {
    const at = `${path}.${j}`;
    if (p.type === 'output_text') out.push(parseOrThrow(outputTextPartSchema, p, at).text);
    else if (p.type === 'input_text') out.push(parseOrThrow(inputTextPartSchema, p, at).text);
    else if (p.type === 'refusal') out.push(parseOrThrow(refusalPartSchema, p, at).refusal);
    else dropped?.add('content', p.type);
  });
  return out.filter((t) => t !== '');
}

function decodeUserPart(part: Part, path: string, dropped: DroppedFeatures | undefined): IrUserPart[] {
  switch (part.type) {
    case 'input_text':
      return [{ type: 'text', text: parseOrThrow(inputTextPartSchema, part, path).text }];
    case 'input_image':
      return decodeImage(part, path, dropped);
    case 'input_file': {
      const p = parseOrThrow(inputFilePartSchema, part, path);
      let source: IrFilePart['source'];
      if (p.file_data) {
        const parsed = parseDataUrl(p.file_data);
        source = parsed
          ? { kind: 'base64', mediaType: parsed.mediaType, data: parsed.data }
          : { kind: 'base64', mediaType: mediaTypeForFilename(p.filename), data: p.file_data };
      } else if (p.file_url) source = { kind: 'url', url: p.file_url };
      else if (p.file_id) source = { kind: 'file-id', fileId: p.file_id };
      else throw new IrInputError(`${path}: input_file needs file_data, file_url or file_id`);
      return [{ type: 'file', source, ...(p.filename ? { filename: p.filename } : {}) }];
    }
    case 'input_audio': {
      const p = parseOrThrow(inputAudioPartSchema, part, path);
      return [{ type: 'audio', data: p.input_audio.data, format: p.input_audio.format }];
    }
    default:
      dropped?.add('content', part.type);
      return [];
  }
}

/** The image, or nothing for one given by `file_id` (other providers cannot reach OpenAI's files). */
function decodeImage(part: Part, path: string, dropped: DroppedFeatures | undefined): IrImagePart[] {
  const p = parseOrThrow(inputImagePartSchema, part, path);
  if (!p.image_url) {
    if (!p.file_id) throw new IrInputError(`${path}: input_image needs image_url`);
    dropped?.add('content', 'image_file');
    return [];
  }
  const data = p.image_url.startsWith('data:') ? parseDataUrl(p.image_url) : undefined;
  const image: IrImagePart = {
    type: 'image',
    source: data ? { kind: 'base64', mediaType: data.mediaType, data: data.data } : { kind: 'url', url: p.image_url },
  };
  // 'original' (full resolution, newest models) has no IR value; 'high' is the closest.
  if (p.detail) image.detail = p.detail === 'original' ? 'high' : p.detail;
  return [image];
}

function decodeToolOutputPart(part: Part, path: string, dropped: DroppedFeatures | undefined): Array<IrTextPart | IrImagePart> {
  if (part.type === 'input_text') return [{ type: 'text', text: parseOrThrow(inputTextPartSchema, part, path).text }];
  if (part.type === 'input_image') return decodeImage(part, path, dropped);
  dropped?.add('content', part.type);
  return [];
}

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** `file_data` may be bare base64; its media type then comes from the file name. */
function mediaTypeForFilename(filename: string | null | undefined): string {
  const ext = filename?.split('.').pop()?.toLowerCase();
  return (ext && MEDIA_TYPES[ext]) ?? 'application/octet-stream';
}

// ───────────────────────────── tools, reasoning, format ─────────────────────────────

/** Function tools → IR; built-in tools (web_search, file_search, mcp …) → `extra.tools`. */
function decodeTools(tools: Array<z.infer<typeof anyToolSchema>>, extra: Record<string, unknown>): IrTool[] {
  const out: IrTool[] = [];
  const builtIn: unknown[] = [];
  tools.forEach((t, i) => {
    if (t.type !== 'function') {
      builtIn.push(t);
      return;
    }
    const f = parseOrThrow(functionToolSchema, t, `tools.${i}`);
    const tool: IrTool = {
      name: f.name,
      ...(f.description ? { description: f.description } : {}),
      parameters: f.parameters ?? { type: 'object', properties: {} },
    };
    if (f.strict != null) tool.strict = f.strict;
    out.push(tool);
  });
  if (builtIn.length > 0) extra.tools = builtIn;
  return out;
}

/** undefined = a choice the IR cannot express (a built-in tool, allowed_tools, mcp …). */
function decodeToolChoice(choice: NonNullable<ResponsesRequest['tool_choice']>): IrToolChoice | undefined {
  if (typeof choice === 'string') return { type: choice };
  if (choice.type === 'function' && choice.name) return { type: 'tool', name: choice.name };
  return undefined;
}

const IR_EFFORTS = new Set(['minimal', 'low', 'medium', 'high']);

function decodeReasoning(
  reasoning: ResponsesRequest['reasoning'],
  extra: Record<string, unknown>,
): IrReasoningConfig | undefined {
  if (!reasoning) return undefined;
  const { effort, summary, ...rest } = reasoning;
  const out: IrReasoningConfig = {};
  const exact: Record<string, unknown> = { ...rest };
  if (effort != null) {
    if (IR_EFFORTS.has(effort)) out.effort = effort as NonNullable<IrReasoningConfig['effort']>;
    else {
      if (effort === 'none') out.budgetTokens = 0;
      else if (effort === 'xhigh' || effort === 'max') out.effort = 'high';
      exact.effort = effort;
    }
  }
  if (summary != null) {
    out.includeThoughts = true;
    if (summary !== 'auto') exact.summary = summary;
  }
  for (const [k, v] of Object.entries(exact)) if (v === undefined) delete exact[k];
  if (Object.keys(exact).length > 0) extra.reasoning = exact;
  return Object.keys(out).length > 0 ? out : undefined;
}

function decodeFormat(format: NonNullable<NonNullable<ResponsesRequest['text']>['format']>): IrResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  const out: IrResponseFormat = { type: 'json_schema', name: format.name, schema: format.schema };
  if (format.strict != null) out.strict = format.strict;
  if (format.description) out.description = format.description;
  return out;
}
