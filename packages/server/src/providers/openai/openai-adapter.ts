import { openaiChatCodec, openaiResponsesCodec } from '@switchboard/protocol';
import type { ProviderAdapter } from '../provider-adapter.js';
import { buildChatRequest } from './chat-adapter.js';

/** OpenAI and every OpenAI-compatible vendor: Chat Completions with a Bearer key. */
export const openaiChatAdapter: ProviderAdapter = {
  codec: openaiChatCodec,
  build: ({ basePath, key, body, upstreamModel, stream, extraHeaders }) =>
    buildChatRequest({ basePath, key, body, upstreamModel, stream, extraHeaders }),
};

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
