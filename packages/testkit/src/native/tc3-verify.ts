// TC3-HMAC-SHA256 as the Tencent Cloud server checks it. This DUPLICATES the gateway's
// signer on purpose, written again from Tencent's "Signature v3" document: a mock that
// imported the code under test would accept whatever that code produced, right or wrong.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface Tc3Parsed {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export function parseTc3Authorization(header: string): Tc3Parsed | undefined {
  const m = AUTHORIZATION.exec(header);
  if (!m) return undefined;
  return { secretId: m[1]!, date: m[2]!, service: m[3]!, signedHeaders: m[4]!.split(';'), signature: m[5]! };
}

/** The signature the server expects for a request, given the secret key of its SecretId. */
export function expectedTc3Signature(input: {
  secretKey: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  payload: string;
  timestamp: string;
  date: string;
  service: string;
}): string {
  const hash = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  const mac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();
  const [uri, query = ''] = input.path.split('?');
  const canonicalHeaders = input.signedHeaders.map((h) => `${h}:${(input.headers[h] ?? '').trim().toLowerCase()}\n`).join('');
  const canonical = [input.method, uri, query, canonicalHeaders, input.signedHeaders.join(';'), hash(input.payload)].join('\n');
  const scope = `${input.date}/${input.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', input.timestamp, scope, hash(canonical)].join('\n');
  const key = mac(mac(mac(`TC3${input.secretKey}`, input.date), input.service), 'tc3_request');
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

export function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
