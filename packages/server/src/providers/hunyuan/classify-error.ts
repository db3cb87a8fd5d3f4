import { classifyHttpError, type UpstreamFailure } from '../upstream-error.js';
import { decodeError } from './decode-error.js';

const QUOTA_CODES = new Set([
  'ResourceInsufficient.ChargeResourceExhaust',
  'ResourceUnavailable.InArrears',
  'ResourceUnavailable.LowBalance',
  'ResourceUnavailable.StopUsing',
  'ResourceUnavailable.NotExist',
  'FailedOperation.ServiceStopArrears',
  'FailedOperation.ResourcePackExhausted',
  'FailedOperation.FreeResourcePackExhausted',
]);

/**
 * Classifies a Hunyuan failure by its Tencent Cloud error code. Tencent answers nearly all
 * failures with HTTP 200 and `Response.Error`, so the status says little: `AuthFailure.*`
 * is the channel's key, the billing codes its account, `LimitExceeded` / `RequestLimitExceeded*`
 * throttling, `InvalidParameter*` / `MissingParameter` / `OperationDenied.*` (moderation)
 * the caller's request. Anything else falls back to the status.
 */
export function classifyHunyuanError(status: number, body: string): UpstreamFailure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return classifyHttpError(status, body);
  }
  const info = decodeError(parsed);
  const code = info?.code ?? '';
  const message = info?.message ?? (body.slice(0, 300) || `upstream returned HTTP ${status}`);
  const as = (kind: UpstreamFailure['kind'], retryable: boolean): UpstreamFailure => ({ kind, status, message, retryable });
  if (code.startsWith('AuthFailure')) return as('auth', true);
  if (QUOTA_CODES.has(code)) return as('quota', true);
  if (code === 'LimitExceeded' || code.startsWith('RequestLimitExceeded') || code === 'FailedOperation.EngineServerLimitExceeded') {
    return as('rate_limit', true);
  }
  if (code.startsWith('InvalidParameter') || code === 'MissingParameter' || code.startsWith('OperationDenied')) return as('bad_request', false);
  if (status < 400) return as('server', true);
  return { ...classifyHttpError(status, body), message };
}
