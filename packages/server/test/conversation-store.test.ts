import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationChange } from '../src/chat/change-feed.js';
import { DEFAULT_SETTINGS } from '../src/chat/conversation-settings.js';
import { Conversations } from '../src/chat/conversations/conversations.js';
import { messageView } from '../src/chat/conversations/message-view.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { AppError } from '../src/http/errors.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

/**
 * The conversation store against a real database on every backend: the methods the generation
 * jobs call (add a user message, add and finish an answer, save progress, find stale ones, the
 * path for the context), branching, deleting subtrees, versions and change notifications.
 */
let testDb: TestDatabase;
let db: Db;
let store: Conversations;
/** The store's clock: tests move it, or hold it still to make writes land in one millisecond. */
let now = 1_700_000_000_000;
const changes: Array<{ userId: number; change: ConversationChange }> = [];
let alice: number;
let bob: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const url = testDb.url;
  db = await openDatabase(url.startsWith('sqlite:') ? { kind: 'sqlite', file: url.slice(7) } : { kind: url.startsWith('mysql') ? 'mysql' : 'postgres', url });
  await migrate(db);
  store = new Conversations(db, { publish: (userId, change) => changes.push({ userId, change }) }, () => now);
  alice = await newUser('alice');
  bob = await newUser('bob');
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
});

async function newUser(name: string): Promise<number> {
  await db.kysely
    .insertInto('users')
    .values({ username: name, email: null, password_hash: 'x', role: 'user', group_name: 'normal', status: 'active', created_at: now, updated_at: now })
    .execute();
  return Number((await db.kysely.selectFrom('users').select('id').where('username', '=', name).executeTakeFirstOrThrow()).id);
}

const newConversation = async (userId = alice) => (await store.create(userId, { settings: DEFAULT_SETTINGS })).id;

/** The AppError a call failed with, as status and code. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'resolved';
  } catch (err) {
    if (err instanceof AppError) return `${err.status} ${err.code}`;
    throw err;
  }
}

describe('conversation store', () => {
  it('adds a user message as the current leaf, names the conversation once, and publishes each change', async () => {
    const id = await newConversation();
    changes.length = 0;
    now += 1000;
    const first = await store.addUserMessage(alice, id, { parentId: null, content: '## How do I **sort** a list in Python quickly and correctly?', attachments: [] });
    expect(first).toMatchObject({ role: 'user', status: 'done', parent_id: null, user_id: alice, conversation_id: id });
    let conversation = (await store.get(alice, id))!;
    expect(conversation.title).toBe('How do I sort a list in Python quickly…');
    expect(conversation.title_source).toBe('auto');
    expect(conversation.current_leaf_id).toBe(first.id);
    expect(conversation.updated_at).toBe(now);
    expect(changes).toEqual([{ userId: alice, change: { conversation_id: id, kind: 'changed', updated_at: now } }]);

    const answer = await store.addAssistant(alice, id, { parentId: first.id, model: 'gpt-x', nodeId: 'node-1', requestId: 'req_t' });
    const second = await store.addUserMessage(alice, id, { parentId: answer.id, content: 'And in reverse?', attachments: [{ type: 'image', url: 'https://example.com/a.png' }] });
    conversation = (await store.get(alice, id))!;
    expect(conversation.title).toBe('How do I sort a list in Python quickly…');
    expect(conversation.current_leaf_id).toBe(second.id);
    expect(messageView(second).attachments).toEqual([{ type: 'image', url: 'https://example.com/a.png' }]);

    const titled = (await store.create(alice, { title: 'Mine', settings: DEFAULT_SETTINGS })).id;
    await store.addUserMessage(alice, titled, { parentId: null, content: 'Something else entirely', attachments: [] });
    expect((await store.get(alice, titled))!.title).toBe('Mine');
  });

  it('refuses attachments that are not images by http(s) or inline data URL, or too large together', async () => {
    const id = await newConversation();
    const add = (attachments: unknown) => store.addUserMessage(alice, id, { parentId: null, content: 'x', attachments: attachments as [] });
    const eightMb = `data:image/png;base64,${'A'.repeat(4 * 1024 * 1024)}`;
    for (const bad of [
      [{ type: 'image', url: 'javascript:alert(1)' }],
      [{ type: 'image', url: 'data:image/svg+xml;base64,PHN2Zz4=' }],
      [{ type: 'file', url: 'https://example.com/a.pdf' }],
      [{ type: 'image', url: eightMb }, { type: 'image', url: eightMb }, { type: 'image', url: eightMb }],
    ]) {
      expect(await refusal(add(bad))).toBe('400 validation_failed');
    }
    expect((await store.detail(alice, id))!.messages).toEqual([]);
    const ok = await add([{ type: 'image', url: eightMb }, { type: 'image', url: 'http://example.com/cat.jpg' }]);
    expect(messageView(ok).attachments).toHaveLength(2);
  });

  it('branches: a regenerated answer is a sibling, the path follows the parents, and switching shows a branch to its newest end', async () => {
    const id = await newConversation();
    const u1 = await store.addUserMessage(alice, id, { parentId: null, content: 'Q1', attachments: [] });
    const a1 = await store.addAssistant(alice, id, { parentId: u1.id, model: 'm', nodeId: 'n', requestId: 'req_t' });
    expect(a1).toMatchObject({ role: 'assistant', status: 'generating', content: '', node_id: 'n', heartbeat_at: now, model: 'm' });
    expect(await store.finishAssistant(a1.id, { content: 'A1', status: 'done' })).toBe(true);
    const u2 = await store.addUserMessage(alice, id, { parentId: a1.id, content: 'Q2', attachments: [] });
    const a1b = await store.addAssistant(alice, id, { parentId: u1.id, model: 'm', nodeId: 'n', requestId: 'req_t' });
    expect(await store.finishAssistant(a1b.id, { content: 'A1 again', status: 'done' })).toBe(true);

    expect((await store.get(alice, id))!.current_leaf_id).toBe(a1b.id);
    expect((await store.pathTo(alice, id, u2.id)).map((m) => m.content)).toEqual(['Q1', 'A1', 'Q2']);
    expect((await store.pathTo(alice, id, a1b.id)).map((m) => m.content)).toEqual(['Q1', 'A1 again']);

    expect((await store.update(alice, id, { current_leaf_id: a1.id }))!.current_leaf_id).toBe(u2.id);
    expect((await store.update(alice, id, { current_leaf_id: u1.id }))!.current_leaf_id).toBe(a1b.id);
    const detail = (await store.detail(alice, id))!;
    expect(detail.messages.map((m) => m.content)).toEqual(['Q1', 'A1', 'Q2', 'A1 again']);
    expect(detail.messages.filter((m) => m.parent_id === u1.id)).toHaveLength(2);
  });

  it('finishes an answer exactly once, with everything the answer carries', async () => {
    const id = await newConversation();
    const u = await store.addUserMessage(alice, id, { parentId: null, content: 'hi', attachments: [] });
    const a = await store.addAssistant(alice, id, { parentId: u.id, model: 'gpt-x', nodeId: 'node-1', requestId: 'req_t' });
    now += 10;
    expect(await store.saveProgress(a.id, { content: 'Hel', reasoning: 'thinking', heartbeatAt: now })).toBe(true);
    const saved = (await store.getMessage(alice, a.id))!;
    expect(saved).toMatchObject({ content: 'Hel', reasoning: 'thinking', status: 'generating' });
    expect(Number(saved.heartbeat_at)).toBe(now);

    const answer = {
      content: 'Hello!',
      reasoning: 'thought',
      status: 'done' as const,
      provider: 'OpenAI',
      prompt_tokens: 12,
      completion_tokens: 3,
      cost: 1_500_000,
      plan_item: null,
      latency_ms: 900,
      ttft_ms: 120,
      finish_reason: 'stop',
      error: null,
      request_id: 'req_1',
    };
    // Two nodes finishing one message at once: exactly one succeeds.
    const results = await Promise.all([store.finishAssistant(a.id, answer), store.finishAssistant(a.id, { content: 'other', status: 'interrupted' })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const finished = (await store.getMessage(alice, a.id))!;
    expect(finished.node_id).toBeNull();
    expect(finished.heartbeat_at).toBeNull();
    if (results[0]) {
      expect(messageView(finished)).toMatchObject({
        content: 'Hello!',
        reasoning: 'thought',
        status: 'done',
        model: 'gpt-x',
        provider: 'OpenAI',
        prompt_tokens: 12,
        completion_tokens: 3,
        cost: 1_500_000,
        latency_ms: 900,
        ttft_ms: 120,
        finish_reason: 'stop',
        error: null,
      });
      expect(finished.request_id).toBe('req_1');
    }
    expect(await store.finishAssistant(a.id, answer)).toBe(false);
    expect(await store.saveProgress(a.id, { content: 'late', reasoning: null, heartbeatAt: now })).toBe(false);
    expect(await store.finishAssistant('no-such-message', answer)).toBe(false);
  });

  it('lists answers whose heartbeat stopped, oldest first', async () => {
    const id = await newConversation();
    const u = await store.addUserMessage(alice, id, { parentId: null, content: 'q', attachments: [] });
    now += 1000;
    const old = await store.addAssistant(alice, id, { parentId: u.id, model: 'm', nodeId: 'dead-node', requestId: 'req_t' });
    now += 60_000;
    const fresh = await store.addAssistant(alice, id, { parentId: u.id, model: 'm', nodeId: 'live-node', requestId: 'req_t' });
    const stale = await store.staleGenerating(now - 30_000, 100);
    expect(stale.map((m) => m.id)).toContain(old.id);
    expect(stale.map((m) => m.id)).not.toContain(fresh.id);
    expect(stale.every((m) => m.status === 'generating')).toBe(true);
    await store.finishAssistant(old.id, { content: '', status: 'interrupted' });
    expect((await store.staleGenerating(now - 30_000, 100)).map((m) => m.id)).not.toContain(old.id);
  });

  it("never reaches another user's conversation or message, and checks that a parent belongs to the conversation", async () => {
    const mine = await newConversation();
    const other = await newConversation();
    const u = await store.addUserMessage(alice, mine, { parentId: null, content: 'private', attachments: [] });
    expect(await refusal(store.addUserMessage(bob, mine, { parentId: null, content: 'x', attachments: [] }))).toBe('404 conversation_not_found');
    expect(await refusal(store.addAssistant(bob, mine, { parentId: u.id, model: 'm', nodeId: 'n', requestId: 'req_t' }))).toBe('404 conversation_not_found');
    expect(await refusal(store.addUserMessage(alice, other, { parentId: u.id, content: 'x', attachments: [] }))).toBe('404 message_not_found');
    expect(await refusal(store.addAssistant(alice, other, { parentId: 'missing', model: 'm', nodeId: 'n', requestId: 'req_t' }))).toBe('404 message_not_found');
    expect(await refusal(store.pathTo(bob, mine, u.id))).toBe('404 message_not_found');
    expect(await refusal(store.deleteMessage(bob, mine, u.id))).toBe('404 conversation_not_found');
    expect(await store.getMessage(bob, u.id)).toBeNull();
    expect(await store.getMessage(alice, u.id)).not.toBeNull();
    expect(await store.detail(bob, mine)).toBeUndefined();
    expect(await store.update(bob, mine, { pinned: true })).toBeUndefined();
    expect(await store.remove(bob, mine)).toBe(false);
    expect(await refusal(store.update(alice, other, { current_leaf_id: u.id }))).toBe('404 message_not_found');
  });

  it('deletes a subtree, moves the shown branch to what is left under the parent, and refuses while an answer is generating', async () => {
    const id = await newConversation();
    const u1 = await store.addUserMessage(alice, id, { parentId: null, content: 'Q1', attachments: [] });
    const a1 = await store.addAssistant(alice, id, { parentId: u1.id, model: 'm', nodeId: 'n', requestId: 'req_t' });
    await store.finishAssistant(a1.id, { content: 'A1', status: 'done' });
    const a1b = await store.addAssistant(alice, id, { parentId: u1.id, model: 'm', nodeId: 'n', requestId: 'req_t' });
    await store.finishAssistant(a1b.id, { content: 'A1b', status: 'done' });
    const u2 = await store.addUserMessage(alice, id, { parentId: a1b.id, content: 'Q2', attachments: [] });
    const a2 = await store.addAssistant(alice, id, { parentId: u2.id, model: 'm', nodeId: 'n', requestId: 'req_t' });

    expect(await refusal(store.deleteMessage(alice, id, a1b.id))).toBe('409 message_generating');
    expect((await store.detail(alice, id))!.messages).toHaveLength(5);
    await store.finishAssistant(a2.id, { content: 'A2', status: 'stopped' });

    // The branch shown (…a1b, u2, a2) goes: the newest branch left under u1 is a1.
    const after = await store.deleteMessage(alice, id, a1b.id);
    expect(after.current_leaf_id).toBe(a1.id);
    expect((await store.detail(alice, id))!.messages.map((m) => m.content)).toEqual(['Q1', 'A1']);
    expect(await store.getMessage(alice, u2.id)).toBeNull();

    // Deleting a branch not shown keeps the one shown.
    const other = await store.addAssistant(alice, id, { parentId: u1.id, model: 'm', nodeId: 'n', requestId: 'req_t' });
    await store.finishAssistant(other.id, { content: 'A1c', status: 'done' });
    await store.update(alice, id, { current_leaf_id: a1.id });
    expect((await store.deleteMessage(alice, id, other.id)).current_leaf_id).toBe(a1.id);

    // Deleting the root leaves nothing.
    expect((await store.deleteMessage(alice, id, u1.id)).current_leaf_id).toBeNull();
    expect((await store.detail(alice, id))!.messages).toEqual([]);
    expect(await refusal(store.deleteMessage(alice, id, u1.id))).toBe('404 message_not_found');
  });

  it('moves the version forward on every change, even within one millisecond', async () => {
    const id = await newConversation();
    const versions = new Set<string>();
    const remember = async () => versions.add((await store.version(alice, id))!);
    await remember();
    const frozen = now;
    const u = await store.addUserMessage(alice, id, { parentId: null, content: 'q', attachments: [] });
    await remember();
    const a = await store.addAssistant(alice, id, { parentId: u.id, model: 'm', nodeId: 'n', requestId: 'req_t' });
    await remember();
    await store.saveProgress(a.id, { content: 'p', reasoning: null, heartbeatAt: now });
    await remember();
    await store.saveProgress(a.id, { content: 'pa', reasoning: null, heartbeatAt: now });
    await remember();
    await store.finishAssistant(a.id, { content: 'part', status: 'done' });
    await remember();
    await store.update(alice, id, { pinned: true });
    await remember();
    expect(now).toBe(frozen);
    expect(versions.size).toBe(7);
    const conversation = (await store.get(alice, id))!;
    expect(conversation.updated_at).toBeGreaterThan(frozen);
    // Messages of one conversation keep their order even when written in one millisecond.
    const messages = (await store.detail(alice, id))!.messages;
    expect(messages.map((m) => m.id)).toEqual([u.id, a.id]);
    expect(messages[1]!.created_at).toBeGreaterThan(messages[0]!.created_at);
  });

  it('deletes one conversation or all of them, keeping the rows (for sync) but not the messages', async () => {
    const carol = await newUser('carol');
    const one = await newConversation(carol);
    const two = await newConversation(carol);
    const m = await store.addUserMessage(carol, one, { parentId: null, content: 'gone soon', attachments: [] });
    const kept = await newConversation(bob);
    changes.length = 0;
    now += 1000;
    expect(await store.remove(carol, one)).toBe(true);
    expect(changes).toEqual([{ userId: carol, change: { conversation_id: one, kind: 'deleted', updated_at: now } }]);
    expect(await store.getMessage(carol, m.id)).toBeNull();
    expect(await store.get(carol, one)).toBeUndefined();
    expect(await store.remove(carol, one)).toBe(false);
    const synced = await store.changedSince(carol, now, { limit: 10 });
    expect(synced.data.map((c) => [c.id, c.deleted_at])).toEqual([[one, now]]);

    now += 1000;
    expect(await store.removeAll(carol)).toBe(1);
    expect(changes.at(-1)).toEqual({ userId: carol, change: { conversation_id: null, kind: 'deleted', updated_at: now } });
    expect((await store.list(carol, { limit: 10 })).data).toEqual([]);
    expect((await store.changedSince(carol, now, { limit: 10 })).data.map((c) => c.id)).toEqual([two]);
    expect(await store.get(bob, kept)).toBeDefined();
  });
});
