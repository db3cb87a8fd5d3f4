// iFlytek's WebSocket URL authentication as the server checks it. This DUPLICATES the
// gateway's signer on purpose, written again from the "通用鉴权URL" document: a mock that
// imported the code under test would accept whatever that code produced, right or wrong.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** iFlytek rejects a `date` more than 300 seconds off its clock. */
const MAX_SKEW_SECONDS = 300;

export interface SparkAuthParams {
  apiKey: string;
  algorithm: string;
  headers: string;
  signature: string;
}

/** Decodes the `authorization` query value: base64 of `api_key="…", algorithm="…", headers="…", signature="…"`. */
export function parseSparkAuthorization(value: string): SparkAuthParams | undefined {
  const text = Buffer.from(value, 'base64').toString('utf8');
  const fields = new Map<string, string>();
  for (const m of text.matchAll(/(\w+)="([^"]*)"/g)) fields.set(m[1]!, m[2]!);
  const apiKey = fields.get('api_key');
  const signature = fields.get('signature');
  if (apiKey === undefined || signature === undefined) return undefined;
  return { apiKey, algorithm: fields.get('algorithm') ?? '', headers: fields.get('headers') ?? '', signature };
}

/** base64(HMAC-SHA256(secret, "host: …\ndate: …\nGET {path} HTTP/1.1")). */
export function expectedSparkSignature(apiSecret: string, host: string, date: string, path: string): string {
  const origin = ['host: ' + host, 'date: ' + date, `GET ${path} HTTP/1.1`].join('\n');
  return createHmac('sha256', apiSecret).update(origin, 'utf8').digest('base64');
}

export type SparkAuthVerdict = { ok: true; apiKey: string } | { ok: false; message: string };

/**
 * Checks a handshake URL the way iFlytek's gateway does: the three query values are present,
 * the date is RFC 1123 and within 300 s, `host` is the Host the request went to, the API key is
 * known, and the signature matches. Messages are those of the gateway's HMAC plugin (Kong's
 * hmac-auth wording, which Spark answers with).
 */
export function verifySparkUrl(url: URL, hostHeader: string | undefined, nowMs: number, secrets: ReadonlyMap<string, string>): SparkAuthVerdict {
  const authorization = url.searchParams.get('authorization');
  const date = url.searchParams.get('date');
  const host = url.searchParams.get('host');
  if (authorization === null || date === null || host === null) return { ok: false, message: 'Unauthorized' };
  const at = Date.parse(date);
  if (!/ GMT$/.test(date) || Number.isNaN(at) || Math.abs(nowMs - at) > MAX_SKEW_SECONDS * 1000) {
    return { ok: false, message: 'HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication' };
  }
  const auth = parseSparkAuthorization(authorization);
  if (!auth || auth.algorithm !== 'hmac-sha256' || auth.headers !== 'host date request-line') {
    return { ok: false, message: 'HMAC signature cannot be verified' };
  }
  const secret = secrets.get(auth.apiKey);
  if (secret === undefined || host !== hostHeader) return { ok: false, message: 'HMAC signature cannot be verified' };
  const expected = Buffer.from(expectedSparkSignature(secret, host, date, url.pathname));
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, message: 'HMAC signature does not match' };
  return { ok: true, apiKey: auth.apiKey };
}
