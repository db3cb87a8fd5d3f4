// Checks the SigV4 Authorization header of one request the way the AWS front door
// does: known key, credential scope (date, region, service), required signed
// headers, clock skew, then the signature recomputed from the request as received.
import { timingSafeEqual } from 'node:crypto';
import { amzDate, canonicalRequest, sha256Hex, signature, stringToSign, type Scope } from './sigv4.js';
import { SIGNATURE_MISMATCH, authError, type BedrockError } from './errors.js';

export interface VerifyConfig {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  sessionToken?: string;
  maxClockSkewMs: number;
}

export interface ReceivedRequest {
  method: string;
  /** The request target as received (path and query, not decoded). */
  target: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: Buffer;
}

const SERVICE = 'bedrock';
const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/;

/** undefined when the request is properly signed, else the error AWS would answer. */
export function verifySigV4(cfg: VerifyConfig, req: ReceivedRequest): BedrockError | undefined {
  const auth = req.headers['authorization'];
  if (auth === undefined) return authError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const m = AUTH_RE.exec(auth);
  if (!m) {
    return authError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${auth.split(' ')[0] ?? ''}`,
    );
  }
  const credential = m[1]!;
  const signedList = m[2]!;
  const given = m[3]!;
  const [keyId, date, region, service, terminator] = credential.split('/');
  if (keyId !== cfg.accessKeyId) return authError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  const token = req.headers['x-amz-security-token'];
  if (token !== cfg.sessionToken) return authError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (service !== SERVICE || terminator !== 'aws4_request') {
    return authError('InvalidSignatureException', `Credential should be scoped to correct service: '${SERVICE}'.`);
  }
  if (region !== cfg.region) {
    return authError('InvalidSignatureException', `Credential should be scoped to a valid region, not '${region ?? ''}'.`);
  }
  const stamp = req.headers['x-amz-date'];
  if (stamp === undefined) {
    return authError('IncompleteSignatureException', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (date === undefined || !stamp.startsWith(date)) {
    return authError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date ?? ''}' != '${stamp.slice(0, 8)}'`);
  }
  const skew = checkSkew(stamp, cfg.maxClockSkewMs);
  if (skew) return authError('InvalidSignatureException', skew);
  const signedHeaders = signedList.split(';');
  if (!signedHeaders.includes('host')) {
    return authError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  // A token sent but left unsigned could be swapped by anyone on the path.
  if (token !== undefined && !signedHeaders.includes('x-amz-security-token')) {
    return authError('InvalidSignatureException', "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const q = req.target.indexOf('?');
  const canonical = canonicalRequest({
    method: req.method,
    path: q < 0 ? req.target : req.target.slice(0, q),
    query: q < 0 ? '' : req.target.slice(q + 1),
    headers: req.headers,
    signedHeaders,
    payloadHash: sha256Hex(req.body),
  });
  const scope: Scope = { date, region, service: SERVICE };
  const toSign = stringToSign(stamp, scope, canonical);
  const expected = Buffer.from(signature(cfg.secretAccessKey, scope, toSign), 'hex');
  const got = Buffer.from(given, 'hex');
  if (got.length === expected.length && timingSafeEqual(got, expected)) return undefined;
  // Some AWS services append what they signed; it makes a failing test self-explaining.
  return authError(
    'InvalidSignatureException',
    `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${toSign}'\n`,
  );
}

function checkSkew(stamp: string, maxSkewMs: number): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (!m) return `Invalid X-Amz-Date: '${stamp}'`;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const now = Date.now();
  if (at < now - maxSkewMs) return `Signature expired: ${stamp} is now earlier than ${amzDate(new Date(now - maxSkewMs))} (${amzDate(new Date(now))} - ${Math.round(maxSkewMs / 60000)} min.)`;
  if (at > now + maxSkewMs) return `Signature not yet current: ${stamp} is still later than ${amzDate(new Date(now + maxSkewMs))} (${amzDate(new Date(now))} + ${Math.round(maxSkewMs / 60000)} min.)`;
  return undefined;
}
