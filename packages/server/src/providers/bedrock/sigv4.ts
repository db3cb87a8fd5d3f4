import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for header-signed requests, with node:crypto only: the AWS SDK
 * would add megabytes of dependencies for four HMACs. Follows the documented algorithm
 * (canonical request → string to sign → derived key → signature) and is tested against
 * AWS's published test suite.
 */

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** STS session token of temporary credentials; sent and signed as `x-amz-security-token`. */
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  /** The Host header exactly as sent (with `:port` when not the scheme's default). */
  host: string;
  /** Path as sent on the wire (already percent-encoded), optionally with `?query`. */
  path: string;
  /** Headers to sign besides host and the x-amz-* ones this function adds. */
  headers: Readonly<Record<string, string>>;
  body: string | Uint8Array;
  region: string;
  service: string;
  credentials: AwsCredentials;
  date: Date;
  /**
   * Send and sign `x-amz-content-sha256` (default true). Services accept it and some
   * require it; AWS's generic test vectors predate it, so they turn it off.
   */
  contentSha256?: boolean;
}

/** Headers to add to the request: authorization, x-amz-date and, when used, the others. */
export type SignedHeaders = Record<string, string>;

const ALGORITHM = 'AWS4-HMAC-SHA256';

export function signV4(input: SignInput): SignedHeaders {
  const amzDate = toAmzDate(input.date);
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(input.body);
  const added: SignedHeaders = { 'x-amz-date': amzDate };
  if (input.contentSha256 !== false) added['x-amz-content-sha256'] = payloadHash;
  if (input.credentials.sessionToken) added['x-amz-security-token'] = input.credentials.sessionToken;

  const request = canonicalRequest({
    method: input.method,
    path: input.path,
    headers: { ...input.headers, host: input.host, ...added },
    payloadHash,
  });
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const toSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(request.text)}`;
  const key = signingKey(input.credentials.secretAccessKey, day, input.region, input.service);
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return {
    ...added,
    authorization: `${ALGORITHM} Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${request.signedHeaders}, Signature=${signature}`,
  };
}

export interface CanonicalRequest {
  text: string;
  signedHeaders: string;
}

export function canonicalRequest(opts: {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  payloadHash: string;
}): CanonicalRequest {
  const q = opts.path.indexOf('?');
  const rawPath = q === -1 ? opts.path : opts.path.slice(0, q);
  const rawQuery = q === -1 ? '' : opts.path.slice(q + 1);
  const names = new Map<string, string[]>();
  for (const [name, value] of Object.entries(opts.headers)) {
    const lower = name.toLowerCase();
    // Trim and collapse runs of spaces, as the algorithm requires (quoted values included).
    const canon = value.trim().replace(/\s+/g, ' ');
    const list = names.get(lower);
    if (list) list.push(canon);
    else names.set(lower, [canon]);
  }
  const sorted = [...names.keys()].sort();
  const headerLines = sorted.map((n) => `${n}:${(names.get(n) ?? []).join(',')}\n`).join('');
  const signedHeaders = sorted.join(';');
  const text = [opts.method.toUpperCase(), canonicalUri(rawPath), canonicalQuery(rawQuery), headerLines, signedHeaders, opts.payloadHash].join('\n');
  return { text, signedHeaders };
}

/**
 * The canonical URI for every service but S3: the path as sent, with dot segments and
 * empty segments removed, URI-encoded once more. A path that already carries `%3A` (how
 * AWS SDKs send the ':' of model ids) therefore signs as `%253A`, as the service computes.
 */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

/** Query parameters decoded, re-encoded strictly and sorted by name, then value. */
export function canonicalQuery(query: string): string {
  if (!query) return '';
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([uriEncode(safeDecode(name)), uriEncode(safeDecode(value))]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** RFC 3986 encoding: everything but A-Z a-z 0-9 - . _ ~ becomes %XX (upper-case hex). */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(day, 'utf8').digest();
  const kRegion = createHmac('sha256', kDate).update(region, 'utf8').digest();
  const kService = createHmac('sha256', kRegion).update(service, 'utf8').digest();
  return createHmac('sha256', kService).update('aws4_request', 'utf8').digest();
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `YYYYMMDD'T'HHMMSS'Z'` in UTC. */
export function toAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
