import { openaiResponsesCodec } from '@switchboard/protocol/codecs/openai-responses';
import type { ProviderAdapter } from '../provider-adapter.js';

/**
 * OpenAI's own Responses API, used when a Responses caller reaches an OpenAI channel:
 * pass-through keeps built-in tools, `previous_response_id` and reasoning items intact.
 */
export const openaiResponsesAdapter: ProviderAdapter = {
  codec: openaiResponsesCodec,
  build: ({ basePath, key, body, upstreamModel, stream, extraHeaders }) => ({
    path: `${basePath}/responses`,
    headers: {
      ...extraHeaders,
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify({ ...body, model: upstreamModel, stream }),
  }),
};
