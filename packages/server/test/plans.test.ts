import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import type OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Subscriptions (B-5) through the real server: plans as data, buying with points (discounts,
 * renewal, upgrade, downgrade), and the relay paying with plan uses before points. The
 * subscription clock is the test's (`now`), so expiries and periods are exact numbers.
 */
const POINT = 1_000_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2030, 0, 31, 12); // the 31st: month arithmetic must clamp
let now = T0;

let server: TestServer;
let root: string;
let mock: MockOpenAI;

const chat = { id: 'chat', name: 'Chat', icon: '💬', quota: 3, models: ['plan-chat'] };
const PLANS = {
  1: { name: 'basic', price: 9_999_999, items: [chat] },
  2: { name: 'standard', price: 20_000_000, items: [{ ...chat, quota: 10 }] },
  3: { name: 'pro', price: 40_000_000, items: [{ ...chat, quota: -1 }, { id: 'draw', name: 'Images', icon: 'https://example.com/i.png', quota: 5, models: ['plan-image'] }] },
  4: { name: 'daily', price: 1_000_000, period: 'daily', items: [{ id: 'daily', name: 'Daily', icon: '', quota: 2, models: ['daily-model'] }] },
  5: { name: 'race', price: 1_000_000, items: [{ id: 'race', name: 'Race', icon: '', quota: 50, models: ['race-model'] }] },
} as const;

beforeAll(async () => {
  server = await startTestServer({ planClock: () => now });
  root = await server.rootToken();
  mock = await startMockOpenAI({ apiKeys: ['sk-plans-upstream'] });
  const models = ['plan-chat', 'plan-image', 'daily-model', 'race-model', 'not-in-plan'];
  await createChannel(server, root, { name: 'plans', base_url: mock.url, keys: 'sk-plans-upstream', models });
  for (const model of models) await server.api('PUT', `/api/admin/prices/${model}`, { mode: 'request', per_request: POINT }, root);
  for (const [level, plan] of Object.entries(PLANS)) {
    const res = await server.api('PUT', `/api/admin/plans/${level}`, plan, root);
    expect(res.status).toBe(200);
  }
  await setPlans({ enabled: true, relay_uses_plans: true });
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

async function setPlans(patch: { enabled?: boolean; relay_uses_plans?: boolean }) {
  const res = await server.api('PATCH', '/api/admin/settings/plans', patch, root);
  expect(res.status).toBe(200);
}

interface Subscription {
  active: boolean;
  level: number;
  name: string | null;
  started_at: number | null;
  expires_at: number | null;
  total_months: number;
  items: { id: string; used: number; total: number; resets_at: number }[];
}

let users = 0;
async function user(points: number): Promise<{ id: number; token: string; client: OpenAI }> {
  const token = await createUser(server, `sub${++users}`);
  const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  if (points) await server.ctx.ledger.post({ userId: id, kind: 'adjust', amount: points * POINT, note: 'test credit' });
  return { id, token, client: server.openai(await createKey(server, token)) };
}

/** A user an administrator subscribed to `level` until `expiresAt` (no payment). */
async function subscriber(level: number, points = 0, expiresAt = now + 30 * DAY) {
  const u = await user(points);
  const res = await server.api('POST', `/api/admin/users/${u.id}/subscription`, { level, expires_at: expiresAt }, root);
  expect(res.status).toBe(200);
  return u;
}

const subscription = async (token: string) => (await server.api<Subscription>('GET', '/api/billing/subscription', undefined, token)).body;
const used = async (token: string, item: string) => (await subscription(token)).items.find((i) => i.id === item)?.used;
const subscribe = (token: string, body: Record<string, unknown>) =>
  server.api<{ kind: string; cost: number; balance: number; duplicate: boolean; subscription: Subscription; error?: { code: string } }>('POST', '/api/billing/subscribe', body, token);
const ledgerOf = (id: number) => server.ctx.db.kysely.selectFrom('ledger').selectAll().where('user_id', '=', id).orderBy('id').execute();

/** Waits until the user's point-paid calls have settled, then returns the balance. */
async function settledBalance(id: number): Promise<number> {
  const held = async () => (await server.ctx.db.kysely.selectFrom('reservations').select('request_id').where('user_id', '=', id).execute()).length;
  await expect.poll(held, { timeout: 5000 }).toBe(0);
  return server.ctx.ledger.balance(id);
}

async function usageOf(id: number, count: number) {
  let rows: { usage_source: string; cost: number | string; status: string }[] = [];
  await expect
    .poll(
      async () => {
        await server.ctx.usage.flush();
        rows = await server.ctx.db.kysely.selectFrom('usage_logs').select(['usage_source', 'cost', 'status']).where('user_id', '=', id).orderBy('id').execute();
        return rows.length;
      },
      { timeout: 5000 },
    )
    .toBe(count);
  return rows;
}

const question = [{ role: 'user' as const, content: 'hi' }];
const ask = (client: OpenAI, model: string) => client.chat.completions.create({ model, messages: question });
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { status?: number }) => e.status,
  );

describe('plan administration', () => {
  it('refuses invalid plans with 400 and non-administrators with 403, changing nothing', async () => {
    const before = (await server.api<{ data: unknown[] }>('GET', '/api/admin/plans', undefined, root)).body.data;
    const good = { name: 'extra', price: POINT, items: [chat] };
    const bad: [string, unknown][] = [
      ['/api/admin/plans/9', { ...good, price: 0 }],
      ['/api/admin/plans/9', { ...good, price: 1.5 }],
      ['/api/admin/plans/9', { ...good, name: '' }],
      ['/api/admin/plans/9', { ...good, period: 'yearly' }],
      ['/api/admin/plans/9', { ...good, items: [chat, chat] }],
      ['/api/admin/plans/9', { ...good, items: [{ ...chat, quota: -2 }] }],
      ['/api/admin/plans/9', { ...good, items: [{ ...chat, models: [] }] }],
      ['/api/admin/plans/9', { ...good, items: [{ ...chat, id: 'Not A Slug' }] }],
      ['/api/admin/plans/0', good],
      ['/api/admin/plans/100', good],
      ['/api/admin/plans/basic', good],
    ];
    for (const [url, body] of bad) {
      const res = await server.api<{ error: { code: string } }>('PUT', url, body, root);
      expect([url, res.status, res.body.error.code]).toEqual([url, 400, 'validation_failed']);
    }
    const someone = await user(0);
    expect((await server.api('PUT', '/api/admin/plans/9', good, someone.token)).status).toBe(403);
    expect((await server.api('DELETE', '/api/admin/plans/1', undefined, someone.token)).status).toBe(403);
    expect((await server.api('GET', '/api/admin/plans/9', undefined, root)).status).toBe(404);
    expect((await server.api('GET', '/api/admin/plans', undefined, root)).body).toEqual({ data: before });

    // A valid plan is created, read back, replaced and deleted.
    const created = await server.api<{ level: number; period: string; items: { icon: string }[] }>('PUT', '/api/admin/plans/9', { ...good, items: [{ ...chat, icon: undefined }] }, root);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ level: 9, name: 'extra', price: POINT, period: 'monthly', items: [{ id: 'chat', icon: '', quota: 3 }] });
    expect((await server.api('PUT', '/api/admin/plans/9', { ...good, price: 2 * POINT }, root)).status).toBe(200);
    expect((await server.api<{ price: number }>('GET', '/api/admin/plans/9', undefined, root)).body.price).toBe(2 * POINT);
    expect((await server.api('DELETE', '/api/admin/plans/9', undefined, root)).status).toBe(204);
    expect((await server.api('DELETE', '/api/admin/plans/9', undefined, root)).status).toBe(404);
  });

  it("serves /v1/plans in Chat Nio's format (price per month in the currency), and nothing while plans are off", async () => {
    const res = await fetch(`${server.base}/v1/plans`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const plans = (await res.json()) as { level: number }[];
    expect(plans.map((p) => p.level)).toEqual([1, 2, 3, 4, 5]);
    // 40,000,000 micro-points = 40 points = ¥4 at the default 10 points per yuan.
    expect(plans[2]).toEqual({
      level: 3,
      price: 4,
      items: [
        { id: 'chat', name: 'Chat', icon: '💬', value: -1, models: ['plan-chat'] },
        { id: 'draw', name: 'Images', icon: 'https://example.com/i.png', value: 5, models: ['plan-image'] },
      ],
    });
    const web = await server.api<{ enabled: boolean; discounts: unknown[]; data: { level: number; name: string; period: string }[] }>('GET', '/api/plans');
    expect(web.body.enabled).toBe(true);
    expect(web.body.discounts).toEqual([
      { min_months: 36, percent: 70 },
      { min_months: 12, percent: 80 },
      { min_months: 6, percent: 90 },
    ]);
    expect(web.body.data[3]).toMatchObject({ level: 4, name: 'daily', period: 'daily' });

    await setPlans({ enabled: false });
    try {
      expect(await (await fetch(`${server.base}/v1/plans`)).json()).toEqual([]);
      expect((await server.api('GET', '/api/plans')).body).toMatchObject({ enabled: false, data: [] });
      const buyer = await user(100);
      const refused = await subscribe(buyer.token, { level: 1, months: 1 });
      expect([refused.status, refused.body.error?.code]).toEqual([403, 'plans_disabled']);
      expect(await server.ctx.ledger.balance(buyer.id)).toBe(100 * POINT);
    } finally {
      await setPlans({ enabled: true });
    }
  });
});

describe('buying a plan with points', () => {
  it('charges price × months with the 6 / 12 / 36-month discounts, rounded up, in one ledger row', async () => {
    const cases = [
      { months: 1, cost: 9_999_999, expires: Date.UTC(2030, 1, 28, 12) },
      { months: 6, cost: 53_999_995, expires: Date.UTC(2030, 6, 31, 12) }, // 59,999,994 × 0.9 = 53,999,994.6
      { months: 12, cost: 95_999_991, expires: Date.UTC(2031, 0, 31, 12) }, // × 0.8 = 95,999,990.4
      { months: 36, cost: 251_999_975, expires: Date.UTC(2033, 0, 31, 12) }, // × 0.7 = 251,999,974.8
    ];
    for (const c of cases) {
      const buyer = await user(300);
      const res = await subscribe(buyer.token, { level: 1, months: c.months });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: 'new', cost: c.cost, balance: 300 * POINT - c.cost, duplicate: false });
      expect(res.body.subscription).toMatchObject({ active: true, level: 1, name: 'basic', started_at: now, expires_at: c.expires, total_months: c.months });
      const ledger = await ledgerOf(buyer.id);
      expect(ledger.map((r) => [r.kind, Number(r.amount)])).toEqual([
        ['adjust', 300 * POINT],
        ['subscription', -c.cost],
      ]);
      expect(await server.ctx.ledger.ledgerSum(buyer.id)).toBe(300 * POINT - c.cost);
    }
  });

  it('refuses with 402 when the balance is short, changing nothing', async () => {
    const buyer = await user(5);
    const res = await subscribe(buyer.token, { level: 1, months: 1 });
    expect([res.status, res.body.error?.code]).toEqual([402, 'insufficient_balance']);
    expect(await server.ctx.ledger.balance(buyer.id)).toBe(5 * POINT);
    expect((await ledgerOf(buyer.id)).map((r) => r.kind)).toEqual(['adjust']);
    expect(await subscription(buyer.token)).toMatchObject({ active: false, level: 0, expires_at: null });
    // Unknown levels and zero months for a new subscription are refused too.
    expect((await subscribe(buyer.token, { level: 8, months: 1 })).status).toBe(404);
    expect((await subscribe(buyer.token, { level: 1, months: 0 })).status).toBe(400);
    expect((await subscribe(buyer.token, { level: 1, months: 121 })).status).toBe(400);
    expect(await server.ctx.ledger.balance(buyer.id)).toBe(5 * POINT);
  });

  it('extends a renewal from the current expiry, and buys once per request id', async () => {
    const buyer = await user(100);
    expect((await subscribe(buyer.token, { level: 1, months: 1 })).body.subscription.expires_at).toBe(Date.UTC(2030, 1, 28, 12));
    const renewal = await subscribe(buyer.token, { level: 1, months: 2, request_id: 'renew-1' });
    expect(renewal.body).toMatchObject({ kind: 'renew', cost: 19_999_998, balance: 100 * POINT - 29_999_997 });
    expect(renewal.body.subscription).toMatchObject({ started_at: T0, expires_at: Date.UTC(2030, 3, 28, 12), total_months: 3 });
    const again = await subscribe(buyer.token, { level: 1, months: 2, request_id: 'renew-1' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ kind: 'renew', cost: 19_999_998, duplicate: true, balance: 100 * POINT - 29_999_997 });
    expect(again.body.subscription).toMatchObject({ expires_at: Date.UTC(2030, 3, 28, 12), total_months: 3 });
    expect((await ledgerOf(buyer.id)).filter((r) => r.kind === 'subscription')).toHaveLength(2);
  });

  it('applies every one of parallel purchases once: each paid month extends the expiry', async () => {
    const buyer = await user(100);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => subscribe(buyer.token, { level: 1, months: 1, request_id: `parallel-${i}` })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body.kind).sort()).toEqual(['new', 'renew', 'renew', 'renew', 'renew']);
    // Jan 31 → Feb 28 → Mar 28 → Apr 28 → May 28 → Jun 28 (each renewal from the previous expiry)
    expect(await subscription(buyer.token)).toMatchObject({ level: 1, expires_at: Date.UTC(2030, 5, 28, 12), total_months: 5 });
    expect(await server.ctx.ledger.balance(buyer.id)).toBe(100 * POINT - 5 * 9_999_999);
    expect(await server.ctx.ledger.ledgerSum(buyer.id)).toBe(100 * POINT - 5 * 9_999_999);
  });

  it('pro-rates an upgrade by the days left, expiry unchanged', async () => {
    const buyer = await subscriber(1, 10, now + 10 * DAY);
    const res = await subscribe(buyer.token, { level: 2, months: 0 });
    // 10 days × (20,000,000 − 9,999,999) / 30 = 3,333,333.67 → 3,333,334
    expect(res.body).toMatchObject({ kind: 'upgrade', cost: 3_333_334, balance: 10 * POINT - 3_333_334 });
    expect(res.body.subscription).toMatchObject({ level: 2, name: 'standard', expires_at: now + 10 * DAY });
    // With months, those months are added at the new price too: 10 days × (40,000,000 −
    // 20,000,000) / 30 = 6,666,666.67 → 6,666,667, plus one month at 40,000,000 = 46,666,667.
    await server.ctx.ledger.post({ userId: buyer.id, kind: 'adjust', amount: 40 * POINT });
    const short = await server.api<{ error: { code: string; message: string } }>('POST', '/api/billing/subscribe', { level: 3, months: 1 }, buyer.token);
    expect([short.status, short.body.error.message]).toEqual([402, 'this costs 46.666667 points; your balance is 46.666666 points']);
    expect(await subscription(buyer.token)).toMatchObject({ level: 2, expires_at: now + 10 * DAY });
    await server.ctx.ledger.post({ userId: buyer.id, kind: 'adjust', amount: 1 });
    const more = await subscribe(buyer.token, { level: 3, months: 1 });
    expect(more.body).toMatchObject({ kind: 'upgrade', cost: 46_666_667, balance: 0 });
    expect(more.body.subscription).toMatchObject({ level: 3, expires_at: Date.UTC(2030, 2, 10, 12), total_months: 1 });
  });

  it('rescales the time left of a downgrade by oldPrice / newPrice, for free', async () => {
    const buyer = await subscriber(3, 0, now + 10 * DAY);
    const res = await subscribe(buyer.token, { level: 1, months: 0 });
    // 864,000,000 ms × 40,000,000 / 9,999,999 = 3,456,000,345.6 → 3,456,000,345
    expect(res.body).toMatchObject({ kind: 'downgrade', cost: 0, balance: 0 });
    expect(res.body.subscription).toMatchObject({ level: 1, expires_at: now + 3_456_000_345 });
    expect((await ledgerOf(buyer.id)).map((r) => [r.kind, Number(r.amount)])).toEqual([['subscription', 0]]);
  });

  it('refuses to delete a plan someone is subscribed to', async () => {
    const res = await server.api<{ error: { code: string } }>('DELETE', '/api/admin/plans/1', undefined, root);
    expect([res.status, res.body.error.code]).toEqual([409, 'plan_in_use']);
    expect((await server.api('GET', '/api/admin/plans/1', undefined, root)).status).toBe(200);
  });
});

describe('the relay pays with plan uses first', () => {
  it('charges no points for a call the plan covers, and counts one use', async () => {
    const u = await subscriber(1, 10);
    expect((await ask(u.client, 'plan-chat')).choices).toHaveLength(1);
    const [row] = await usageOf(u.id, 1);
    expect(row).toMatchObject({ usage_source: 'plan', status: 'success' });
    expect(Number(row!.cost)).toBe(0);
    expect(await settledBalance(u.id)).toBe(10 * POINT);
    expect((await ledgerOf(u.id)).map((r) => r.kind)).toEqual(['adjust']); // not even a reservation
    expect((await subscription(u.token)).items).toEqual([
      { id: 'chat', name: 'Chat', icon: '💬', models: ['plan-chat'], used: 1, total: 3, resets_at: Date.UTC(2030, 1, 28, 12) },
    ]);
    // A model no item lists is paid in points.
    await ask(u.client, 'not-in-plan');
    expect(await settledBalance(u.id)).toBe(9 * POINT);
  });

  it('falls back to points once the quota of the period is used up', async () => {
    const u = await subscriber(1, 10);
    for (let i = 0; i < 3; i++) await ask(u.client, 'plan-chat');
    expect(await settledBalance(u.id)).toBe(10 * POINT);
    await ask(u.client, 'plan-chat');
    expect(await settledBalance(u.id)).toBe(9 * POINT);
    expect(await used(u.token, 'chat')).toBe(3);
    const rows = await usageOf(u.id, 4);
    // A charged call's row commits with its settlement, plan rows with the next batch: compare without order.
    expect(rows.map((r) => [r.usage_source, Number(r.cost)]).sort()).toEqual([
      ['plan', 0],
      ['plan', 0],
      ['plan', 0],
      ['upstream', POINT],
    ]);
  });

  it('never runs out of an unlimited (-1) item', async () => {
    const u = await subscriber(3, 0);
    for (let i = 0; i < 5; i++) await ask(u.client, 'plan-chat');
    expect((await subscription(u.token)).items[0]).toMatchObject({ id: 'chat', used: 5, total: -1 });
    expect(await settledBalance(u.id)).toBe(0);
  });

  it('gives the use back when the upstream fails, and takes none for a refused call', async () => {
    const u = await subscriber(1, 0);
    mock.enqueue({ status: 500 });
    await expect(ask(u.client, 'plan-chat')).rejects.toMatchObject({ status: 502 });
    await expect.poll(() => used(u.token, 'chat'), { timeout: 5000 }).toBe(0);
    const [failed] = await usageOf(u.id, 1);
    expect(failed).toMatchObject({ status: 'error' });
    expect(failed!.usage_source).not.toBe('plan');
    // A key that may not use the model is refused before routing: no use is taken.
    const restricted = server.openai(await createKey(server, u.token, { models: ['not-in-plan'] }));
    await expect(ask(restricted, 'plan-chat')).rejects.toMatchObject({ status: 403 });
    expect(await used(u.token, 'chat')).toBe(0);
    await ask(u.client, 'plan-chat');
    expect(await used(u.token, 'chat')).toBe(1);
    expect(mock.requests).toHaveLength(2);
  });

  it('lets API calls pay points when relay_uses_plans is off, and ignores plans when they are disabled', async () => {
    const u = await subscriber(1, 10);
    await setPlans({ relay_uses_plans: false });
    try {
      await ask(u.client, 'plan-chat');
      expect(await settledBalance(u.id)).toBe(9 * POINT);
      expect(await used(u.token, 'chat')).toBe(0);
    } finally {
      await setPlans({ relay_uses_plans: true });
    }
    await setPlans({ enabled: false });
    try {
      await ask(u.client, 'plan-chat');
      expect(await settledBalance(u.id)).toBe(8 * POINT);
    } finally {
      await setPlans({ enabled: true });
    }
    expect(await used(u.token, 'chat')).toBe(0);
    expect((await usageOf(u.id, 2)).map((r) => r.usage_source)).toEqual(['upstream', 'upstream']);
  });

  it('takes exactly the quota of 200 parallel calls (50), the rest paying points', async () => {
    const u = await subscriber(5, 0);
    const outcomes = await Promise.all(Array.from({ length: 200 }, () => outcome(ask(u.client, 'race-model'))));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 402)).toHaveLength(150); // no balance to fall back on
    expect(await used(u.token, 'race')).toBe(50);
    expect(mock.requests).toHaveLength(50);
    const rows = await usageOf(u.id, 50);
    expect(rows.every((r) => r.usage_source === 'plan' && Number(r.cost) === 0)).toBe(true);
  });

  it('zeroes the counters on an administrator release', async () => {
    const u = await subscriber(3, 0);
    await ask(u.client, 'plan-chat');
    await ask(u.client, 'plan-image');
    const res = await server.api<{ released: number }>('POST', `/api/admin/users/${u.id}/subscription/release`, undefined, root);
    expect(res.body).toEqual({ released: 2 });
    expect((await subscription(u.token)).items.map((i) => [i.id, i.used])).toEqual([
      ['chat', 0],
      ['draw', 0],
    ]);
    expect((await server.api('POST', '/api/admin/users/999999/subscription/release', undefined, root)).status).toBe(404);
    expect((await server.api('POST', `/api/admin/users/${u.id}/subscription/release`, undefined, u.token)).status).toBe(403);
  });

  it('resets the uses when a new period starts, counted from the subscription start', async () => {
    const u = await subscriber(4, 0);
    const start = now;
    await ask(u.client, 'daily-model');
    await ask(u.client, 'daily-model');
    await expect(ask(u.client, 'daily-model')).rejects.toMatchObject({ status: 402 }); // used up, and no points
    now = start + DAY + 3_600_000; // the next day, an hour in
    try {
      expect((await subscription(u.token)).items[0]).toMatchObject({ used: 0, total: 2, resets_at: start + 2 * DAY });
      await ask(u.client, 'daily-model');
      expect((await subscription(u.token)).items[0]).toMatchObject({ used: 1, resets_at: start + 2 * DAY });
      const row = await server.ctx.db.kysely.selectFrom('plan_usage').selectAll().where('user_id', '=', u.id).executeTakeFirstOrThrow();
      expect([Number(row.period_start), Number(row.used)]).toEqual([start + DAY, 1]);
    } finally {
      now = start;
    }
  });
});
