import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_PASSWORD, startTestServer, stopAll, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  // Behind a trusted proxy the client address comes from X-Forwarded-For, which lets this
  // test act as several clients.
  server = await startTestServer({ env: { TRUST_PROXY: 'true' } });
});
afterAll(stopAll);

const login = (ip: string, password: string) =>
  fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username: 'root', password }),
  });

describe('sign-in rate limit', () => {
  it('refuses an address after 10 attempts, even with the right password, and leaves others alone', async () => {
    for (let i = 0; i < 10; i++) expect((await login('203.0.113.7', `guess-${i}`)).status).toBe(401);
    const blocked = await login('203.0.113.7', ROOT_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
    expect((await login('198.51.100.1', ROOT_PASSWORD)).status).toBe(200);
  });
});
