import { geminiCodec } from '@switchboard/protocol/codecs/gemini';
import type { ProviderAdapter } from '../provider-adapter.js';
import { classifyHttpError, type UpstreamFailure } from '../upstream-error.js';

/** Google AI Studio (Gemini API): key in `x-goog-api-key`, model and streaming in the URL. */
export const geminiAdapter: ProviderAdapter = {
  codec: geminiCodec,
  build: ({ basePath, key, body, upstreamModel, stream, extraHeaders }) => {
    // The model lives in the URL; Gemini rejects unknown body fields such as `model`.
    const { model: _model, ...rest } = body;
    return {
      path: `${basePath}/models/${encodeURIComponent(upstreamModel)}:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
      headers: {
        ...extraHeaders,
        'x-goog-api-key': key,
        'content-type': 'application/json',
        accept: stream ? 'text/event-stream' : 'application/json',
      },
      body: JSON.stringify(rest),
    };
  },
  classifyError: classifyGeminiError,
};

/**
 * Google answers a bad key with 400 INVALID_ARGUMENT (reason API_KEY_INVALID), which would
 * otherwise read as the caller's fault and stop failover; it is the channel's key.
 */
function classifyGeminiError(status: number, body: string): UpstreamFailure {
  const failure = classifyHttpError(status, body);
  if (status === 400 && /API_KEY_INVALID|API key not valid|API_KEY_/i.test(body)) {
    return { ...failure, kind: 'auth', retryable: true };
  }
  return failure;
}
