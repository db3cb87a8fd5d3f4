import { openaiChatCodec } from '@switchboard/protocol';
import type { ProviderAdapter } from '../provider-adapter.js';
import { buildChatRequest } from '../openai/chat-adapter.js';

/** The GA api-version used when the channel's base URL does not name one. */
const AZURE_DEFAULT_API_VERSION = '2024-10-21';

/**
 * Azure OpenAI: POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…
 * with an `api-key` header. The key is `key` (endpoint from the base URL) or
 * `key|https://resource.openai.azure.com`. The deployment is the upstream model name with
 * dots removed (Azure deployment names cannot contain them: gpt-3.5-turbo → gpt-35-turbo),
 * so a mapping `gpt-4o>my-deployment` picks any other name. `?api-version=` on the base URL
 * overrides the default version.
 */
export const azureAdapter: ProviderAdapter = {
  codec: openaiChatCodec,
  build: ({ baseUrl, key, body, upstreamModel, stream, extraHeaders }) => {
    const [apiKey = '', endpoint] = key.split('|').map((p) => p.trim());
    const apiVersion = new URL(baseUrl || 'http://azure.invalid').searchParams.get('api-version') ?? AZURE_DEFAULT_API_VERSION;
    const base = new URL(endpoint || baseUrl);
    const deployment = encodeURIComponent(upstreamModel.replace(/\./g, ''));
    const request = buildChatRequest({
      basePath: `${base.pathname.replace(/\/+$/, '')}/openai/deployments/${deployment}`,
      key: apiKey,
      body,
      upstreamModel,
      stream,
      extraHeaders,
    });
    const { authorization: _bearer, ...headers } = request.headers;
    return {
      origin: base.origin,
      path: `${request.path}?api-version=${encodeURIComponent(apiVersion)}`,
      headers: { ...headers, 'api-key': apiKey },
      body: request.body,
    };
  },
};
