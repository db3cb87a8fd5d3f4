// OpenAI Responses API wire format (POST /v1/responses), written from OpenAI's API
// reference: the non-stream `response` object with its output items (reasoning,
// message, function_call) and the named, sequence-numbered SSE events of a streamed
// response (response.created … response.completed). Errors are OpenAI's.
import { randomBytes } from 'node:crypto';
import type { Answer, Dialect } from './dialect.js';
import type { Reply } from './respond.js';
import type { OpenAIErrorBody } from './openai-errors.js';
import { errorForStatus } from './openai-errors.js';
import { randomId } from './ids.js';
import { responsesPromptTokens, responsesUsage } from './usage.js';
import { KEEP_ALIVE_COMMENT, openaiDialect } from './openai-wire.js';

/** Object ids are a prefix and 48 hex digits, like resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b. */
function hexId(prefix: string): string {
  return prefix + randomBytes(24).toString('hex');
}

/** Identity of one response: its id and the ids of every output item. */
interface Meta {
  id: string;
  createdAt: number;
  reasoningId: string;
  messageId: string;
  /** Per planned tool call: the item id (fc_…) and the call id (call_…, scripted or fresh). */
  calls: { itemId: string; callId: string }[];
  /** Set when the request asked for `include: ["reasoning.encrypted_content"]`. */
  encrypted: string | undefined;
}

function newMeta(a: Answer): Meta {
  const include = a.request.include;
  const wantsEncrypted = Array.isArray(include) && include.includes('reasoning.encrypted_content');
  return {
    id: hexId('resp_'),
    createdAt: Math.floor(Date.now() / 1000),
    reasoningId: hexId('rs_'),
    messageId: hexId('msg_'),
    calls: (a.plan.toolCalls ?? []).map((c) => ({ itemId: hexId('fc_'), callId: c.id ?? randomId('call_', 24) })),
    encrypted: wantsEncrypted && a.plan.reasoning !== undefined ? randomBytes(96).toString('base64') : undefined,
  };
}

/**
 * How the script's finish reason ends the response: a cut answer (length, content
 * filter) is `incomplete` with a reason; everything else, tool calls included, is
 * `completed` (the Responses API has no finish reason of its own).
 */
function outcome(finishReason: string): { status: 'completed' | 'incomplete'; incomplete: { reason: string } | null } {
  if (finishReason === 'length') return { status: 'incomplete', incomplete: { reason: 'max_output_tokens' } };
  if (finishReason === 'content_filter') return { status: 'incomplete', incomplete: { reason: 'content_filter' } };
  return { status: 'completed', incomplete: null };
}

type Item = Record<string, unknown>;

function reasoningItem(meta: Meta, text: string | undefined): Item {
  const item: Item = { id: meta.reasoningId, type: 'reasoning', summary: text === undefined ? [] : [{ type: 'summary_text', text }] };
  if (text !== undefined && meta.encrypted !== undefined) item.encrypted_content = meta.encrypted;
  return item;
}

const outputText = (text: string): Item => ({ type: 'output_text', annotations: [], logprobs: [], text });

function messageItem(meta: Meta, status: string, text: string | undefined): Item {
  return { id: meta.messageId, type: 'message', status, content: text === undefined ? [] : [outputText(text)], role: 'assistant' };
}

function callItem(meta: Meta, a: Answer, i: number, status: string, args: string): Item {
  const call = meta.calls[i]!;
  return { id: call.itemId, type: 'function_call', status, arguments: args, call_id: call.callId, name: a.plan.toolCalls![i]!.name };
}

/** The finished output items; when the answer was cut, the last one is `incomplete`. */
function outputItems(a: Answer, meta: Meta, status: 'completed' | 'incomplete'): Item[] {
  const { plan } = a;
  const out: Item[] = [];
  if (plan.reasoning !== undefined) out.push(reasoningItem(meta, plan.reasoning));
  const calls = plan.toolCalls ?? [];
  const last = (i: number, n: number) => (status === 'incomplete' && i === n - 1 ? 'incomplete' : 'completed');
  if (calls.length > 0) calls.forEach((c, i) => out.push(callItem(meta, a, i, last(i, calls.length), c.arguments)));
  else out.push(messageItem(meta, last(0, 1), plan.content ?? ''));
  return out;
}

/** Request settings the API echoes in the response object, with its defaults. */
function echo(request: Record<string, unknown>, key: string, fallback: unknown): unknown {
  const v = request[key];
  return v === undefined ? fallback : v;
}

/**
 * The `response` object. `usage`: an object, null (still in progress), or undefined
 * (the script says usage: false, the field is left out).
 */
function responseObject(
  a: Answer,
  meta: Meta,
  state: { status: string; incomplete: { reason: string } | null; output: Item[]; usage: object | null | undefined },
): Record<string, unknown> {
  const r = a.request;
  const body: Record<string, unknown> = {
    id: meta.id,
    object: 'response',
    created_at: meta.createdAt,
    status: state.status,
    background: false,
    error: null,
    incomplete_details: state.incomplete,
    instructions: echo(r, 'instructions', null),
    max_output_tokens: echo(r, 'max_output_tokens', null),
    model: a.model,
    output: state.output,
    parallel_tool_calls: echo(r, 'parallel_tool_calls', true),
    previous_response_id: echo(r, 'previous_response_id', null),
    reasoning: echo(r, 'reasoning', { effort: null, summary: null }),
    store: echo(r, 'store', true),
    temperature: echo(r, 'temperature', 1),
    text: echo(r, 'text', { format: { type: 'text' } }),
    tool_choice: echo(r, 'tool_choice', 'auto'),
    tools: echo(r, 'tools', []),
    top_p: echo(r, 'top_p', 1),
    truncation: echo(r, 'truncation', 'disabled'),
  };
  if (state.usage !== undefined) body.usage = state.usage;
  body.user = echo(r, 'user', null);
  body.metadata = echo(r, 'metadata', {});
  return body;
}

function responseBody(a: Answer): object {
  const meta = newMeta(a);
  const { status, incomplete } = outcome(a.plan.finishReason);
  return responseObject(a, meta, { status, incomplete, output: outputItems(a, meta, status), usage: a.usage && responsesUsage(a.usage) });
}

function sse(type: string, data: object): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * response.created and response.in_progress (no output yet, usage null), then each
 * output item from output_item.added to output_item.done with its own deltas, then
 * response.completed (or response.incomplete) carrying the whole response and usage.
 * Every event has `type` and a `sequence_number` counting from 0.
 */
function streamEvents(a: Answer): string[] {
  const { plan } = a;
  const meta = newMeta(a);
  const { status, incomplete } = outcome(plan.finishReason);
  const events: string[] = [];
  let seq = 0;
  const emit = (type: string, fields: object): void => void events.push(sse(type, { type, sequence_number: seq++, ...fields }));

  const pending = responseObject(a, meta, { status: 'in_progress', incomplete: null, output: [], usage: a.usage ? null : undefined });
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });

  const done = outputItems(a, meta, status);
  let output_index = 0;
  const item = (added: Item, body: (item_id: string) => void): void => {
    const item_id = added.id as string;
    emit('response.output_item.added', { output_index, item: added });
    body(item_id);
    emit('response.output_item.done', { output_index, item: done[output_index] });
    output_index++;
  };

  if (plan.reasoning !== undefined) {
    const text = plan.reasoning;
    item(reasoningItem(meta, undefined), (item_id) => {
      const at = { item_id, output_index, summary_index: 0 };
      emit('response.reasoning_summary_part.added', { ...at, part: { type: 'summary_text', text: '' } });
      for (const delta of plan.reasoningDeltas) emit('response.reasoning_summary_text.delta', { ...at, delta });
      emit('response.reasoning_summary_text.done', { ...at, text });
      emit('response.reasoning_summary_part.done', { ...at, part: { type: 'summary_text', text } });
    });
  }
  if (plan.toolCalls) {
    plan.toolCalls.forEach((call, i) => {
      item(callItem(meta, a, i, 'in_progress', ''), (item_id) => {
        for (const delta of call.fragments) emit('response.function_call_arguments.delta', { item_id, output_index, delta });
        emit('response.function_call_arguments.done', { item_id, name: call.name, output_index, arguments: call.arguments });
      });
    });
  } else {
    const text = plan.content ?? '';
    item(messageItem(meta, 'in_progress', undefined), (item_id) => {
      const at = { item_id, output_index, content_index: 0 };
      emit('response.content_part.added', { ...at, part: outputText('') });
      for (const delta of plan.contentDeltas) emit('response.output_text.delta', { ...at, delta, logprobs: [] });
      emit('response.output_text.done', { ...at, text, logprobs: [] });
      emit('response.content_part.done', { ...at, part: outputText(text) });
    });
  }

  const final = responseObject(a, meta, { status, incomplete, output: done, usage: a.usage && responsesUsage(a.usage) });
  emit(status === 'completed' ? 'response.completed' : 'response.incomplete', { response: final });
  return events;
}

/**
 * A failure after the 200: an `error` event, then the stream ends without a terminal
 * response event. The reference documents `code`, `message` and `param` at the top
 * level; the live API nests the usual error object under `error` (which is what makes
 * the official SDK throw). Both are sent so either kind of client sees the failure.
 */
function streamError(index: number, status: number, message: string | undefined): string {
  const { error } = errorForStatus(status, message);
  return sse('error', { type: 'error', sequence_number: index, code: error.code, message: error.message, param: null, error });
}

function invalidRequest(message: string, param: string, code: string): Reply {
  const body: OpenAIErrorBody = { error: { message, type: 'invalid_request_error', param, code } };
  return { status: 400, body };
}

/**
 * Body checks the Responses API makes before answering: a model is required, and the
 * Chat Completions names of moved parameters are refused, so a gateway that forwards a
 * chat body here fails as it would upstream.
 */
export function checkResponsesBody(body: Record<string, unknown>): Reply | undefined {
  if (typeof body.model !== 'string') return invalidRequest("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  const moved: Record<string, string> = { messages: 'input', max_tokens: 'max_output_tokens' };
  for (const [name, replacement] of Object.entries(moved)) {
    if (name in body) {
      return invalidRequest(
        `Unsupported parameter: '${name}'. In the Responses API, this parameter has moved to '${replacement}'. Try again with the new parameter.`,
        name,
        'unsupported_parameter',
      );
    }
  }
  return undefined;
}

export const responsesDialect: Dialect = {
  promptTokens: responsesPromptTokens,
  body: responseBody,
  events: streamEvents,
  streamError,
  // Status errors, headers and keep-alive comments are the Chat Completions ones.
  error: openaiDialect.error,
  jsonHeaders: openaiDialect.jsonHeaders,
  streamHeaders: openaiDialect.streamHeaders,
  keepAlive: KEEP_ALIVE_COMMENT,
};
