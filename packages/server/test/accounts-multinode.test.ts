import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBase62 } from '../src/crypto/tokens.js';
import { createTestDatabase, ROOT_PASSWORD, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Account changes made on one node take effect on another that had the sessions and keys
 * cached for an hour: a ban, an unban, a password change (Redis pub/sub invalidation).
 */
const redis = process.env.SB_TEST_REDIS === '1' && !!process.env.TEST_REDIS_URL;

describe.runIf(redis)('account changes across nodes', () => {
  let a: TestServer;
  let b: TestServer;
  let root: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const redisPrefix = `sbt:${randomBase62(8)}:`;
    a = await startTestServer({ database, redisPrefix });
    b = await startTestServer({ database, redisPrefix, env: { CACHE_TTL_SEC: '3600' } });
    root = await a.rootToken();
    afterAll(() => database.drop());
  });
  afterAll(stopAll);

  const waitFor = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 2000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('change did not reach the other node');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  const signIn = async (server: TestServer, username: string, password: string) => {
    const res = await server.api<{ token: string }>('POST', '/api/auth/login', { username, password });
    expect(res.status).toBe(200);
    return res.body.token;
  };

  it('stops on node B the sessions and keys of a user banned on node A, and restores the keys on unban', async () => {
    const created = await a.api<{ id: number }>('POST', '/api/admin/users', { username: 'roamer', password: 'roamer-password' }, root);
    expect(created.status).toBe(201);
    const session = await signIn(b, 'roamer', 'roamer-password');
    const key = (await b.api<{ key: string }>('POST', '/api/keys', { name: 'k' }, session)).body.key;
    expect((await b.api('GET', '/api/auth/me', undefined, session)).status).toBe(200); // cached on B for an hour
    expect((await b.api('GET', '/v1/models', undefined, key)).status).toBe(200);

    await a.api('PATCH', `/api/admin/users/${created.body.id}`, { status: 'banned' }, root);
    await waitFor(async () => (await b.api('GET', '/v1/models', undefined, key)).status === 403);
    await waitFor(async () => (await b.api('GET', '/api/auth/me', undefined, session)).status === 401);

    await a.api('PATCH', `/api/admin/users/${created.body.id}`, { status: 'active' }, root);
    await waitFor(async () => (await b.api('GET', '/v1/models', undefined, key)).status === 200);
  });

  it('ends on node B the other sessions of a user who changed the password on node A', async () => {
    await a.api('POST', '/api/auth/register', { username: 'mover', email: 'mover@example.com', password: 'mover-password' });
    const onA = await signIn(a, 'mover', 'mover-password');
    const onB = await signIn(b, 'mover', 'mover-password');
    expect((await b.api('GET', '/api/auth/me', undefined, onB)).status).toBe(200);
    const changed = await a.api('POST', '/api/auth/change-password', { current_password: 'mover-password', new_password: 'moved-password' }, onA);
    expect(changed.status).toBe(204);
    await waitFor(async () => (await b.api('GET', '/api/auth/me', undefined, onB)).status === 401);
    expect((await b.api('GET', '/api/auth/me', undefined, onA)).status).toBe(200);
  });
});

describe.runIf(redis)('sign-in limit per account across nodes', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const redisPrefix = `sbt:${randomBase62(8)}:`;
    // Behind a trusted proxy, so every attempt can come from its own address.
    a = await startTestServer({ database, redisPrefix, env: { TRUST_PROXY: 'true' } });
    b = await startTestServer({ database, redisPrefix, env: { TRUST_PROXY: 'true' } });
    afterAll(() => database.drop());
  });
  afterAll(stopAll);

  let addresses = 0;
  const login = (server: TestServer, username: string, password: string) =>
    fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${++addresses}` },
      body: JSON.stringify({ username, password }),
    }).then((r) => r.status);

  it('counts wrong passwords for one account on every node together', async () => {
    const root = (await a.api<{ token: string }>('POST', '/api/auth/login', { username: 'root', password: ROOT_PASSWORD })).body.token;
    expect((await a.api('POST', '/api/admin/users', { username: 'target', password: 'target-password' }, root)).status).toBe(201);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await login(a, 'target', `wrong-${i}`));
    for (let i = 0; i < 2; i++) outcomes.push(await login(b, 'target', `wrong-b-${i}`));
    expect(outcomes).toEqual([401, 401, 401, 401, 401]);
    expect(await login(a, 'target', 'target-password')).toBe(429);
    expect(await login(b, 'target', 'target-password')).toBe(429);
  });
});
