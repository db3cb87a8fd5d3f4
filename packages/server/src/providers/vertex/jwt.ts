import { sign } from 'node:crypto';
import type { ServiceAccount } from './service-account.js';

/** Vertex AI (and every Google Cloud API) accepts tokens with this scope. */
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** Google caps a service-account assertion at one hour. */
const ASSERTION_LIFETIME_SEC = 3600;

/**
 * The RS256-signed JWT a service account exchanges for an access token (Google's OAuth 2.0
 * "JWT bearer" grant): `kid` names the key so Google need not try each of the account's.
 */
export function serviceAccountAssertion(account: ServiceAccount, nowSec: number): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: account.privateKeyId };
  const claims = {
    iss: account.clientEmail,
    scope: CLOUD_PLATFORM_SCOPE,
    aud: account.tokenUri,
    iat: nowSec,
    exp: nowSec + ASSERTION_LIFETIME_SEC,
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), account.privateKey);
  return `${unsigned}.${signature.toString('base64url')}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
