/**
 * How a failed upstream call should be treated. Adapters classify; the relay core acts:
 * retryable failures move to the next attempt, the rest are returned to the caller.
 */
type UpstreamFailureKind =
  | 'auth' // the channel's key is wrong or revoked
  | 'quota' // the channel's account is out of credit
  | 'rate_limit'
  | 'server' // 5xx, malformed answers
  | 'network' // connection refused / reset, timeouts
  | 'bad_request' // the request itself is wrong: retrying elsewhere will not help
  | 'not_found';

export interface UpstreamFailure {
  kind: UpstreamFailureKind;
  status: number; // the upstream's HTTP status, 0 for network failures
  message: string; // the upstream's own message, NOT yet hidden
  retryable: boolean;
}

/** The message of an upstream error body in the shapes vendors use (`{error:{message}}`, `{error:"…"}`, `{message}`). */
export function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const err = (body as { error?: unknown; message?: unknown }).error ?? body;
  if (typeof err === 'string') return err;
  if (typeof err === 'object' && err !== null) {
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

const QUOTA_HINTS = /insufficient_quota|quota|credit|balance|billing|余额|欠费/i;

/** Classifies an upstream HTTP error response. */
export function classifyHttpError(status: number, rawBody: string): UpstreamFailure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    parsed = undefined;
  }
  const message = errorMessageOf(parsed) ?? (rawBody.trim().slice(0, 300) || `upstream returned HTTP ${status}`);
  const code = JSON.stringify((parsed as { error?: { code?: unknown; type?: unknown } } | undefined)?.error ?? '');
  if (status === 401 || status === 403) return { kind: 'auth', status, message, retryable: true };
  if (status === 402 || (status === 429 && QUOTA_HINTS.test(code + message))) {
    return { kind: 'quota', status, message, retryable: true };
  }
  if (status === 429) return { kind: 'rate_limit', status, message, retryable: true };
  if (status === 404) return { kind: 'not_found', status, message, retryable: true };
  if (status === 408 || status >= 500) return { kind: 'server', status, message, retryable: true };
  // 400, 413, 422 …: the caller's request is at fault; another channel would say the same.
  return { kind: 'bad_request', status, message, retryable: false };
}
