// Azure OpenAI: the OpenAI wire format plus Azure's content-filter annotations.
// The annotations are the part clients trip over: a stream starts with a chunk that
// has empty `choices`, empty id/model/object and created 0, carrying only
// prompt_filter_results; non-stream bodies carry the same results at top level.
import type { Dialect } from './dialect.js';
import { NO_HEADERS, openaiDialect } from './openai-wire.js';
import { azureErrorForStatus } from './azure-errors.js';
import { randomUUID } from 'node:crypto';

const SAFE = { filtered: false, severity: 'safe' };

function filterResults(): Record<string, unknown> {
  return { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
}

function promptFilterResults(): object[] {
  return [{ prompt_index: 0, content_filter_results: { ...filterResults(), jailbreak: { filtered: false, detected: false } } }];
}

const PROMPT_FILTER_CHUNK = `data: ${JSON.stringify({
  choices: [],
  created: 0,
  id: '',
  model: '',
  object: '',
  prompt_filter_results: promptFilterResults(),
})}\n\n`;

export const azureDialect: Dialect = {
  ...openaiDialect,
  body: (a) => {
    const body = openaiDialect.body(a) as { choices: Record<string, unknown>[] } & Record<string, unknown>;
    for (const choice of body.choices) choice.content_filter_results = filterResults();
    body.prompt_filter_results = promptFilterResults();
    return body;
  },
  events: (a) => [PROMPT_FILTER_CHUNK, ...openaiDialect.events(a)],
  error: (status, message) => ({
    status,
    body: azureErrorForStatus(status, message),
    // Azure sends both; clients prefer the millisecond one when present.
    headers: status === 429 ? { 'retry-after': '1', 'retry-after-ms': '1000' } : NO_HEADERS,
  }),
  jsonHeaders: () => ({ 'content-type': 'application/json', 'apim-request-id': randomUUID() }),
  streamHeaders: () => ({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'apim-request-id': randomUUID() }),
};
