import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/accounts/passwords.js';
import { LedgerService } from '../src/billing/ledger.js';
import { openDatabase } from '../src/db/database.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { createChannel, createKey, createTestDatabase, createUser, ROOT_PASSWORD, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * Relay billing (B-2, B-3, B-4) through the real server: prices, the minimum balance,
 * reservations settled exactly once at the delivered cost, and a crash mid-stream.
 */
const POINT = 1_000_000;
let server: TestServer;
let root: string;
let mock: MockOpenAI;

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  mock = await startMockOpenAI({ apiKeys: ['sk-billing-upstream'] });
  await createChannel(server, root, {
    name: 'billing',
    base_url: mock.url,
    keys: 'sk-billing-upstream',
    models: ['per-call', 'per-token', 'unpriced', 'free-model'],
  });
  await server.api('PUT', '/api/admin/prices/per-call', { mode: 'request', per_request: POINT }, root);
  await server.api('PUT', '/api/admin/prices/per-token', { mode: 'token', input: 1000 * POINT, output: 2000 * POINT, unit_tokens: 1000000 }, root);
  await server.api('PUT', '/api/admin/prices/free-model', { mode: 'free' }, root);
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

let users = 0;
async function payingUser(points: number): Promise<{ id: number; client: OpenAI }> {
  const token = await createUser(server, `payer${++users}`);
  const me = await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token);
  const id = me.body.id;
  if (points) await server.ctx.ledger.post({ userId: id, kind: 'adjust', amount: points * POINT, note: 'test credit' });
  return { id, client: server.openai(await createKey(server, token)) };
}

/** Waits until the user's calls have settled (settlement follows the answer), then checks the books. */
async function expectConsistent(userId: number): Promise<number> {
  const held = async () => (await server.ctx.db.kysely.selectFrom('reservations').select('request_id').where('user_id', '=', userId).execute()).length;
  await expect.poll(held, { timeout: 5000 }).toBe(0);
  const balance = await server.ctx.ledger.balance(userId);
  expect(balance).toBeGreaterThanOrEqual(0);
  expect(await server.ctx.ledger.ledgerSum(userId)).toBe(balance);
  return balance;
}

const question = [{ role: 'user' as const, content: 'hi' }];

describe('relay billing', () => {
  it('charges exactly 50 of 200 parallel requests against a balance that covers 50', async () => {
    const { id, client } = await payingUser(50);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        client.chat.completions.create({ model: 'per-call', messages: question }).then(
          () => 'ok',
          (e: { status?: number }) => e.status,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 402)).toHaveLength(150);
    expect(await expectConsistent(id)).toBe(0);
    expect(mock.requests).toHaveLength(50); // refused calls never reached the upstream
  });

  it('reserves an estimate and settles the exact token cost, recorded on the usage row', async () => {
    const { id, client } = await payingUser(100);
    mock.enqueue({ usage: { prompt_tokens: 10, completion_tokens: 20 } });
    const before = (await usageRows(server, 0)).length;
    await client.chat.completions.create({ model: 'per-token', messages: question, max_tokens: 30 });
    await expectConsistent(id);
    // 10 × 1000 + 20 × 2000 points per 1M tokens = 0.05 points
    const cost = (10 * 1000 * POINT + 20 * 2000 * POINT) / 1_000_000;
    expect(await expectConsistent(id)).toBe(100 * POINT - cost);
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(Number(row.cost)).toBe(cost);
  });

  it('bills nothing when every upstream fails, and one charge despite retries', async () => {
    const { id, client } = await payingUser(10);
    mock.enqueue({ status: 500 });
    await expect(client.chat.completions.create({ model: 'per-call', messages: question })).rejects.toMatchObject({ status: 502 });
    expect(await expectConsistent(id)).toBe(10 * POINT);
  });

  it('bills what was delivered when the client aborts a stream', async () => {
    const { id, client } = await payingUser(100);
    mock.enqueue({ chunks: Array.from({ length: 40 }, (_, i) => `word${i} `), chunkDelayMs: 30, usage: false });
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ model: 'per-token', messages: question, stream: true }, { signal: controller.signal });
    let n = 0;
    await (async () => {
      for await (const _ of stream) if (++n === 5) controller.abort();
    })().catch(() => undefined);
    await mock.waitFor(() => mock.stats().aborted === 1);
    const balance = await expectConsistent(id);
    expect(balance).toBeLessThan(100 * POINT); // something was delivered and billed …
    expect(balance).toBeGreaterThan(99 * POINT); // … but only that
  });

  it('refuses unpriced models to users and a balance below the minimum, with clear errors', async () => {
    const { client } = await payingUser(0);
    await expect(client.chat.completions.create({ model: 'unpriced', messages: question })).rejects.toMatchObject({ status: 403, code: 'model_price_not_set' });
    const err = (await client.chat.completions.create({ model: 'per-call', messages: question }).catch((e: unknown) => e)) as { status: number; message: string };
    expect(err.status).toBe(402);
    expect(err.message).toContain('1 points');
    // Free models need no balance; administrators may use unpriced models.
    expect((await client.chat.completions.create({ model: 'free-model', messages: question })).choices).toHaveLength(1);
    const admin = server.openai(await createKey(server, root));
    expect((await admin.chat.completions.create({ model: 'unpriced', messages: question })).choices).toHaveLength(1);
    expect(mock.requests).toHaveLength(2);
  });
});

describe('a crash mid-stream', () => {
  let child: ChildServer | undefined;
  afterEach(() => child?.crash());

  it('leaves no reserved amount unaccounted after a restart (start-up reconciliation)', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-crash-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: database.url, ROOT_PASSWORD, SECRET: 'crash-test-secret-that-is-long-enough-42' };
    const first = await startChildServer(env);
    child = first;
    const api = async <T>(server: ChildServer, method: string, path: string, body?: unknown, token?: string): Promise<T> =>
      (await server.api<T>(method, path, body, token)).body;
    const { token } = await api<{ token: string }>(first, 'POST', '/api/auth/login', { username: 'root', password: ROOT_PASSWORD });
    await api(first, 'POST', '/api/admin/channels', { name: 'hang', type: 'openai', base_url: mock.url, keys: 'sk-billing-upstream', models: ['per-call'] }, token);
    await api(first, 'PUT', '/api/admin/prices/per-call', { mode: 'request', per_request: POINT }, token);
    const db = await openDatabase(
      database.url.startsWith('sqlite:') ? { kind: 'sqlite', file: database.url.slice(7) } : { kind: database.url.startsWith('mysql') ? 'mysql' : 'postgres', url: database.url },
    );
    try {
      // A paying user, created directly (registration arrives later in this issue).
      const now = Date.now();
      await db.kysely
        .insertInto('users')
        .values({
          username: 'crash-payer',
          email: null,
          password_hash: await hashPassword('crash-password-1'),
          role: 'user',
          group_name: 'normal',
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .execute();
      const user = await db.kysely.selectFrom('users').select('id').where('username', '=', 'crash-payer').executeTakeFirstOrThrow();
      const ledger = new LedgerService(db);
      await ledger.post({ userId: user.id, kind: 'adjust', amount: 5 * POINT });
      const login = await api<{ token: string }>(first, 'POST', '/api/auth/login', { username: 'crash-payer', password: 'crash-password-1' });
      const { key } = await api<{ key: string }>(first, 'POST', '/api/keys', { name: 'k' }, login.token);

      mock.enqueue({ fault: 'hang' });
      const client = new OpenAI({ apiKey: key, baseURL: `${first.base}/v1`, maxRetries: 0 });
      const pending = client.chat.completions.create({ model: 'per-call', messages: question, stream: true }).catch(() => undefined);
      await expect.poll(async () => (await db.kysely.selectFrom('reservations').select('request_id').execute()).length, { timeout: 5000 }).toBe(1);
      expect(await ledger.balance(user.id)).toBe(4 * POINT);

      await first.crash();
      await pending;
      child = await startChildServer(env);
      expect(await db.kysely.selectFrom('reservations').select('request_id').execute()).toHaveLength(0);
      expect(await ledger.balance(user.id)).toBe(5 * POINT);
      expect(await ledger.ledgerSum(user.id)).toBe(5 * POINT);
    } finally {
      await child?.crash();
      await db.close();
      await database.drop();
    }
  });
});
