import { anthropicCodec } from '@switchboard/protocol/codecs/anthropic';
import type { ProviderAdapter } from '../provider-adapter.js';

/** The API version every current Messages feature (tools, vision, thinking, caching) works on. */
const ANTHROPIC_VERSION = '2023-06-01';

/** Anthropic Messages API: `x-api-key`, `anthropic-version`, POST {base}/messages. */
export const anthropicAdapter: ProviderAdapter = {
  codec: anthropicCodec,
  build: ({ basePath, key, body, upstreamModel, stream, extraHeaders, passHeaders }) => ({
    path: `${basePath}/messages`,
    headers: {
      ...extraHeaders,
      ...passHeaders,
      'x-api-key': key,
      'anthropic-version': extraHeaders['anthropic-version'] ?? ANTHROPIC_VERSION,
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify({ ...body, model: upstreamModel, stream }),
  }),
};
