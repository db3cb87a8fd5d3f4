import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBase62, sha256Hex } from '../src/crypto/tokens.js';
import { BLOCKED_ADDRESS_LOOKUPS } from '../src/relay/v1-auth.js';
import { createChannel, createKey, createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Per-key limits (B-10) and the bad-key block (O-6) through the real server: a key's spending
 * cap is exact under concurrency and counts what settles, RPM/TPM windows refuse with 429 and
 * Retry-After, one account's running calls are capped, and an address guessing keys is shut out.
 */
const POINT = 1_000_000;
let server: TestServer;
let root: string;
let mock: MockOpenAI;

beforeAll(async () => {
  server = await startTestServer({ env: { BAD_KEY_LIMIT_PER_20MIN: '5' } });
  root = await server.rootToken();
  mock = await startMockOpenAI({ apiKeys: ['sk-limits-upstream'] });
  await createChannel(server, root, { name: 'limits', base_url: mock.url, keys: 'sk-limits-upstream', models: ['per-call', 'per-token', 'free-model'] });
  await server.api('PUT', '/api/admin/prices/per-call', { mode: 'request', per_request: POINT }, root);
  await server.api('PUT', '/api/admin/prices/per-token', { mode: 'token', input: 1000 * POINT, output: 1000 * POINT, unit_tokens: 1000000 }, root);
  await server.api('PUT', '/api/admin/prices/free-model', { mode: 'free' }, root);
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

let users = 0;
async function fundedUser(points: number): Promise<{ id: number; token: string }> {
  const token = await createUser(server, `limited${++users}`);
  const me = await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token);
  await server.ctx.ledger.post({ userId: me.body.id, kind: 'adjust', amount: points * POINT });
  return { id: me.body.id, token };
}

interface KeyView {
  id: number;
  quota_limit: number | null;
  quota_used: number;
  rpm: number | null;
  tpm: number | null;
}

async function keyView(token: string): Promise<KeyView> {
  const res = await server.api<{ data: KeyView[] }>('GET', '/api/keys', undefined, token);
  return res.body.data[0]!;
}

const question = [{ role: 'user' as const, content: 'hi' }];
const call = (client: OpenAI, model = 'per-call') =>
  client.chat.completions.create({ model, messages: question }).then(
    () => 200,
    (e: { status?: number; code?: string }) => e.status ?? 0,
  );

async function settled(userId: number): Promise<void> {
  const held = async () => (await server.ctx.db.kysely.selectFrom('reservations').select('request_id').where('user_id', '=', userId).execute()).length;
  await expect.poll(held, { timeout: 5000 }).toBe(0);
}

describe('API key spending cap', () => {
  it('refuses calls past the cap with 402 key_quota_exceeded and counts exactly what settled', async () => {
    const { id, token } = await fundedUser(100);
    const client = server.openai(await createKey(server, token, { quota_limit: 3 * POINT }));
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await call(client));
    expect(outcomes).toEqual([200, 200, 200, 402]);
    const refused = await fetch(`${server.base}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'per-call', messages: question }),
    });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('key_quota_exceeded');
    await settled(id);
    expect((await keyView(token)).quota_used).toBe(3 * POINT);
    expect(await server.ctx.ledger.balance(id)).toBe(97 * POINT); // the account paid for three, not four
    expect(mock.requests).toHaveLength(3);
  });

  it('is exact under 40 parallel calls: a cap of 5 lets exactly 5 through', async () => {
    const { id, token } = await fundedUser(100);
    const client = server.openai(await createKey(server, token, { quota_limit: 5 * POINT }));
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => call(client)));
    expect(outcomes.filter((s) => s === 200)).toHaveLength(5);
    expect(outcomes.filter((s) => s === 402)).toHaveLength(35);
    await settled(id);
    expect((await keyView(token)).quota_used).toBe(5 * POINT);
    expect(await server.ctx.ledger.balance(id)).toBe(95 * POINT);
    expect(await server.ctx.ledger.ledgerSum(id)).toBe(95 * POINT);
  });

  it('answers every one of 60 parallel calls through one capped key with room for all: reservations and settlements never wait on each other in a circle', async () => {
    // Reserving and settling lock the balance row and the key row; taken in opposite orders, they
    // deadlocked under this load on PostgreSQL and MariaDB (500s, or a second per deadlock).
    const { id, token } = await fundedUser(1000);
    const client = server.openai(await createKey(server, token, { quota_limit: 500 * POINT }));
    const outcomes = await Promise.all(Array.from({ length: 60 }, () => call(client, 'per-token')));
    expect(outcomes.filter((s) => s !== 200)).toEqual([]);
    await settled(id);
    const spent = 1000 * POINT - (await server.ctx.ledger.balance(id));
    expect(spent).toBeGreaterThan(0);
    expect((await keyView(token)).quota_used).toBe(spent);
    expect(await server.ctx.ledger.ledgerSum(id)).toBe(1000 * POINT - spent);
  });

  it('returns what a call did not use: a failed call leaves the cap untouched', async () => {
    const { id, token } = await fundedUser(10);
    const client = server.openai(await createKey(server, token, { quota_limit: 2 * POINT }));
    mock.enqueue({ status: 500 });
    expect(await call(client)).toBe(502);
    await settled(id);
    expect((await keyView(token)).quota_used).toBe(0);
    expect(await call(client)).toBe(200);
    expect(await call(client)).toBe(200);
    expect(await call(client)).toBe(402);
  });

  it('holds less than the estimate when the cap allows at least the minimum, then charges the exact cost', async () => {
    const { id, token } = await fundedUser(100);
    // Token pricing: 1 point per 1K tokens each way; the minimum is 1K in + 1K out = 2 points.
    const client = server.openai(await createKey(server, token, { quota_limit: 3 * POINT }));
    mock.enqueue({ usage: { prompt_tokens: 100, completion_tokens: 200 } });
    const answer = await client.chat.completions.create({ model: 'per-token', messages: question, max_tokens: 100_000 });
    expect(answer.choices[0]!.message.content).toBeTruthy();
    await settled(id);
    expect((await keyView(token)).quota_used).toBe(300_000); // 300 tokens at 1 point per 1K
  });

  it('free models are not counted, and resetting the count lets a capped key spend again', async () => {
    const { id, token } = await fundedUser(10);
    const client = server.openai(await createKey(server, token, { quota_limit: 1 * POINT }));
    expect(await call(client)).toBe(200);
    expect(await call(client)).toBe(402);
    expect(await call(client, 'free-model')).toBe(200);
    await settled(id);
    const key = await keyView(token);
    expect(key.quota_used).toBe(POINT);
    const reset = await server.api<KeyView>('PATCH', `/api/keys/${key.id}`, { reset_quota_used: true }, token);
    expect(reset.status).toBe(200);
    expect(reset.body.quota_used).toBe(0);
    expect(await call(client)).toBe(200);
  });

  it('rejects a negative or fractional cap with 400 and changes nothing', async () => {
    const { token } = await fundedUser(1);
    await createKey(server, token, { quota_limit: POINT });
    const key = await keyView(token);
    for (const bad of [{ quota_limit: -1 }, { quota_limit: 1.5 }, { rpm: 0 }, { tpm: 'many' }]) {
      const res = await server.api<{ error: { message: string } }>('PATCH', `/api/keys/${key.id}`, bad, token);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/quota_limit|rpm|tpm/);
    }
    expect(await keyView(token)).toMatchObject({ quota_limit: POINT, rpm: null, tpm: null });
  });
});

describe('rates and running calls', () => {
  it('refuses the request past the RPM with 429 and Retry-After; other keys are not affected', async () => {
    const { token } = await fundedUser(100);
    const limited = await createKey(server, token, { rpm: 2 });
    const other = server.openai(await createKey(server, token));
    const send = () =>
      fetch(`${server.base}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${limited}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'free-model', messages: question }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const third = await send();
    // A window that just rolled over would let it through; the next request then proves the limit.
    const refused = third.status === 429 ? third : await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(await call(other, 'free-model')).toBe(200);
  });

  it('refuses once the minute has used up the TPM, counting input and output tokens', async () => {
    const { token } = await fundedUser(100);
    const client = server.openai(await createKey(server, token, { tpm: 50 }));
    mock.enqueue({ usage: { prompt_tokens: 30, completion_tokens: 30 } });
    expect(await call(client, 'free-model')).toBe(200);
    await expect.poll(() => call(client, 'free-model'), { timeout: 3000 }).toBe(429);
  });

  it('lets one account run at most MAX_CONCURRENT_PER_USER calls at once', async () => {
    const capped = await startTestServer({ env: { MAX_CONCURRENT_PER_USER: '2' } });
    await createChannel(capped, await capped.rootToken(), { name: 'limits', base_url: mock.url, keys: 'sk-limits-upstream', models: ['free-model'] });
    await capped.api('PUT', '/api/admin/prices/free-model', { mode: 'free' }, await capped.rootToken());
    const client = capped.openai(await createKey(capped, await createUser(capped, 'runner')));
    const slow = { chunks: Array.from({ length: 10 }, (_, i) => `w${i} `), chunkDelayMs: 40 };
    mock.enqueue(slow);
    mock.enqueue(slow);
    const running = [
      client.chat.completions.create({ model: 'free-model', messages: question, stream: true }),
      client.chat.completions.create({ model: 'free-model', messages: question, stream: true }),
    ];
    const streams = await Promise.all(running);
    expect(await call(client, 'free-model')).toBe(429);
    for (const s of streams) for await (const _ of s) void _;
    await expect.poll(() => call(client, 'free-model'), { timeout: 3000 }).toBe(200);
  });
});

describe('bad-key block', () => {
  it('shuts an address out after repeated unknown keys; keys this node already served keep working', async () => {
    const { token } = await fundedUser(1);
    const good = await createKey(server, token);
    const models = (key: string) => fetch(`${server.base}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect((await models(good)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await models(`sk-guess${i}${'x'.repeat(40)}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await models('sk-another-guess');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('ip_blocked');
    expect((await models(good)).status).toBe(200);
  });
});

describe('bad-key block behind a shared address', () => {
  let office: TestServer;
  let owner: string;
  let ownerId: number;
  beforeAll(async () => {
    // Behind a trusted proxy the client address comes from X-Forwarded-For: one address per test.
    office = await startTestServer({ env: { BAD_KEY_LIMIT_PER_20MIN: '5', TRUST_PROXY: 'true' } });
    owner = await createUser(office, 'office');
    ownerId = (await office.api<{ id: number }>('GET', '/api/auth/me', undefined, owner)).body.id;
  });
  // The limits count in fixed windows; time stands still in these tests, so no window ends inside one.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const models = (key: string, ip: string) =>
    fetch(`${office.base}/v1/models`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': ip } });
  const guess = () => `sk-${randomBase62(48)}`;
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  async function block(ip: string): Promise<void> {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await models(guess(), ip)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  }

  /** A key as issued before keys carried a tag: only the database can tell it is valid. */
  async function untaggedKey(): Promise<string> {
    const key = `sk-${randomBase62(48)}`;
    const now = Date.now();
    await office.ctx.db.kysely
      .insertInto('api_keys')
      .values({
        user_id: ownerId, name: 'old', key_hash: sha256Hex(key), key_hint: 'sk-old', status: 'active', expires_at: null,
        models: null, allow_ips: null, quota_limit: null, quota_used: 0, rpm: null, tpm: null,
        created_at: now, updated_at: now, last_used_at: null,
      })
      .execute();
    return key;
  }

  it('serves a valid key this node has never seen from a blocked address, while unknown keys stay 429 ip_blocked', async () => {
    const ip = '192.0.2.10';
    await block(ip);
    // More guesses than the blocked address may have looked up: none is told 401.
    for (let i = 0; i < 2 * BLOCKED_ADDRESS_LOOKUPS.limit + 1; i++) {
      const refused = await models(guess(), ip);
      expect(refused.status).toBe(429);
      expect(await code(refused)).toBe('ip_blocked');
    }
    const fresh = await createKey(office, owner);
    expect((await models(fresh, ip)).status).toBe(200);
    expect((await models(guess(), '192.0.2.11')).status).toBe(401); // other addresses are not blocked
  });

  it('looks up keys from before tags too, but only a few per minute from a blocked address', async () => {
    const ip = '192.0.2.20';
    await block(ip);
    expect((await models(await untaggedKey(), ip)).status).toBe(200);
    const lookups = vi.spyOn(office.ctx.keys, 'resolve');
    try {
      for (let i = 0; i < 30; i++) {
        const refused = await models(guess(), ip);
        expect(refused.status).toBe(429);
        expect(await code(refused)).toBe('ip_blocked');
      }
      // At most the minute's allowance, not one lookup per guess.
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(BLOCKED_ADDRESS_LOOKUPS.limit);
    } finally {
      lookups.mockRestore();
    }
    // With the allowance spent, an old key waits for the next minute; an issued one does not.
    const waiting = await models(await untaggedKey(), ip);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await models(await createKey(office, owner), ip)).status).toBe(200);
  });
});
