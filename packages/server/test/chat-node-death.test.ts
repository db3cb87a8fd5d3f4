import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { randomBase62 } from '../src/crypto/tokens.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { openTab } from './event-tab.js';
import { createChannel, createTestDatabase, createUser, ROOT_PASSWORD, startTestServer, stopAll } from './harness.js';

/**
 * W-3: two real nodes on one PostgreSQL and one Redis. An answer generated on node A is
 * watched through node B (its events travel through Redis Streams); A is killed mid-stream
 * (SIGKILL, a real crash). B notices the missing heartbeat, saves what was generated as
 * interrupted, releases the call's reservation, and the user can regenerate.
 * Needs the built server (`npm test` builds first).
 */
const POINT = 1_000_000;
const twoNodes = process.env.SB_TEST_DB === 'postgres' && process.env.SB_TEST_REDIS === '1' && !!process.env.TEST_REDIS_URL;

let mock: MockUpstream | undefined;
let child: ChildServer | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await child?.crash();
  await stopAll();
  await mock?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!twoNodes)('a node that dies mid-answer', () => {
  it('loses no message: another node saves it as interrupted, releases its reservation, and it can be regenerated', async () => {
    const database = await createTestDatabase();
    const redisPrefix = `sbt:${randomBase62(8)}:`;
    const b = await startTestServer({ database, redisPrefix });
    const root = await b.rootToken();
    mock = await startMockUpstream({ apiKeys: ['sk-up'] });
    await createChannel(b, root, { name: 'up', base_url: mock.url, keys: 'sk-up', models: ['slow-model'] });
    await b.api('PUT', '/api/admin/prices/slow-model', { mode: 'request', per_request: POINT }, root);
    const token = await createUser(b, 'survivor');
    const me = (await b.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body;
    await b.ctx.ledger.post({ userId: me.id, kind: 'adjust', amount: 10 * POINT, note: 'test credit' });
    const conversation = (await b.api<{ id: string }>('POST', '/api/chat/conversations', { settings: { model: 'slow-model' } }, token)).body.id;

    // Node A: the built server as a process of its own, on the same database and Redis.
    dataDir = mkdtempSync(join(tmpdir(), 'sb-node-a-'));
    child = await startChildServer({
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      REDIS_PREFIX: redisPrefix,
      SECRET: 'test-secret-that-is-long-enough-0123456789',
      ROOT_PASSWORD,
    });
    const words = Array.from({ length: 100 }, (_, i) => `word${i} `);
    mock.enqueue({ chunks: words, chunkDelayMs: 60 });
    const sent = await child.api<{ assistant_message: { id: string } }>('POST', `/api/chat/conversations/${conversation}/messages`, { content: 'tell me a long story' }, token);
    expect(sent.status).toBe(201);
    const answerId = sent.body.assistant_message.id;

    // Watched through node B while node A generates it.
    const tab = await openTab(b.base, `/api/chat/messages/${answerId}/events`, token);
    await tab.waitFor(6, 10_000);
    await child.crash();
    const seenBeforeCrash = tab.events.filter((e) => e.event === 'delta').length;
    expect(seenBeforeCrash).toBeGreaterThan(0);

    // Node B's sweep finds the answer without a heartbeat (run now as if its interval had passed).
    expect(await b.ctx.jobs.sweep(Date.now() + 60_000)).toBe(1);
    await tab.ended;
    const end = tab.events.at(-1)!;
    expect(end.event).toBe('end');
    const saved = JSON.parse(end.data) as { status: string; content: string; error: string; error_code: string };
    expect(saved.status).toBe('interrupted');
    expect(saved.error_code).toBe('interrupted');
    expect(saved.error).toMatch(/continue or regenerate/);
    const delivered = tab.events
      .filter((e) => e.event === 'delta')
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
      .join('');
    // Everything node A generated before it died is kept (the tab may have seen less of it).
    expect(saved.content.startsWith(delivered)).toBe(true);
    expect(words.join('').startsWith(saved.content)).toBe(true);
    expect(saved.content.length).toBeGreaterThan(0);
    // Nothing delivered can be proven: the reservation is released, nothing is charged.
    expect(await b.ctx.db.kysely.selectFrom('reservations').selectAll().where('user_id', '=', me.id).execute()).toHaveLength(0);
    expect((await b.api<{ balance: number }>('GET', '/api/billing/balance', undefined, token)).body.balance).toBe(10 * POINT);
    // A second sweep finds nothing: the message is finished exactly once.
    expect(await b.ctx.jobs.sweep(Date.now() + 60_000)).toBe(0);

    // The user regenerates on the surviving node.
    mock.enqueue({ text: 'A short story.' });
    const again = await b.api<{ assistant_message: { id: string } }>('POST', `/api/chat/conversations/${conversation}/messages/${answerId}/regenerate`, undefined, token);
    expect(again.status).toBe(201);
    const retold = await openTab(b.base, `/api/chat/messages/${again.body.assistant_message.id}/events`, token);
    await retold.ended;
    expect(JSON.parse(retold.events.at(-1)!.data)).toMatchObject({ status: 'done', content: 'A short story.' });
  }, 60_000);
});
