import { generateKeyPairSync, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenCache, AccessTokenError, fetchTokenExchange, JWT_BEARER_GRANT, type ExchangedToken } from './access-token.js';
import { CLOUD_PLATFORM_SCOPE, serviceAccountAssertion } from './jwt.js';
import { parseServiceAccount, type ServiceAccount } from './service-account.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function account(email = 'relay@p.iam.gserviceaccount.com', tokenUri = 'https://oauth2.googleapis.com/token'): ServiceAccount {
  return parseServiceAccount(
    JSON.stringify({ type: 'service_account', project_id: 'my-project', private_key_id: 'kid-42', private_key: privatePem, client_email: email, token_uri: tokenUri }),
  );
}

const decodePart = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('serviceAccountAssertion', () => {
  it('is an RS256 JWT with the documented claims, verifiable with the public key', () => {
    const jwt = serviceAccountAssertion(account(), 1_700_000_000);
    const [header, claims, signature] = jwt.split('.');
    expect(decodePart(header!)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'kid-42' });
    expect(decodePart(claims!)).toEqual({
      iss: 'relay@p.iam.gserviceaccount.com',
      scope: CLOUD_PLATFORM_SCOPE,
      aud: 'https://oauth2.googleapis.com/token',
      iat: 1_700_000_000,
      exp: 1_700_003_600,
    });
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${claims}x`), publicKey, Buffer.from(signature!, 'base64url'))).toBe(false);
  });
});

describe('AccessTokenCache', () => {
  function fakeExchange(answer: (n: number) => Promise<ExchangedToken>) {
    const calls: Array<{ tokenUri: string; assertion: string }> = [];
    const exchange = (tokenUri: string, assertion: string) => {
      calls.push({ tokenUri, assertion });
      return answer(calls.length);
    };
    return { calls, exchange };
  }

  it('reuses a token until five minutes before it expires', async () => {
    let now = 1_000_000_000_000;
    const { calls, exchange } = fakeExchange(async (n) => ({ accessToken: `tok-${n}`, expiresInSec: 3600 }));
    const cache = new AccessTokenCache({ exchange, now: () => now });
    const acct = account();
    expect(await cache.get(acct)).toBe('tok-1');
    expect(calls[0]!.tokenUri).toBe('https://oauth2.googleapis.com/token');
    expect(decodePart(calls[0]!.assertion.split('.')[1]!).iat).toBe(now / 1000);
    now += 54 * 60_000;
    expect(await cache.get(acct)).toBe('tok-1');
    now += 60_000 + 1; // past expiry minus five minutes
    expect(await cache.get(acct)).toBe('tok-2');
    expect(calls).toHaveLength(2);
  });

  it('keeps one token per service account', async () => {
    const { calls, exchange } = fakeExchange(async (n) => ({ accessToken: `tok-${n}`, expiresInSec: 3600 }));
    const cache = new AccessTokenCache({ exchange });
    expect(await cache.get(account('a@p.iam.gserviceaccount.com'))).toBe('tok-1');
    expect(await cache.get(account('b@p.iam.gserviceaccount.com'))).toBe('tok-2');
    expect(await cache.get(account('a@p.iam.gserviceaccount.com'))).toBe('tok-1');
    expect(calls).toHaveLength(2);
  });

  it('shares one in-flight exchange among concurrent callers', async () => {
    let release: (t: ExchangedToken) => void = () => {};
    const { calls, exchange } = fakeExchange(() => new Promise<ExchangedToken>((resolve) => (release = resolve)));
    const cache = new AccessTokenCache({ exchange });
    const acct = account();
    const waiting = Array.from({ length: 10 }, () => cache.get(acct));
    expect(calls).toHaveLength(1);
    release({ accessToken: 'shared', expiresInSec: 3600 });
    expect(await Promise.all(waiting)).toEqual(Array(10).fill('shared'));
    expect(await cache.get(acct)).toBe('shared');
    expect(calls).toHaveLength(1);
  });

  it('does not cache failures, and shares a failure only with callers that waited for it', async () => {
    const { calls, exchange } = fakeExchange(async (n) => {
      if (n === 1) throw new AccessTokenError('Google token exchange failed: HTTP 400 invalid_grant', 400);
      return { accessToken: 'second', expiresInSec: 3600 };
    });
    const cache = new AccessTokenCache({ exchange });
    const acct = account();
    const [a, b] = await Promise.allSettled([cache.get(acct), cache.get(acct)]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    expect(calls).toHaveLength(1);
    expect(await cache.get(acct)).toBe('second');
    expect(calls).toHaveLength(2);
  });

  it('strikes the assertion out of a foreign exchange error', async () => {
    const cache = new AccessTokenCache({
      exchange: async (_uri, assertion) => {
        throw new Error(`proxy said: bad body grant_type=x&assertion=${assertion}`);
      },
    });
    const err = (await cache.get(account()).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(AccessTokenError);
    expect(err.message).toContain('[assertion]');
    expect(err.message).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
  });
});

describe('fetchTokenExchange', () => {
  let server: Server;
  let base = '';
  const seen: Array<{ contentType: string | undefined; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ contentType: req.headers['content-type'], body });
        res.setHeader('content-type', 'application/json');
        if (req.url === '/ok') {
          res.end(JSON.stringify({ access_token: 'ya29.token', expires_in: 3599, token_type: 'Bearer' }));
        } else {
          const assertion = new URLSearchParams(body).get('assertion');
          res.statusCode = 400;
          // An error that (unlike Google's) quotes the assertion back.
          res.end(JSON.stringify({ error: 'invalid_grant', error_description: `Invalid JWT Signature: ${assertion}` }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('posts the JWT bearer grant as a form and reads the token', async () => {
    const assertion = serviceAccountAssertion(account(), 1_700_000_000);
    expect(await fetchTokenExchange(`${base}/ok`, assertion)).toEqual({ accessToken: 'ya29.token', expiresInSec: 3599 });
    const last = seen.at(-1)!;
    expect(last.contentType).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(last.body);
    expect(form.get('grant_type')).toBe(JWT_BEARER_GRANT);
    expect(form.get('assertion')).toBe(assertion);
  });

  it('reports Google errors without the assertion or the key', async () => {
    const assertion = serviceAccountAssertion(account(), 1_700_000_000);
    const err = (await fetchTokenExchange(`${base}/fail`, assertion).catch((e: unknown) => e)) as AccessTokenError;
    expect(err).toBeInstanceOf(AccessTokenError);
    expect(err.status).toBe(400);
    expect(err.message).toBe('Google token exchange failed: HTTP 400 invalid_grant: Invalid JWT Signature: [assertion]');
    expect(err.message).not.toContain(privatePem.split('\n')[3]!);
  });

  it('reports an unreachable endpoint plainly', async () => {
    const err = (await fetchTokenExchange('http://127.0.0.1:1/token', 'x.y.z').catch((e: unknown) => e)) as AccessTokenError;
    expect(err).toBeInstanceOf(AccessTokenError);
    expect(err.message).toBe('Google token endpoint could not be reached');
    expect(err.status).toBe(0);
  });
});
