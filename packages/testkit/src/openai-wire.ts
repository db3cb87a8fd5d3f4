// The OpenAI Chat Completions dialect: wire objects from openai-chunks.ts, error
// bodies from openai-errors.ts, `: keep-alive` comments as OpenRouter sends them.
import type { Answer, Dialect } from './dialect.js';
import { completionBody, newMeta, streamEvents } from './openai-chunks.js';
import { errorForStatus } from './openai-errors.js';
import { randomId } from './ids.js';
import { openaiUsage, promptTokens } from './usage.js';

export const KEEP_ALIVE_COMMENT = ': keep-alive\n\n';
export const NO_HEADERS: Record<string, string> = {};

/** Usage goes into a stream only when the client asked (stream_options.include_usage). */
function streamUsage(a: Answer) {
  const options = a.request.stream_options as { include_usage?: unknown } | null | undefined;
  return options?.include_usage === true && a.usage ? openaiUsage(a.usage) : undefined;
}

export const openaiDialect: Dialect = {
  promptTokens,
  body: (a) => completionBody(newMeta(a.plan, a.model), a.plan, a.usage && openaiUsage(a.usage)),
  events: (a) => streamEvents(newMeta(a.plan, a.model), a.plan, streamUsage(a)),
  // OpenAI reports a failure after the 200 as a data event carrying the usual error
  // object, then closes the stream without [DONE].
  streamError: (_index, status, message) => `data: ${JSON.stringify(errorForStatus(status, message))}\n\n`,
  error: (status, message) => ({
    status,
    body: errorForStatus(status, message),
    // Real OpenAI 429s carry retry-after; gateways use it to schedule the retry.
    headers: status === 429 ? { 'retry-after': '1' } : NO_HEADERS,
  }),
  jsonHeaders: () => ({ 'content-type': 'application/json', 'x-request-id': randomId('req_', 24) }),
  // OpenAI sends the charset parameter too; parsers must not compare the header exactly.
  streamHeaders: () => ({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': randomId('req_', 24) }),
  keepAlive: KEEP_ALIVE_COMMENT,
};
