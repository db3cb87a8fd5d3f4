// Anthropic Messages wire format, written from Anthropic's API reference: the
// non-stream Message object and the named SSE events of a streamed message
// (message_start, ping, content_block_start/delta/stop, message_delta, message_stop).
// Also serves Claude on Vertex AI, which answers in exactly this format.
import { randomBytes } from 'node:crypto';
import type { Answer, Dialect } from './dialect.js';
import type { Plan } from './plan.js';
import type { UsageCounts } from './usage.js';
import { anthropicPromptTokens } from './usage.js';
import { anthropicError } from './anthropic-errors.js';
import { randomId } from './ids.js';

/** Anthropic's keep-alive is a named event, not an SSE comment. */
const PING_EVENT = event('ping', { type: 'ping' });

function event(type: string, data: object): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** OpenAI finish reasons in scripts become Anthropic stop reasons; others pass as given. */
function stopReason(finishReason: string): string {
  switch (finishReason) {
    case 'stop':
      return 'end_turn';
    case 'tool_calls':
      return 'tool_use';
    case 'length':
      return 'max_tokens';
    case 'content_filter':
      return 'refusal';
  }
  return finishReason;
}

/**
 * Input tokens exclude cache reads and writes in Anthropic's accounting, while the
 * counts (like OpenAI's prompt_tokens) include them.
 */
function usage(c: UsageCounts, outputTokens: number): object {
  return {
    input_tokens: Math.max(0, c.prompt - c.cacheRead - c.cacheWrite),
    cache_creation_input_tokens: c.cacheWrite,
    cache_read_input_tokens: c.cacheRead,
    output_tokens: outputTokens,
  };
}

/** Identity of one response. */
interface Meta {
  id: string;
  toolIds: string[];
  /** Opaque, like the real one; clients must send it back unchanged with the thinking block. */
  signature: string;
}

function newMeta(plan: Plan): Meta {
  return {
    id: randomId('msg_01', 22),
    toolIds: plan.toolCalls ? plan.toolCalls.map((c) => c.id ?? randomId('toolu_01', 22)) : [],
    signature: randomBytes(96).toString('base64'),
  };
}

function messageBody(a: Answer): object {
  const { plan } = a;
  const meta = newMeta(plan);
  const content: object[] = [];
  if (plan.reasoning !== undefined) content.push({ type: 'thinking', thinking: plan.reasoning, signature: meta.signature });
  if (plan.toolCalls) {
    plan.toolCalls.forEach((c, i) => content.push({ type: 'tool_use', id: meta.toolIds[i], name: c.name, input: c.input }));
  } else {
    content.push({ type: 'text', text: plan.content ?? '' });
  }
  const body: Record<string, unknown> = {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: a.model,
    content,
    stop_reason: stopReason(plan.finishReason),
    stop_sequence: null,
  };
  if (a.usage) body.usage = usage(a.usage, a.usage.completion);
  return body;
}

/**
 * message_start (empty content, input usage), one ping, then each content block as
 * start / deltas / stop, then message_delta (stop reason, output usage) and
 * message_stop.
 */
function streamEvents(a: Answer): string[] {
  const { plan } = a;
  const meta = newMeta(plan);
  const events: string[] = [];
  const message: Record<string, unknown> = {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: a.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
  };
  // Like the API, message_start reports a token or so of output; the final count
  // comes in message_delta, so clients must not add the two.
  if (a.usage) message.usage = usage(a.usage, Math.min(1, a.usage.completion));
  events.push(event('message_start', { type: 'message_start', message }));
  events.push(PING_EVENT);

  let index = 0;
  const block = (start: object, deltas: object[]): void => {
    events.push(event('content_block_start', { type: 'content_block_start', index, content_block: start }));
    for (const delta of deltas) events.push(event('content_block_delta', { type: 'content_block_delta', index, delta }));
    events.push(event('content_block_stop', { type: 'content_block_stop', index }));
    index++;
  };

  if (plan.reasoning !== undefined) {
    block({ type: 'thinking', thinking: '', signature: '' }, [
      ...plan.reasoningDeltas.map((thinking) => ({ type: 'thinking_delta', thinking })),
      // The signature arrives whole, just before the thinking block stops.
      { type: 'signature_delta', signature: meta.signature },
    ]);
  }
  if (plan.toolCalls) {
    plan.toolCalls.forEach((c, i) => {
      // The API opens tool input with an empty fragment; clients must accept it.
      const fragments = ['', ...c.fragments];
      block(
        { type: 'tool_use', id: meta.toolIds[i], name: c.name, input: {} },
        fragments.map((partial_json) => ({ type: 'input_json_delta', partial_json })),
      );
    });
  } else {
    block({ type: 'text', text: '' }, plan.contentDeltas.map((text) => ({ type: 'text_delta', text })));
  }

  const delta: Record<string, unknown> = { type: 'message_delta', delta: { stop_reason: stopReason(plan.finishReason), stop_sequence: null } };
  if (a.usage) delta.usage = { output_tokens: a.usage.completion };
  events.push(event('message_delta', delta));
  events.push(event('message_stop', { type: 'message_stop' }));
  return events;
}

export const anthropicDialect: Dialect = {
  promptTokens: anthropicPromptTokens,
  body: messageBody,
  events: streamEvents,
  // A failure after the 200 is a named error event with the usual error object.
  streamError: (_index, status, message) => event('error', anthropicError(status, message)),
  error: (status, message) => {
    const requestId = randomId('req_011', 21);
    const headers: Record<string, string> = { 'request-id': requestId };
    if (status === 429) headers['retry-after'] = '1';
    return { status, body: anthropicError(status, message, requestId), headers };
  },
  jsonHeaders: () => ({ 'content-type': 'application/json', 'request-id': randomId('req_011', 21) }),
  streamHeaders: () => ({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': randomId('req_011', 21) }),
  keepAlive: PING_EVENT,
};
