import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/database.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { createChannel, createKey, createTestDatabase, createUser, ROOT_PASSWORD, startTestServer, stopAll, type TestDatabase } from './harness.js';

/**
 * A billed call's usage row is as durable as its charge: it commits in the settlement's
 * transaction. Twenty priced calls, then SIGKILL before the batched recorder could flush
 * (USAGE_FLUSH_MS one minute): after a restart on the same database, every charge in the
 * ledger has its usage row with the same cost, and the balances agree with both.
 */
const POINT = 1_000_000;
const MODEL = 'durable-priced';
let mock: MockOpenAI;
let database: TestDatabase;
let db: Db;
const children: ChildServer[] = [];

beforeAll(async () => {
  mock = await startMockOpenAI({ apiKeys: ['sk-durable-upstream'] });
  database = await createTestDatabase();
  const url = database.url;
  db = await openDatabase(url.startsWith('sqlite:') ? { kind: 'sqlite', file: url.slice(7) } : { kind: url.startsWith('mysql') ? 'mysql' : 'postgres', url });
});
afterEach(async () => {
  await Promise.all(children.map((c) => c.crash()));
});
afterAll(async () => {
  await stopAll();
  await db.close();
  await database.drop();
  await mock.close();
});

async function start(env: Record<string, string>): Promise<ChildServer> {
  const child = await startChildServer(env);
  children.push(child);
  return child;
}

describe('usage rows of billed calls across a crash', () => {
  it('keeps the usage row of every settled charge after kill -9, and none without its charge', async () => {
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sb-durable-')),
      DATABASE_URL: database.url,
      ROOT_PASSWORD,
      SECRET: 'durability-test-secret-that-is-long-enough',
      // The batch cannot save the rows: it would flush only after a minute.
      USAGE_FLUSH_MS: '60000',
    };
    const first = await start(env);
    const root = (await first.api<{ token: string }>('POST', '/api/auth/login', { username: 'root', password: ROOT_PASSWORD })).body.token;
    expect((await first.api('POST', '/api/admin/channels', { name: 'durable', type: 'openai', base_url: mock.url, keys: 'sk-durable-upstream', models: [MODEL] }, root)).status).toBe(201);
    expect((await first.api('PUT', `/api/admin/prices/${MODEL}`, { mode: 'token', input: 1000 * POINT, output: 2000 * POINT, unit_tokens: 1_000_000 }, root)).status).toBe(200);

    const payers: Array<{ id: number; token: string; client: OpenAI }> = [];
    for (const name of ['durable-a', 'durable-b']) {
      const created = await first.api<{ id: number }>('POST', '/api/admin/users', { username: name, password: 'durable-password-1', grant: 100 * POINT }, root);
      expect(created.status).toBe(201);
      const { token } = (await first.api<{ token: string }>('POST', '/api/auth/login', { username: name, password: 'durable-password-1' })).body;
      const { key } = (await first.api<{ key: string }>('POST', '/api/keys', { name: 'k' }, token)).body;
      payers.push({ id: created.body.id, token, client: new OpenAI({ apiKey: key, baseURL: `${first.base}/v1`, maxRetries: 0 }) });
    }

    // Ten calls per user, prompts of different lengths so the costs differ.
    await Promise.all(
      payers.map(async ({ client }, u) => {
        for (let i = 0; i < 10; i++) {
          const answer = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: `question ${u} ${'word '.repeat(i * 7)}` }] });
          expect(answer.choices).toHaveLength(1);
        }
      }),
    );
    // Killed as soon as every call has settled (settling follows the answer), long before a flush.
    const held = async () => (await db.kysely.selectFrom('reservations').select('request_id').execute()).length;
    await expect.poll(held, { timeout: 10_000 }).toBe(0);
    await first.crash();
    const second = await start(env);

    const ledger = await db.kysely.selectFrom('ledger').select(['request_id', 'amount', 'user_id']).where('kind', 'in', ['reserve', 'settle']).execute();
    const charged = new Map<string, number>();
    for (const row of ledger) charged.set(row.request_id!, (charged.get(row.request_id!) ?? 0) - Number(row.amount));
    const rows = await db.kysely.selectFrom('usage_logs').select(['request_id', 'cost', 'user_id']).where('model', '=', MODEL).execute();
    const costs = new Map(rows.map((r) => [r.request_id, Number(r.cost)]));
    const settled = [...charged].filter(([, amount]) => amount > 0);

    // Every call the ledger charged has its row at that cost, and every row has its charge: both or neither.
    expect(settled).toHaveLength(20);
    expect(rows).toHaveLength(20);
    for (const [requestId, amount] of settled) expect(costs.get(requestId)).toBe(amount);
    for (const [requestId, cost] of costs) expect(charged.get(requestId)).toBe(cost);

    for (const payer of payers) {
      const own = rows.filter((r) => Number(r.user_id) === payer.id);
      const spent = own.reduce((sum, r) => sum + Number(r.cost), 0);
      expect(spent).toBeGreaterThan(0);
      const balance = (await second.api<{ balance: number }>('GET', '/api/billing/balance', undefined, payer.token)).body.balance;
      expect(balance).toBe(100 * POINT - spent);
      // What the user sees in the usage view is what the ledger took.
      const view = await second.api<{ data: Array<{ cost: number }> }>('GET', `/api/usage/logs?model=${MODEL}&page_size=100`, undefined, payer.token);
      expect(view.status).toBe(200);
      expect(view.body.data).toHaveLength(own.length);
      expect(view.body.data.reduce((sum, r) => sum + r.cost, 0)).toBe(spent);
    }
  });
});

describe("keys' last use", () => {
  it('is recorded for a key whose rows commit with their charge as for one whose rows are batched', async () => {
    const server = await startTestServer();
    const root = await server.rootToken();
    await createChannel(server, root, { name: 'last-used', base_url: mock.url, keys: 'sk-durable-upstream', models: ['priced-chat', 'free-chat'] });
    await server.api('PUT', '/api/admin/prices/priced-chat', { mode: 'request', per_request: POINT }, root);
    await server.api('PUT', '/api/admin/prices/free-chat', { mode: 'free' }, root);
    const token = await createUser(server, 'last-used');
    const me = await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token);
    await server.ctx.ledger.post({ userId: me.body.id, kind: 'adjust', amount: 5 * POINT });
    const pricedKey = await createKey(server, token, { name: 'priced' });
    const freeKey = await createKey(server, token, { name: 'free' });
    await server.openai(pricedKey).chat.completions.create({ model: 'priced-chat', messages: [{ role: 'user', content: 'hi' }] });
    await server.openai(freeKey).chat.completions.create({ model: 'free-chat', messages: [{ role: 'user', content: 'hi' }] });
    const lastUsed = async () => {
      await server.ctx.usage.flush();
      const keys = await server.ctx.db.kysely.selectFrom('api_keys').select(['name', 'last_used_at']).where('user_id', '=', me.body.id).execute();
      return Object.fromEntries(keys.map((k) => [k.name, k.last_used_at !== null]));
    };
    await expect.poll(lastUsed, { timeout: 5000 }).toEqual({ priced: true, free: true });
  });
});
