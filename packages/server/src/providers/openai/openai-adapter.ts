import { openaiChatCodec } from '@switchboard/protocol';
import type { ProviderAdapter } from '../provider-adapter.js';
import { buildChatRequest } from './chat-adapter.js';

/** OpenAI and every OpenAI-compatible vendor: Chat Completions with a Bearer key. */
export const openaiChatAdapter: ProviderAdapter = {
  codec: openaiChatCodec,
  build: ({ basePath, key, body, upstreamModel, stream, extraHeaders }) =>
    buildChatRequest({ basePath, key, body, upstreamModel, stream, extraHeaders }),
};
