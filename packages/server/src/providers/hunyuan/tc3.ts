import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256, step by step as Tencent's
 * "Signature v3" document lays it out, so each step can be checked against the
 * document's worked example:
 *   1. canonical request  = method, URI, query, canonical headers, signed headers, sha256(payload)
 *   2. string to sign     = algorithm, timestamp, credential scope, sha256(canonical request)
 *   3. derived key        = HMAC chain "TC3"+SecretKey → date → service → "tc3_request"
 *   4. signature          = hex(HMAC(derived key, string to sign))
 * Only `content-type` and `host` are signed: the minimum Tencent requires, and the two
 * headers no proxy in between rewrites.
 */

const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
const SIGNED_HEADERS = 'content-type;host';

export interface Tc3Request {
  method: 'POST' | 'GET';
  /** "/" for API 3.0 endpoints. */
  uri: string;
  /** "" for POST. */
  query: string;
  contentType: string;
  host: string;
  payload: string;
}

export interface Tc3Credentials {
  secretId: string;
  secretKey: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The UTC date (YYYY-MM-DD) of a Unix timestamp in seconds; Tencent rejects a local-time date. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function canonicalRequest(r: Tc3Request): string {
  // Header values are lower-cased and trimmed; they must equal what is actually sent.
  const headers = `content-type:${r.contentType.trim().toLowerCase()}\nhost:${r.host.trim().toLowerCase()}\n`;
  return [r.method, r.uri, r.query, headers, SIGNED_HEADERS, sha256Hex(r.payload)].join('\n');
}

export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

export function stringToSign(timestamp: number, scope: string, canonical: string): string {
  return [TC3_ALGORITHM, String(timestamp), scope, sha256Hex(canonical)].join('\n');
}

export function derivedKey(secretKey: string, date: string, service: string): Buffer {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  return hmac(secretService, 'tc3_request');
}

/** The `Authorization` header value for one request. */
export function tc3Authorization(creds: Tc3Credentials, service: string, timestamp: number, request: Tc3Request): string {
  const date = tc3Date(timestamp);
  const scope = credentialScope(date, service);
  const toSign = stringToSign(timestamp, scope, canonicalRequest(request));
  const signature = createHmac('sha256', derivedKey(creds.secretKey, date, service)).update(toSign, 'utf8').digest('hex');
  return `${TC3_ALGORITHM} Credential=${creds.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}
