import { openaiChatCodec } from '@switchboard/protocol';
import { buildChatRequest } from '../openai/chat-adapter.js';
import type { ProviderAdapter } from '../provider-adapter.js';
import { createZhipuTokenCache, type ZhipuTokenCacheOptions } from './token-cache.js';


/**
 * Zhipu GLM (BigModel) v4: OpenAI Chat Completions in body and answers at
 * {base}/chat/completions; only the credential differs. An `id.secret` key is sent as a
 * short-lived HS256 JWT (see jwt.ts), as Chat Nio and One API did; any other key as a
 * plain Bearer token (the v4 API also takes the raw key).
 */
export function createZhipuAdapter(opts: ZhipuTokenCacheOptions = {}): ProviderAdapter {
  const credential = createZhipuTokenCache(opts);
  return {
    codec: openaiChatCodec,
    build: ({ basePath, key, body, upstreamModel, stream, extraHeaders }) => {
      const request = buildChatRequest({ basePath, key, body, upstreamModel, stream, extraHeaders });
      return { ...request, headers: { ...request.headers, authorization: `Bearer ${credential(key)}` } };
    },
  };
}

export const zhipuAdapter: ProviderAdapter = createZhipuAdapter();
