import { classifyHttpError, type UpstreamFailure } from '../upstream-error.js';

/**
 * Bedrock answers errors as `{"message": "…"}` and names the error in the
 * `x-amzn-errortype` header, which classification does not see; some front ends also put
 * `__type` in the body. Status carries most of the meaning; the message settles the cases
 * where the status alone would blame the caller for what is the channel's configuration.
 */
export function classifyBedrockError(status: number, body: string): UpstreamFailure {
  const { type, message } = readAwsError(body);
  const text = `${type} ${message}`;
  const failure = { ...classifyHttpError(status, body), message: message || `upstream returned HTTP ${status}` };
  // AWS throttling is a rate, never an empty balance (AWS bills afterwards).
  if (status === 429 || /Throttling|ServiceQuotaExceeded|Too many (requests|tokens)/i.test(text)) {
    return { ...failure, kind: 'rate_limit', retryable: true };
  }
  // Bad or expired credentials reach some endpoints as 400; they are the channel's fault.
  if (/UnrecognizedClient|InvalidSignature|SignatureDoesNotMatch|ExpiredToken|security token|AccessDenied|IncompleteSignature/i.test(text)) {
    return { ...failure, kind: 'auth', retryable: true };
  }
  // A model id this account or region cannot invoke: another channel may well serve it.
  if (status === 400 && /model identifier is invalid|on-demand throughput isn.t supported|inference profile|ResourceNotFound/i.test(text)) {
    return { ...failure, kind: 'not_found', retryable: true };
  }
  // ModelTimeoutException (408) and ModelErrorException (424) are the model's trouble, not the request's.
  if (status === 408 || status === 424 || /ModelTimeout|ModelError|ModelNotReady|ServiceUnavailable|InternalServer/i.test(type)) {
    return { ...failure, kind: 'server', retryable: true };
  }
  return failure;
}

/** `{message}` / `{Message}` / `{__type}` of an AWS JSON error body; empty strings when absent. */
function readAwsError(body: string): { type: string; message: string } {
  try {
    const json = JSON.parse(body) as { message?: unknown; Message?: unknown; __type?: unknown } | null;
    const message = json?.message ?? json?.Message;
    // `__type` may be namespaced: "com.amazon.coral.service#UnrecognizedClientException".
    const type = typeof json?.__type === 'string' ? (json.__type.split('#').pop() ?? '') : '';
    return { type, message: typeof message === 'string' ? message : '' };
  } catch {
    return { type: '', message: body.trim().slice(0, 300) };
  }
}
