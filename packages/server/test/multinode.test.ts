import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBase62 } from '../src/crypto/tokens.js';
import { createChannel, createKey, createTestDatabase, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Two nodes sharing one database and one Redis: a change made through one node must take
 * effect on the other at once (pub/sub invalidation), with no restart and no polling wait.
 */
const redis = process.env.SB_TEST_REDIS === '1' && !!process.env.TEST_REDIS_URL;

describe.runIf(redis)('several nodes (Redis pub/sub)', () => {
  let a: TestServer;
  let b: TestServer;
  let mock: MockOpenAI;
  let root: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const redisPrefix = `sbt:${randomBase62(8)}:`;
    a = await startTestServer({ database, redisPrefix });
    b = await startTestServer({ database, redisPrefix, env: { CACHE_TTL_SEC: '3600' } });
    mock = await startMockOpenAI();
    root = await a.rootToken();
    afterAll(() => database.drop());
  });
  afterAll(async () => {
    await stopAll();
    await mock.close();
  });

  const waitFor = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 2000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('change did not reach the other node');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('routes on node B to a channel created on node A', async () => {
    const key = await createKey(a, root);
    await createChannel(a, root, { base_url: mock.url, keys: 'k-multi-1234', models: ['shared-model'] });
    await waitFor(async () => (await b.openai(key).models.list()).data.some((m) => m.id === 'shared-model'));
    const res = await b.openai(key).chat.completions.create({ model: 'shared-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.choices).toHaveLength(1);
  });

  it('rejects on node B a key disabled on node A, although B had it cached', async () => {
    const key = await createKey(a, root);
    const list = await a.api<{ data: Array<{ id: number; key_hint: string }> }>('GET', '/api/keys', undefined, root);
    const id = list.body.data.find((k) => key.endsWith(k.key_hint.slice(-4)))!.id;
    expect((await b.api('GET', '/v1/models', undefined, key)).status).toBe(200); // now cached on B for an hour
    await a.api('PATCH', `/api/keys/${id}`, { status: 'disabled' }, root);
    await waitFor(async () => (await b.api('GET', '/v1/models', undefined, key)).status === 401);
  });

  it('shows on node B the market as changed on node A, although B holds it in memory', async () => {
    const market = async () => ((await (await fetch(`${b.base}/v1/market`)).json()) as Array<{ id: string; name: string }>).map((e) => `${e.id}:${e.name}`);
    expect(await market()).toEqual([]);
    await a.api('PUT', '/api/admin/market', [{ model: 'shared-model', name: 'Shared' }], root);
    await waitFor(async () => (await market()).join() === 'shared-model:Shared');
    await a.api('PUT', '/api/admin/market/shared-model', { name: 'Renamed' }, root);
    await waitFor(async () => (await market()).join() === 'shared-model:Renamed');
    await a.api('DELETE', '/api/admin/market/shared-model', undefined, root);
    await waitFor(async () => (await market()).length === 0);
  });

  it('ends on node B a session logged out on node A', async () => {
    const login = await b.api<{ token: string }>('POST', '/api/auth/login', { username: 'root', password: 'root-password-for-tests' });
    const token = login.body.token;
    expect((await b.api('GET', '/api/auth/me', undefined, token)).status).toBe(200);
    await a.api('POST', '/api/auth/logout', undefined, token);
    await waitFor(async () => (await b.api('GET', '/api/auth/me', undefined, token)).status === 401);
  });
});
