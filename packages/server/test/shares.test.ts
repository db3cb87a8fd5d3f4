import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Shares (W-8) through the real server, on every backend: a snapshot of a whole conversation or
 * of the path to one message, read signed out without the owner or the conversation behind it,
 * forked into a conversation of the reader, kept when the conversation is deleted, gone when the
 * share is; large inline images left out with a note; another user never lists or deletes it.
 */
let server: TestServer;

interface SharedMessage {
  role: string;
  content: string;
  reasoning: string | null;
  attachments: Array<{ type: string; url: string }>;
  model: string | null;
  created_at: number;
  note: string | null;
}
interface Share {
  id: string;
  title: string;
  conversation_id: string;
  message_id: string | null;
  created_at: number;
}
interface PublicShare {
  id: string;
  title: string;
  messages: SharedMessage[];
  created_at: number;
}
interface Detail {
  id: string;
  title: string;
  current_leaf_id: string | null;
  messages: Array<{ id: string; parent_id: string | null; role: string; content: string; status: string; model: string | null; attachments: unknown[] }>;
}
type ApiError = { error: { code: string; message: string } };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(stopAll);

let users = 0;
async function user(): Promise<{ id: number; token: string }> {
  const token = await createUser(server, `share${++users}`);
  const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  return { id, token };
}

/** A conversation "Q1 → A1 → Q2 → A2" with a regenerated A1' beside A1, written as the generation jobs write it. */
async function conversation(owner: { id: number; token: string }) {
  const store = server.ctx.conversations;
  const c = (await server.api<Detail>('POST', '/api/chat/conversations', {}, owner.token)).body;
  const answer = async (parentId: string, content: string) => {
    const a = await store.addAssistant(owner.id, c.id, { parentId, model: 'gpt-test', nodeId: 'n', requestId: 'req_t' });
    await store.finishAssistant(a.id, { content, reasoning: `thinking about ${content}`, status: 'done', cost: 1_000 });
    return a.id;
  };
  const q1 = (await store.addUserMessage(owner.id, c.id, { parentId: null, content: 'Plan a trip to Kyoto', attachments: [{ type: 'image', url: 'https://example.com/map.png' }] })).id;
  const a1 = await answer(q1, 'Day 1: temples.');
  const q2 = (await store.addUserMessage(owner.id, c.id, { parentId: a1, content: 'And day 2?', attachments: [] })).id;
  const a2 = await answer(q2, 'Day 2: markets.');
  const a1b = await answer(q1, 'Day 1: gardens.');
  await server.api('PATCH', `/api/chat/conversations/${c.id}`, { current_leaf_id: a2 }, owner.token);
  return { id: c.id, q1, a1, q2, a2, a1b };
}

const share = (token: string, conversationId: string, body: unknown = {}) => server.api<Share & ApiError>('POST', `/api/chat/conversations/${conversationId}/shares`, body, token);
const read = (id: string) => server.api<PublicShare & ApiError>('GET', `/api/shares/${id}`);

describe('shares', () => {
  it('snapshots the branch shown, or the path to a message, under a random 22-character id', async () => {
    const me = await user();
    const c = await conversation(me);
    const whole = await share(me.token, c.id);
    expect(whole.status).toBe(201);
    expect(whole.body).toMatchObject({ title: 'Plan a trip to Kyoto', conversation_id: c.id, message_id: null });
    expect(whole.body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const upTo = await share(me.token, c.id, { message_id: c.a1b });
    expect(upTo.status).toBe(201);
    expect(upTo.body.message_id).toBe(c.a1b);
    expect(upTo.body.id).not.toBe(whole.body.id);

    const wholeRead = await read(whole.body.id);
    expect(wholeRead.status).toBe(200);
    expect(wholeRead.body.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Plan a trip to Kyoto'],
      ['assistant', 'Day 1: temples.'],
      ['user', 'And day 2?'],
      ['assistant', 'Day 2: markets.'],
    ]);
    expect(wholeRead.body.messages[0]).toMatchObject({ attachments: [{ type: 'image', url: 'https://example.com/map.png' }], note: null, model: null });
    expect(wholeRead.body.messages[1]).toMatchObject({ reasoning: 'thinking about Day 1: temples.', model: 'gpt-test' });
    expect((await read(upTo.body.id)).body.messages.map((m) => m.content)).toEqual(['Plan a trip to Kyoto', 'Day 1: gardens.']);
  });

  it('is read signed out, and tells nothing of its owner or the conversation behind it', async () => {
    const me = await user();
    const c = await conversation(me);
    const made = (await share(me.token, c.id)).body;
    const res = await fetch(`${server.base}/api/shares/${made.id}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['created_at', 'id', 'messages', 'title']);
    expect(text).not.toContain(c.id);
    expect(text).not.toContain(c.q1);
    expect(text).not.toContain('"user_id"');
    expect(text).not.toContain('"cost"');
  });

  it('stays readable after the conversation is deleted or changed; deleting the share ends it', async () => {
    const me = await user();
    const c = await conversation(me);
    const made = (await share(me.token, c.id)).body;
    await server.api('DELETE', `/api/chat/conversations/${c.id}/messages/${c.q2}`, undefined, me.token);
    expect((await read(made.id)).body.messages).toHaveLength(4);
    expect((await server.api('DELETE', `/api/chat/conversations/${c.id}`, undefined, me.token)).status).toBe(204);
    expect((await read(made.id)).status).toBe(200);
    expect((await server.api<{ data: Share[] }>('GET', '/api/chat/shares', undefined, me.token)).body.data.map((s) => s.id)).toEqual([made.id]);

    expect((await server.api('DELETE', `/api/chat/shares/${made.id}`, undefined, me.token)).status).toBe(204);
    const gone = await read(made.id);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('share_not_found');
    expect((await server.api('DELETE', `/api/chat/shares/${made.id}`, undefined, me.token)).status).toBe(404);
    expect((await server.api<{ data: Share[] }>('GET', '/api/chat/shares', undefined, me.token)).body.data).toEqual([]);
  });

  it('forks into a new conversation of the reader, as one branch of finished messages', async () => {
    const owner = await user();
    const reader = await user();
    const c = await conversation(owner);
    const made = (await share(owner.token, c.id)).body;
    const fork = await server.api<Detail>('POST', `/api/shares/${made.id}/fork`, undefined, reader.token);
    expect(fork.status).toBe(201);
    expect(fork.body.id).not.toBe(c.id);
    expect(fork.body.title).toBe('Plan a trip to Kyoto');
    const messages = fork.body.messages;
    expect(messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Plan a trip to Kyoto', 'done'],
      ['assistant', 'Day 1: temples.', 'done'],
      ['user', 'And day 2?', 'done'],
      ['assistant', 'Day 2: markets.', 'done'],
    ]);
    expect(messages.map((m) => m.parent_id)).toEqual([null, messages[0]!.id, messages[1]!.id, messages[2]!.id]);
    expect(fork.body.current_leaf_id).toBe(messages[3]!.id);
    expect(messages[0]!.attachments).toEqual([{ type: 'image', url: 'https://example.com/map.png' }]);

    // The fork is the reader's own: listed for them, continued like any conversation, not the owner's.
    const listed = await server.api<{ data: Array<{ id: string }> }>('GET', '/api/chat/conversations', undefined, reader.token);
    expect(listed.body.data.map((x) => x.id)).toEqual([fork.body.id]);
    await server.ctx.conversations.addUserMessage(reader.id, fork.body.id, { parentId: messages[3]!.id, content: 'Day 3?', attachments: [] });
    expect((await server.api('GET', `/api/chat/conversations/${fork.body.id}`, undefined, owner.token)).status).toBe(404);
    expect((await server.api('GET', `/api/chat/conversations/${c.id}`, undefined, owner.token)).status).toBe(200);

    expect((await server.api<ApiError>('POST', '/api/shares/no-such-share/fork', undefined, reader.token)).status).toBe(404);
    expect((await server.api('POST', `/api/shares/${made.id}/fork`)).status).toBe(401);
  });

  it('leaves inline images over 1 MB out with a note, and keeps smaller ones', async () => {
    const me = await user();
    const c = (await server.api<Detail>('POST', '/api/chat/conversations', {}, me.token)).body;
    const small = `data:image/png;base64,${'A'.repeat(1000)}`;
    const large = `data:image/png;base64,${'B'.repeat(1024 * 1024)}`;
    await server.ctx.conversations.addUserMessage(me.id, c.id, {
      parentId: null,
      content: 'look',
      attachments: [
        { type: 'image', url: small },
        { type: 'image', url: large },
        { type: 'image', url: 'https://example.com/x.png' },
      ],
    });
    const made = (await share(me.token, c.id)).body;
    const [message] = (await read(made.id)).body.messages;
    expect(message!.attachments.map((a) => a.url)).toEqual([small, 'https://example.com/x.png']);
    expect(message!.note).toBe('1 inline image over 1 MB left out');
  });

  it('refuses an empty conversation, a message being generated, and a message not in the conversation', async () => {
    const me = await user();
    const empty = (await server.api<Detail>('POST', '/api/chat/conversations', {}, me.token)).body;
    const none = await share(me.token, empty.id);
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('conversation_empty');

    const c = await conversation(me);
    const pending = await server.ctx.conversations.addAssistant(me.id, c.id, { parentId: c.q2, model: 'm', nodeId: 'n', requestId: 'req_t' });
    const generating = await share(me.token, c.id);
    expect(generating.status).toBe(409);
    expect(generating.body.error.code).toBe('message_generating');
    await server.ctx.conversations.finishAssistant(pending.id, { content: 'done now', status: 'done' });
    expect((await share(me.token, c.id)).status).toBe(201);

    const elsewhere = await conversation(me);
    const foreign = await share(me.token, c.id, { message_id: elsewhere.a1 });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('message_not_found');
    expect((await share(me.token, c.id, { message_id: '' })).status).toBe(400);
  });

  it('lists the caller\'s shares newest first in pages', async () => {
    const me = await user();
    const c = await conversation(me);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await share(me.token, c.id)).body.id);
      await new Promise((r) => setTimeout(r, 2));
    }
    const first = await server.api<{ data: Share[]; next_cursor: string | null }>('GET', '/api/chat/shares?limit=3', undefined, me.token);
    const rest = await server.api<{ data: Share[]; next_cursor: string | null }>('GET', `/api/chat/shares?limit=3&cursor=${encodeURIComponent(first.body.next_cursor!)}`, undefined, me.token);
    expect([...first.body.data, ...rest.body.data].map((s) => s.id)).toEqual([...made].reverse());
    expect(rest.body.next_cursor).toBeNull();
  });

  it("never lists or deletes another user's share, answering as for a missing one; anyone signed in may fork it", async () => {
    const owner = await user();
    const intruder = await user();
    const c = await conversation(owner);
    const made = (await share(owner.token, c.id)).body;
    const theirs = await server.api<ApiError>('DELETE', `/api/chat/shares/${made.id}`, undefined, intruder.token);
    const missing = await server.api<ApiError>('DELETE', '/api/chat/shares/AAAAAAAAAAAAAAAAAAAAAA', undefined, intruder.token);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('share_not_found');
    expect(missing.body.error.code).toBe(theirs.body.error.code);
    expect((await server.api<{ data: Share[] }>('GET', '/api/chat/shares', undefined, intruder.token)).body.data).toEqual([]);
    expect((await share(intruder.token, c.id)).status).toBe(404);
    expect((await read(made.id)).status).toBe(200);
    expect((await server.api('POST', `/api/shares/${made.id}/fork`, undefined, intruder.token)).status).toBe(201);
  });
});
