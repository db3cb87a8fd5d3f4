import { classifyHttpError, type UpstreamFailure } from '../upstream-error.js';

/**
 * DashScope error codes that the HTTP status alone misreads. An account in arrears is
 * answered with 400 `Arrearage`, which would otherwise look like the caller's fault and
 * stop failover; it is the channel's account. A bad key (`InvalidApiKey`) is 401 already,
 * throttling (`Throttling…`) 429.
 */
export function classifyDashscopeError(status: number, body: string): UpstreamFailure {
  const failure = classifyHttpError(status, body);
  const code = /"code"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? '';
  if (code === 'Arrearage') return { ...failure, kind: 'quota', retryable: true };
  if (code === 'InvalidApiKey') return { ...failure, kind: 'auth', retryable: true };
  if (code.startsWith('Throttling')) return { ...failure, kind: 'rate_limit', retryable: true };
  return failure;
}
