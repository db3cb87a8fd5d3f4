import type { ProviderAdapter } from '../provider-adapter.js';
import { classifyDashscopeError } from './classify-error.js';
import { dashscopeCodec } from './codec.js';
import { isMultimodal, MULTIMODAL_GENERATION_PATH, TEXT_GENERATION_PATH, toMultimodalMessages } from './multimodal.js';
import { splitSearchSuffix } from './search-suffix.js';

/** The channel base URL when the operator leaves it empty; international accounts use dashscope-intl. */

/**
 * Alibaba DashScope native API: POST {base}/api/v1/services/aigc/{text|multimodal}-generation/generation
 * with `Authorization: Bearer <key>`. Streams are asked for with `X-DashScope-SSE: enable`.
 * The base URL is the bare host; a base that already ends in /api/v1 is accepted too.
 * A `-net` model suffix turns on web search (see search-suffix.ts).
 */
export const dashscopeAdapter: ProviderAdapter = {
  codec: dashscopeCodec,
  build: ({ basePath, key, body, upstreamModel, stream, extraHeaders }) => {
    const { model, enableSearch } = splitSearchSuffix(upstreamModel);
    const input = isRecord(body.input) ? body.input : {};
    const messages = Array.isArray(input.messages) ? input.messages : [];
    const multimodal = isMultimodal(model, messages);
    const parameters: Record<string, unknown> = {
      ...(isRecord(body.parameters) ? body.parameters : {}),
      // Both are what the codec reads back; they are forced even on a body built elsewhere.
      result_format: 'message',
      incremental_output: true,
    };
    if (enableSearch) parameters.enable_search = true;
    const wire = {
      ...body,
      model,
      input: multimodal ? { ...input, messages: toMultimodalMessages(messages) } : input,
      parameters,
    };
    const headers: Record<string, string> = {
      ...extraHeaders,
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    };
    if (stream) headers['x-dashscope-sse'] = 'enable';
    return {
      path: basePath.replace(/\/api\/v1\/?$/, '') + (multimodal ? MULTIMODAL_GENERATION_PATH : TEXT_GENERATION_PATH),
      headers,
      body: JSON.stringify(wire),
    };
  },
  classifyError: classifyDashscopeError,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
