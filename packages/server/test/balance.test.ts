import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/** A user's own money (balance, ledger) and OpenAI's billing endpoints for API clients. */
const POINT = 1_000_000;
let server: TestServer;
let mock: MockOpenAI;
let token: string;
let key: string;
let userId: number;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  mock = await startMockOpenAI();
  await createChannel(server, root, { name: 'm', base_url: mock.url, keys: 'sk-balance-upstream', models: ['per-call'] });
  await server.api('PUT', '/api/admin/prices/per-call', { mode: 'request', per_request: 2 * POINT }, root);
  token = await createUser(server, 'spender');
  userId = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  await server.ctx.ledger.post({ userId, kind: 'adjust', amount: 100 * POINT, note: 'welcome' });
  key = await createKey(server, token);
  // Settlement follows each answer; wait for it before the next call, so the ledger's order is fixed.
  const settled = async () => {
    for (let i = 0; i < 250 && (await server.ctx.db.kysely.selectFrom('reservations').select('request_id').execute()).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  for (let i = 0; i < 3; i++) {
    await server.openai(key).chat.completions.create({ model: 'per-call', messages: [{ role: 'user', content: 'x' }] });
    await settled();
  }
  await server.ctx.usage.flush();
});
afterAll(async () => {
  await stopAll();
  await mock.close();
});

describe('balance and ledger', () => {
  it('shows the balance in micro-points, points and the display currency', async () => {
    const res = await server.api('GET', '/api/billing/balance', undefined, token);
    expect(res.body).toEqual({ balance: 94 * POINT, points: 94, currency: 'CNY', currency_amount: 9.4, points_per_currency_unit: 10 });
  });

  it('lists the ledger newest first, page by page', async () => {
    const first = await server.api<{ data: Array<{ id: number; kind: string; amount: number; balance_after: number }> }>('GET', '/api/billing/ledger?limit=4', undefined, token);
    expect(first.body.data.map((r) => r.kind)).toEqual(['settle', 'reserve', 'settle', 'reserve']);
    expect(first.body.data[0]!.balance_after).toBe(94 * POINT);
    const next = await server.api<{ data: Array<{ kind: string; amount: number }> }>('GET', `/api/billing/ledger?limit=10&before=${first.body.data.at(-1)!.id}`, undefined, token);
    expect(next.body.data.at(-1)).toMatchObject({ kind: 'adjust', amount: 100 * POINT });
  });
});

describe('OpenAI billing endpoints', () => {
  it('answers /v1/dashboard/billing/subscription and /usage with the key, also without /v1', async () => {
    for (const prefix of ['/v1', '']) {
      const sub = await fetch(`${server.base}${prefix}/dashboard/billing/subscription`, { headers: { authorization: `Bearer ${key}` } });
      expect(await sub.json()).toMatchObject({ object: 'billing_subscription', hard_limit_usd: 10, has_payment_method: true });
      const usage = await fetch(`${server.base}${prefix}/dashboard/billing/usage?start_date=2020-01-01&end_date=2100-01-01`, { headers: { authorization: `Bearer ${key}` } });
      // 3 calls × 2 points = 6 points = 0.6 CNY = 60 hundredths
      expect(await usage.json()).toEqual({ object: 'list', total_usage: 60 });
    }
    const bad = await fetch(`${server.base}/dashboard/billing/subscription`, { headers: { authorization: 'Bearer sk-nope' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { type: string } }).error.type).toBeDefined();
  });
});

describe('admin adjustments', () => {
  it('credits and debits a user through the ledger, once per idempotency key, never below zero', async () => {
    const root = await server.rootToken();
    const other = await createUser(server, 'adjusted');
    const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, other)).body.id;
    const credit = { amount: 5 * POINT, note: 'compensation', idempotency_key: 'ticket-42' };
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, credit, root)).body).toEqual({ balance: 5 * POINT, duplicate: false });
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, credit, root)).body).toEqual({ balance: 5 * POINT, duplicate: true });
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, { amount: -6 * POINT }, root)).status).toBe(409);
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, { amount: -2 * POINT }, root)).body).toMatchObject({ balance: 3 * POINT });
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, { amount: 0 }, root)).status).toBe(400);
    expect((await server.api('POST', '/api/admin/users/999999/balance', { amount: 1 }, root)).status).toBe(404);
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, { amount: 1 }, other)).status).toBe(403);
    expect(await server.ctx.ledger.ledgerSum(id)).toBe(3 * POINT);
  });
});
