/** Failure codes the app words itself (the server's `error` text is English); anything else is "failed". */
const worded = [
  'insufficient_balance',
  'balance_limit',
  'quota_limit',
  'model_not_found',
  'model_price_not_set',
  'model_not_allowed',
  'channels_exhausted',
  'upstream_rate_limited',
  'rate_limited',
  'upstream_stream_failed',
  'interrupted',
  'account_banned',
  'sign_in_required',
  'network_error',
] as const;
export type WordedFailure = (typeof worded)[number] | 'failed';

export function failureKind(code: string | null): WordedFailure {
  return (worded as readonly string[]).includes(code ?? '') ? (code as WordedFailure) : 'failed';
}
