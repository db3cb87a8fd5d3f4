import type { SseEvent } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationChange } from '../src/chat/change-feed.js';
import { randomBase62 } from '../src/crypto/tokens.js';
import { openTab as openTabAt, type Tab } from './event-tab.js';
import { createTestDatabase, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * GET /api/chat/events (W-9): every open tab of a user learns of each change of their
 * conversations, published on any node, and nobody else's. The conversation store publishes
 * through `ctx.chatChanges` (the ChangeFeed); these tests publish the same way.
 */
const redis = process.env.SB_TEST_REDIS === '1' && !!process.env.TEST_REDIS_URL;

const openTab = (server: TestServer, token: string | undefined): Promise<Tab> => openTabAt(server.base, '/api/chat/events', token);

async function signUp(server: TestServer, name: string): Promise<{ id: number; token: string }> {
  const root = await server.rootToken();
  const made = await server.api<{ id: number }>('POST', '/api/admin/users', { username: name, email: `${name}@example.com`, password: 'password-for-tests-1' }, root);
  const login = await server.api<{ token: string }>('POST', '/api/auth/login', { username: name, password: 'password-for-tests-1' });
  return { id: made.body.id, token: login.body.token };
}

const change = (id: string | null, at: number, kind: ConversationChange['kind'] = 'changed'): ConversationChange => ({ conversation_id: id, kind, updated_at: at });
const data = (events: SseEvent[]) => events.map((e) => [e.event, JSON.parse(e.data) as unknown]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the per-user change stream', () => {
  let server: TestServer;
  let alice: { id: number; token: string };
  let bob: { id: number; token: string };

  beforeAll(async () => {
    server = await startTestServer({ env: { KEEPALIVE_INTERVAL_SEC: '0.1' } });
    alice = await signUp(server, 'alice');
    bob = await signUp(server, 'bob');
  });
  afterAll(stopAll);

  it("tells every tab of a user about that user's changes, and no one else", async () => {
    const aliceTab1 = await openTab(server, alice.token);
    const aliceTab2 = await openTab(server, alice.token);
    const bobTab = await openTab(server, bob.token);
    expect(aliceTab1.status).toBe(200);
    expect(aliceTab1.contentType).toBe('text/event-stream; charset=utf-8');
    expect(aliceTab1.accelBuffering).toBe('no');

    server.ctx.chatChanges.publish(alice.id, change('c-1', 1000));
    server.ctx.chatChanges.publish(bob.id, change('c-9', 1500));
    server.ctx.chatChanges.publish(alice.id, change(null, 2000, 'deleted'));
    const expected = [
      ['changed', { conversation_id: 'c-1', kind: 'changed', updated_at: 1000 }],
      ['changed', { conversation_id: null, kind: 'deleted', updated_at: 2000 }],
    ];
    expect(data(await aliceTab1.waitFor(2))).toEqual(expected);
    expect(data(await aliceTab2.waitFor(2))).toEqual(expected);
    expect(data(await bobTab.waitFor(1))).toEqual([['changed', { conversation_id: 'c-9', kind: 'changed', updated_at: 1500 }]]);
    await sleep(100);
    expect(bobTab.events).toHaveLength(1);
    expect(aliceTab1.events).toHaveLength(2);
    for (const tab of [aliceTab1, aliceTab2, bobTab]) tab.close();
  });

  it('keeps a quiet stream alive with comments', async () => {
    const tab = await openTab(server, alice.token);
    await sleep(350);
    expect(tab.comments()).toBeGreaterThanOrEqual(2);
    tab.close();
  });

  it('refuses a caller without a session in the /api error shape', async () => {
    const res = await server.api<{ error: { code: string } }>('GET', '/api/chat/events');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    const forged = await server.api<{ error: { code: string } }>('GET', '/api/chat/events', undefined, 'not-a-session');
    expect(forged.status).toBe(401);
  });

  it('ends the stream when its session ends', async () => {
    const login = await server.api<{ token: string }>('POST', '/api/auth/login', { username: 'alice', password: 'password-for-tests-1' });
    const tab = await openTab(server, login.body.token);
    await server.api('POST', '/api/auth/logout', undefined, login.body.token);
    await Promise.race([tab.ended, sleep(2000).then(() => Promise.reject(new Error('the stream outlived its session')))]);
    server.ctx.chatChanges.publish(alice.id, change('c-2', 3000));
    await sleep(100);
    expect(tab.events).toHaveLength(0);
  });

  it('documents the route as an event stream', async () => {
    const doc = await server.api<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> }>('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/chat/events']!.get!.responses['200']!.content!)).toEqual(['text/event-stream']);
  });

  it('ends open streams when the server closes, without waiting for their clients', async () => {
    const other = await startTestServer();
    const carol = await signUp(other, 'carol');
    const tab = await openTab(other, carol.token);
    const started = Date.now();
    await other.close();
    await tab.ended;
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe.runIf(redis)('the per-user change stream across nodes', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const redisPrefix = `sbt:${randomBase62(8)}:`;
    a = await startTestServer({ database, redisPrefix });
    b = await startTestServer({ database, redisPrefix });
    afterAll(() => database.drop());
  });
  afterAll(stopAll);

  it('delivers a change published on node A to the tabs open on node B, and only to their user', async () => {
    const dave = await signUp(a, 'dave');
    const erin = await signUp(a, 'erin');
    const onB = await openTab(b, dave.token);
    const onA = await openTab(a, dave.token);
    const erinOnB = await openTab(b, erin.token);
    a.ctx.chatChanges.publish(dave.id, change('c-7', 7000));
    const expected = [['changed', { conversation_id: 'c-7', kind: 'changed', updated_at: 7000 }]];
    expect(data(await onB.waitFor(1))).toEqual(expected);
    expect(data(await onA.waitFor(1))).toEqual(expected);
    await sleep(100);
    expect(erinOnB.events).toHaveLength(0);
    for (const tab of [onA, onB, erinOnB]) tab.close();
  });
});
