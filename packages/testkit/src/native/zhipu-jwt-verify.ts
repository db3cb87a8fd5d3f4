// Zhipu's JWT as the BigModel server checks it. This DUPLICATES the gateway's signer on
// purpose, written again from Zhipu's "non-SDK authentication" document: a mock sharing
// the code under test would accept whatever that code produced.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type ZhipuJwtCheck =
  | { ok: true; id: string }
  /** Zhipu's own codes: 1002 invalid token, 1003 expired, 1004 verification failed. */
  | { ok: false; code: '1002' | '1003' | '1004'; message: string };

export function verifyZhipuJwt(token: string, secrets: ReadonlyMap<string, string>, nowMs: number): ZhipuJwtCheck {
  const invalid: ZhipuJwtCheck = { ok: false, code: '1002', message: 'Authentication Token非法，请确认Authentication Token正确传递。' };
  const parts = token.split('.');
  if (parts.length !== 3) return invalid;
  const [h, p, sig] = parts as [string, string, string];
  let header: { alg?: unknown; sign_type?: unknown };
  let payload: { api_key?: unknown; exp?: unknown; timestamp?: unknown };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as typeof header;
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    return invalid;
  }
  if (header.alg !== 'HS256' || header.sign_type !== 'SIGN') return invalid;
  if (typeof payload.api_key !== 'string' || typeof payload.exp !== 'number' || typeof payload.timestamp !== 'number') return invalid;
  const secret = secrets.get(payload.api_key);
  if (secret === undefined) return { ok: false, code: '1004', message: '通过Authentication Token的验证失败。' };
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  if (expected.length !== sig.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(sig))) {
    return { ok: false, code: '1004', message: '通过Authentication Token的验证失败。' };
  }
  // Milliseconds, per Zhipu's document: a token stamped in seconds reads as long expired.
  if (payload.exp <= nowMs) return { ok: false, code: '1003', message: 'Authentication Token已过期，请重新生成/获取。' };
  return { ok: true, id: payload.api_key };
}
