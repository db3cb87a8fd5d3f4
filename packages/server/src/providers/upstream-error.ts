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
