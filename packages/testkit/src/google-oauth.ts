// A stand-in for https://oauth2.googleapis.com/token, just enough for the
// service-account flow a gateway uses to reach Vertex AI: it takes a JWT-bearer
// grant (RFC 7523), checks the RS256 signature against the configured public key
// and the claims Google checks, and issues an access token the Vertex paths accept.
import { verify } from 'node:crypto';
import type { MockState } from './state.js';
import type { Reply } from './respond.js';
import { randomId } from './ids.js';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google refuses assertions valid for longer than an hour. */
const MAX_LIFETIME_S = 3600;
/** Clock skew tolerated on iat/exp, as token endpoints commonly allow. */
const SKEW_S = 300;

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' };

function oauthError(error: string, description: string, status = 400): Reply {
  return { status, body: { error, error_description: description }, headers: HEADERS };
}

/** Form-encoded as the spec says; a JSON body is accepted too since some clients send one. */
function params(body: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof body === 'string') for (const [k, v] of new URLSearchParams(body)) out.set(k, v);
  else if (body !== null && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out.set(k, v);
  }
  return out;
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function issueToken(state: MockState, body: unknown): Reply {
  const p = params(body);
  const grant = p.get('grant_type');
  if (grant !== JWT_BEARER) return oauthError('unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
  const assertion = p.get('assertion');
  if (!assertion) return oauthError('invalid_request', 'Missing required parameter: assertion');

  const parts = assertion.split('.');
  const header = parts.length === 3 ? decodeJson(parts[0]!) : undefined;
  const claims = parts.length === 3 ? decodeJson(parts[1]!) : undefined;
  if (!header || !claims) return oauthError('invalid_grant', 'Invalid JWT: could not be decoded.');
  const account = state.serviceAccount;
  if (
    !account ||
    header.alg !== 'RS256' ||
    !verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), account.publicKey, Buffer.from(parts[2]!, 'base64url'))
  ) {
    return oauthError('invalid_grant', 'Invalid JWT Signature.');
  }
  if (typeof claims.iss !== 'string' || (account.email !== undefined && claims.iss !== account.email)) {
    return oauthError('invalid_grant', 'Invalid grant: account not found');
  }
  // Client libraries put either Google's URL or the key file's token_uri in `aud`.
  if (claims.aud !== GOOGLE_TOKEN_URL && claims.aud !== state.tokenUrl) {
    return oauthError('invalid_grant', 'Invalid JWT: Failed audience check.');
  }
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat > now + SKEW_S || exp < now - SKEW_S || exp - iat > MAX_LIFETIME_S || exp <= iat) {
    return oauthError(
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(/\s+/) : [];
  if (!scopes.includes(CLOUD_PLATFORM_SCOPE)) return oauthError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');

  const token = randomId('ya29.c.', 96);
  (state.vertexTokens ??= new Set()).add(token);
  return { status: 200, body: { access_token: token, expires_in: MAX_LIFETIME_S, token_type: 'Bearer' }, headers: HEADERS };
}
