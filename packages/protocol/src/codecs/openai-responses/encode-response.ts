import type { IrAssistantPart, IrResponse, IrStopReason, IrUsage } from '../../ir.js';
import { statusFromStopReason } from './map-status.js';
import type {
  ResponsesOutputItem,
  ResponsesReasoningItem,
  ResponsesResponseBody,
  ResponsesStatus,
  ResponsesUsage,
} from './schema.js';

/**
 * IrResponse → Response object, valid for the official `openai` SDK.
 *
 * - Each IR part becomes one output item, in order: text → `message` (one output_text part;
 *   `refusal` parts instead when the stop reason is 'refusal'), reasoning → `reasoning` (its
 *   text as one summary part, the signature as `encrypted_content`), tool call →
 *   `function_call`. Redacted reasoning and empty parts are skipped.
 * - Ids are derived from the response id so that the same answer always encodes the same:
 *   `resp_<s>`, and `msg_<s>_<n>` / `rs_<s>_<n>` / `fc_<s>_<n>` for the item at output index n.
 * - The request echo fields (tools, tool_choice, temperature …) are not known here, as the
 *   IR answer does not carry the request: they are written with the API's neutral values.
 * - Usage details are always written (0 when unknown); `total_tokens` = input + output.
 */
export function encodeResponse(ir: IrResponse, opts: { model: string }): ResponsesResponseBody {
  const ids = responseIds(ir.id);
  const output = outputItems(ir.content, ids, ir.stopReason === 'refusal');
  return responseBody({
    id: ids.response,
    created: ir.created,
    model: opts.model,
    stopReason: ir.stopReason,
    output,
    usage: ir.usage,
  });
}

export interface ResponseIds {
  response: string;
  item(prefix: 'msg' | 'rs' | 'fc', outputIndex: number): string;
}

/** OpenAI ids are `[A-Za-z0-9_-]`; a foreign id (chatcmpl-…, msg_…) becomes the suffix. */
export function responseIds(irId: string): ResponseIds {
  const bare = irId.startsWith('resp_') ? irId.slice(5) : irId;
  const suffix = bare.replace(/[^A-Za-z0-9_-]/g, '') || 'switchboard';
  return { response: `resp_${suffix}`, item: (prefix, n) => `${prefix}_${suffix}_${n}` };
}

function outputItems(parts: IrAssistantPart[], ids: ResponseIds, refusal: boolean): ResponsesOutputItem[] {
  const out: ResponsesOutputItem[] = [];
  for (const part of parts) {
    const n = out.length;
    if (part.type === 'text') {
      if (part.text === '') continue;
      out.push({
        id: ids.item('msg', n),
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [
          refusal
            ? { type: 'refusal', refusal: part.text }
            : { type: 'output_text', text: part.text, annotations: [] },
        ],
      });
    } else if (part.type === 'reasoning') {
      if (part.text === '' && !part.signature) continue;
      out.push(reasoningItem(ids.item('rs', n), part.text, part.signature));
    } else {
      out.push({
        id: ids.item('fc', n),
        type: 'function_call',
        status: 'completed',
        arguments: part.arguments,
        call_id: part.id,
        name: part.name,
      });
    }
  }
  return out;
}

export function reasoningItem(id: string, text: string, signature: string | undefined): ResponsesReasoningItem {
  const item: ResponsesReasoningItem = {
    id,
    type: 'reasoning',
    summary: text ? [{ type: 'summary_text', text }] : [],
  };
  if (signature) item.encrypted_content = signature;
  return item;
}

function encodeUsage(u: IrUsage): ResponsesUsage {
  const input: ResponsesUsage['input_tokens_details'] = { cached_tokens: u.cachedInput ?? 0 };
  if (u.cacheWrite) input.cache_write_tokens = u.cacheWrite;
  return {
    input_tokens: u.input,
    input_tokens_details: input,
    output_tokens: u.output,
    output_tokens_details: { reasoning_tokens: u.reasoning ?? 0 },
    total_tokens: u.input + u.output,
  };
}

export interface ResponseBodyInput {
  id: string;
  created: number;
  model: string;
  /** undefined = still running (`in_progress`, for response.created / response.in_progress). */
  stopReason: IrStopReason | undefined;
  output: ResponsesOutputItem[];
  usage: IrUsage | undefined;
}

export function responseBody(input: ResponseBodyInput): ResponsesResponseBody {
  let status: ResponsesStatus = 'in_progress';
  let incomplete: ResponsesResponseBody['incomplete_details'] = null;
  let error: ResponsesResponseBody['error'] = null;
  if (input.stopReason) {
    const s = statusFromStopReason(input.stopReason);
    status = s.status;
    incomplete = s.incomplete_details;
    error = s.error;
  }
  return {
    id: input.id,
    object: 'response',
    created_at: input.created,
    status,
    background: false,
    error,
    incomplete_details: incomplete,
    instructions: null,
    max_output_tokens: null,
    model: input.model,
    output: input.output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: null,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: null,
    truncation: 'disabled',
    usage: input.usage ? encodeUsage(input.usage) : null,
    user: null,
    metadata: {},
  };
}
