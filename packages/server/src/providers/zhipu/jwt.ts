import { createHmac } from 'node:crypto';

/**
 * Zhipu's (BigModel) API token: a JWT signed HS256 with the secret half of an `id.secret`
 * API key. Non-standard on purpose, as Zhipu documents it: the header is
 * `{"alg":"HS256","sign_type":"SIGN"}` (no `typ`) and the payload
 * `{"api_key": id, "exp": ms, "timestamp": ms}` with times in MILLISECONDS, not the
 * seconds RFC 7519 uses.
 */
export function signZhipuJwt(id: string, secret: string, nowMs: number, ttlMs: number): string {
  const header = base64Url(JSON.stringify({ alg: 'HS256', sign_type: 'SIGN' }));
  const payload = base64Url(JSON.stringify({ api_key: id, exp: nowMs + ttlMs, timestamp: nowMs }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** `id.secret` → its two halves; undefined for keys of any other shape (sent as plain Bearer). */
export function splitZhipuKey(key: string): { id: string; secret: string } | undefined {
  const parts = key.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { id: parts[0], secret: parts[1] };
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
