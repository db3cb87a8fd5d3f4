/**
 * Spark's `function_call` has no id, but every IR tool call needs one the caller can answer
 * with. The session id makes it unique; characters other than letters, digits, "_" and "-"
 * (the sid has an "@") are replaced, since Anthropic callers' ids must match ^[A-Za-z0-9_-]+$.
 */
export function toolCallId(sid: string, n: number): string {
  const safe = sid.replace(/[^A-Za-z0-9_-]/g, '_');
  return safe === '' ? `call_${n}` : `call_${safe}_${n}`;
}
