// AWS Signature Version 4, written for the mock from AWS's "Create a signed AWS API
// request" documentation. Deliberate duplication: the gateway has its own signer, and a
// mock that verified requests with that same code would only prove the code agrees
// with itself. This one is checked against AWS's published example (sigv4.test.ts).
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';

export interface CanonicalInput {
  method: string;
  /** The path exactly as sent on the wire (already percent-encoded), without the query. */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  /** Header values by lower-cased name; must hold every signed header. */
  headers: Record<string, string>;
  /** Lower-cased names, in the order of the SignedHeaders list. */
  signedHeaders: string[];
  /** Hex SHA-256 of the body. */
  payloadHash: string;
}

export interface Scope {
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay literal. */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Every service but S3 normalizes the path and URI-encodes each segment once more,
 * so a model id sent as `…v2%3A0` is signed as `…v2%253A0`.
 */
export function canonicalUri(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(uriEncode(seg));
  }
  const trailing = out.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${out.join('/')}${trailing}`;
}

/** Parameters decoded, strictly re-encoded, sorted by name then value. */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const [k, v] = eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
      return [uriEncode(decode(k)), uriEncode(decode(v))] as const;
    });
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'));
  } catch {
    return s;
  }
}

export function canonicalRequest(c: CanonicalInput): string {
  // Values are trimmed and inner runs of spaces collapsed, as the spec requires.
  const headerLines = c.signedHeaders.map((h) => `${h}:${(c.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [c.method.toUpperCase(), canonicalUri(c.path), canonicalQuery(c.query), headerLines, c.signedHeaders.join(';'), c.payloadHash].join('\n');
}

function credentialScope(s: Scope): string {
  return `${s.date}/${s.region}/${s.service}/aws4_request`;
}

export function stringToSign(amzDate: string, scope: Scope, canonical: string): string {
  return [ALGORITHM, amzDate, credentialScope(scope), sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, scope: Scope): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, scope.date);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  return hmac(kService, 'aws4_request');
}

export function signature(secretAccessKey: string, scope: Scope, toSign: string): string {
  return createHmac('sha256', signingKey(secretAccessKey, scope)).update(toSign, 'utf8').digest('hex');
}

/** `20240102T030405Z`, the x-amz-date format. */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
