import type { SseEvent } from '@switchboard/protocol';
import { startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTab } from './event-tab.js';
import { createChannel, createTestDatabase, createUser, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * Chatting (W-2, W-3) through the real server, as the web app does it: a message starts a job
 * that answers on its own; the answer's events are read (and re-read after a drop, with
 * Last-Event-ID) from GET /api/chat/messages/{id}/events; regenerate and edit make branches;
 * stop ends a job and settles what was delivered; and the calls go through the relay core
 * like /v1 calls (price, balance, usage row "chat").
 */
const POINT = 1_000_000;
let server: TestServer;
let root: string;
let mock: MockUpstream;

interface Message {
  id: string;
  parent_id: string | null;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string | null;
  status: string;
  model: string | null;
  provider: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost: number | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  finish_reason: string | null;
  error: string | null;
  error_code: string | null;
  plan_item: string | null;
}
interface Conversation {
  id: string;
  title: string;
  title_source: string;
  current_leaf_id: string | null;
  messages: Message[];
}
interface Started {
  user_message?: Message;
  assistant_message: Message;
}
type ApiError = { error: { code: string; message: string } };

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  mock = await startMockUpstream({ apiKeys: ['sk-up'] });
  await createChannel(server, root, { name: 'up', base_url: mock.url, keys: 'sk-up', models: ['chat-model', 'token-model', 'title-model'] });
  await server.api('PUT', '/api/admin/prices/chat-model', { mode: 'request', per_request: POINT }, root);
  await server.api('PUT', '/api/admin/prices/token-model', { mode: 'token', input: POINT, output: POINT, unit_tokens: 1000 }, root);
  await server.api('PUT', '/api/admin/prices/title-model', { mode: 'free' }, root);
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

let users = 0;
async function user(points = 100): Promise<{ id: number; token: string }> {
  const token = await createUser(server, `chatter${++users}`);
  const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  if (points) await server.ctx.ledger.post({ userId: id, kind: 'adjust', amount: points * POINT, note: 'test credit' });
  return { id, token };
}

async function conversation(token: string, settings: Record<string, unknown> = { model: 'chat-model' }): Promise<string> {
  const res = await server.api<Conversation>('POST', '/api/chat/conversations', { settings }, token);
  expect(res.status).toBe(201);
  return res.body.id;
}

const send = (token: string, id: string, body: Record<string, unknown>) => server.api<Started & ApiError>('POST', `/api/chat/conversations/${id}/messages`, body, token);
const detail = async (token: string, id: string) => (await server.api<Conversation>('GET', `/api/chat/conversations/${id}`, undefined, token)).body;
const balance = async (token: string) => (await server.api<{ balance: number }>('GET', '/api/billing/balance', undefined, token)).body.balance;

/** Every event of an answer, read to its end. */
async function events(token: string, messageId: string, lastEventId?: string): Promise<SseEvent[]> {
  const tab = await openTab(server.base, `/api/chat/messages/${messageId}/events`, token, lastEventId ? { 'last-event-id': lastEventId } : {});
  expect(tab.status).toBe(200);
  await tab.ended;
  return tab.events;
}

const text = (list: readonly SseEvent[]) =>
  list
    .filter((e) => e.event === 'delta')
    .map((e) => (JSON.parse(e.data) as { text: string }).text)
    .join('');
const endOf = (list: readonly SseEvent[]) => JSON.parse(list.at(-1)!.data) as Message;

/** Waits until the answer is no longer generating; answers it as saved. */
async function settled(token: string, conversationId: string, messageId: string): Promise<Message> {
  for (let i = 0; i < 300; i++) {
    const found = (await detail(token, conversationId)).messages.find((m) => m.id === messageId);
    if (found && found.status !== 'generating') return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`answer ${messageId} never finished`);
}

describe('sending a message', () => {
  it('stores the question, answers it in a job, and the answer streams as events with ids', async () => {
    const me = await user();
    const id = await conversation(me.token);
    mock.enqueue({ text: 'The capital of France is Paris.', reasoning: 'Simple geography.' });
    const started = await send(me.token, id, { content: 'What is the capital of France?' });
    expect(started.status).toBe(201);
    expect(started.body.user_message).toMatchObject({ role: 'user', content: 'What is the capital of France?', parent_id: null, status: 'done' });
    expect(started.body.assistant_message).toMatchObject({ role: 'assistant', status: 'generating', model: 'chat-model', parent_id: started.body.user_message!.id });

    const answer = await events(me.token, started.body.assistant_message.id);
    expect(answer[0]).toMatchObject({ event: 'start' });
    expect(text(answer)).toBe('The capital of France is Paris.');
    expect(answer.some((e) => e.event === 'reasoning')).toBe(true);
    // Ids are opaque ("7" in memory, "7-0" in Redis Streams) but increase in order.
    const ids = answer.map((e) => Number.parseInt(e.id!, 10));
    expect(ids.every((n, i) => i === 0 || n > ids[i - 1]!)).toBe(true);
    const end = endOf(answer);
    expect(end).toMatchObject({
      status: 'done',
      content: 'The capital of France is Paris.',
      reasoning: 'Simple geography.',
      provider: 'OpenAI',
      cost: POINT,
      finish_reason: 'end',
      error: null,
      error_code: null,
    });
    expect(end.prompt_tokens).toBeGreaterThan(0);
    expect(end.completion_tokens).toBeGreaterThan(0);
    expect(end.latency_ms).toBeGreaterThanOrEqual(0);
    expect(end.ttft_ms).toBeGreaterThanOrEqual(0);

    // Saved, shown as the current branch, named by the question, and paid like a /v1 call.
    const saved = await detail(me.token, id);
    expect(saved.current_leaf_id).toBe(end.id);
    expect(saved.title).toMatch(/^What is the capital/);
    expect(await balance(me.token)).toBe(99 * POINT);
    const rows = await usageRows(server, 1);
    expect(rows.find((r) => r.user_id === me.id)).toMatchObject({ endpoint: 'chat', key_id: null, model: 'chat-model', status: 'success' });
  });

  it('sends the system prompt, the last context_length messages and the settings, and continues after the current answer', async () => {
    const me = await user();
    const id = await conversation(me.token, { model: 'chat-model', system_prompt: 'Answer in French.', context_length: 2, temperature: 0.3 });
    for (const [q, a] of [
      ['one', 'un'],
      ['two', 'deux'],
    ]) {
      mock.enqueue({ text: a });
      const s = await send(me.token, id, { content: q });
      await settled(me.token, id, s.body.assistant_message.id);
    }
    mock.enqueue({ text: 'trois' });
    const third = await send(me.token, id, { content: 'three' });
    await settled(me.token, id, third.body.assistant_message.id);
    const sent = mock.requests.at(-1)!.body as { messages: Array<{ role: string; content: string }>; temperature: number };
    expect(sent.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'deux' },
      { role: 'user', content: 'three' },
    ]);
    expect(sent.temperature).toBe(0.3);
  });

  it('regenerate makes a sibling answer; edit makes a sibling question on its own branch', async () => {
    const me = await user();
    const id = await conversation(me.token);
    mock.enqueue({ text: 'first answer' });
    const first = await send(me.token, id, { content: 'question' });
    const a1 = await settled(me.token, id, first.body.assistant_message.id);

    mock.enqueue({ text: 'second answer' });
    const again = await server.api<Started>('POST', `/api/chat/conversations/${id}/messages/${a1.id}/regenerate`, undefined, me.token);
    expect(again.status).toBe(201);
    const a2 = await settled(me.token, id, again.body.assistant_message.id);
    expect(a2).toMatchObject({ parent_id: first.body.user_message!.id, content: 'second answer' });
    let tree = await detail(me.token, id);
    expect(tree.current_leaf_id).toBe(a2.id);
    expect(tree.messages.filter((m) => m.parent_id === first.body.user_message!.id).map((m) => m.content)).toEqual(['first answer', 'second answer']);

    mock.enqueue({ text: 'answer to the edit' });
    const edited = await server.api<Started>('POST', `/api/chat/conversations/${id}/messages/${first.body.user_message!.id}/edit`, { content: 'edited question' }, me.token);
    expect(edited.status).toBe(201);
    expect(edited.body.user_message).toMatchObject({ parent_id: null, content: 'edited question' });
    await settled(me.token, id, edited.body.assistant_message.id);
    const sent = mock.requests.at(-1)!.body as { messages: Array<{ content: string }> };
    expect(sent.messages.map((m) => m.content)).toEqual(['edited question']);
    tree = await detail(me.token, id);
    expect(tree.current_leaf_id).toBe(edited.body.assistant_message.id);
    expect(tree.messages).toHaveLength(5);

    // A branch is chosen for every device; a new message follows the chosen branch.
    await server.api('PATCH', `/api/chat/conversations/${id}`, { current_leaf_id: a1.id }, me.token);
    mock.enqueue({ text: 'follow-up answer' });
    const follow = await send(me.token, id, { content: 'follow-up' });
    expect(follow.body.user_message!.parent_id).toBe(a1.id);
    await settled(me.token, id, follow.body.assistant_message.id);
    expect((mock.requests.at(-1)!.body as { messages: Array<{ content: string }> }).messages.map((m) => m.content)).toEqual(['question', 'first answer', 'follow-up']);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const me = await user();
    const id = await conversation(me.token);
    for (const body of [{ content: '' }, { content: 'x'.repeat(100_001) }, {}, { content: 'hi', attachments: [{ type: 'image', url: 'javascript:alert(1)' }] }]) {
      const res = await send(me.token, id, body);
      expect(res.status).toBe(400);
    }
    const empty = await conversation(me.token, {});
    const noModel = await send(me.token, empty, { content: 'hi' });
    expect(noModel.status).toBe(400);
    expect(noModel.body.error.code).toBe('model_required');
    expect((await detail(me.token, id)).messages).toHaveLength(0);
    expect((await detail(me.token, empty)).messages).toHaveLength(0);
    expect(mock.requests).toHaveLength(0);
  });
});

describe('attaching to an answer', () => {
  const slow = (words: number) => ({ chunks: Array.from({ length: words }, (_, i) => `w${i} `), chunkDelayMs: 40 });
  const full = (words: number) => Array.from({ length: words }, (_, i) => `w${i} `).join('');

  it('re-attaching with Last-Event-ID gets exactly what was missed: before the first token, mid-stream and after the end', async () => {
    const me = await user();
    const id = await conversation(me.token);
    mock.enqueue(slow(12));
    const started = await send(me.token, id, { content: 'count' });
    const messageId = started.body.assistant_message.id;

    // Before the first token: only `start` was seen.
    const early = await openTab(server.base, `/api/chat/messages/${messageId}/events`, me.token);
    const [first] = await early.waitFor(1);
    early.close();
    expect(first!.event).toBe('start');

    // Mid-stream: a drop after a few deltas, then a re-attach from the last id seen.
    const mid = await openTab(server.base, `/api/chat/messages/${messageId}/events`, me.token, { 'last-event-id': first!.id! });
    const seen = await mid.waitFor(4, 5000);
    mid.close();
    const rest = await events(me.token, messageId, seen.at(-1)!.id);
    const joined = [...seen, ...rest];
    expect(text(joined)).toBe(full(12));
    const ids = joined.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);

    // After the end: nothing but what follows the id given; from the start, everything.
    const all = await events(me.token, messageId);
    expect(text(all)).toBe(full(12));
    const afterEnd = await events(me.token, messageId, all.at(-1)!.id);
    expect(afterEnd).toHaveLength(0);
  });

  it('two tabs see the same events, and a tab that leaves stops nothing', async () => {
    const me = await user();
    const id = await conversation(me.token);
    mock.enqueue(slow(8));
    const started = await send(me.token, id, { content: 'count' });
    const messageId = started.body.assistant_message.id;
    const [one, two] = await Promise.all([events(me.token, messageId), events(me.token, messageId)]);
    expect(one.map((e) => [e.id, e.event, e.data])).toEqual(two.map((e) => [e.id, e.event, e.data]));

    mock.enqueue(slow(8));
    const next = await send(me.token, id, { content: 'again' });
    const leaver = await openTab(server.base, `/api/chat/messages/${next.body.assistant_message.id}/events`, me.token);
    await leaver.waitFor(2, 5000);
    leaver.close();
    const saved = await settled(me.token, id, next.body.assistant_message.id);
    expect(saved).toMatchObject({ status: 'done', content: full(8) });
  });

  it('a finished answer whose events are gone answers its saved message as the end', async () => {
    const me = await user();
    const id = await conversation(me.token);
    // Written by the store directly: no job of this node ever held its events.
    const question = await server.ctx.conversations.addUserMessage(me.id, id, { parentId: null, content: 'q', attachments: [] });
    const answer = await server.ctx.conversations.addAssistant(me.id, id, { parentId: question.id, model: 'chat-model', nodeId: 'gone', requestId: 'req_gone' });
    await server.ctx.conversations.finishAssistant(answer.id, { content: 'done elsewhere', status: 'done' });
    const res = await events(me.token, answer.id);
    expect(res.map((e) => e.event)).toEqual(['end']);
    expect(endOf(res)).toMatchObject({ id: answer.id, status: 'done', content: 'done elsewhere' });
  });
});

describe('stopping an answer', () => {
  it('stops the upstream call, saves what was delivered as stopped, and charges only that', async () => {
    const me = await user();
    const id = await conversation(me.token, { model: 'token-model' });
    const words = Array.from({ length: 60 }, (_, i) => `word${i} `);
    mock.enqueue({ chunks: words, chunkDelayMs: 50 });
    const before = await balance(me.token);
    const started = await send(me.token, id, { content: 'talk for a while' });
    const messageId = started.body.assistant_message.id;
    const tab = await openTab(server.base, `/api/chat/messages/${messageId}/events`, me.token);
    await tab.waitFor(4, 5000);
    const stop = await server.api('POST', `/api/chat/messages/${messageId}/stop`, undefined, me.token);
    expect(stop.status).toBe(204);
    await tab.ended;
    const end = endOf(tab.events);
    expect(end.status).toBe('stopped');
    expect(end.content.length).toBeGreaterThan(0);
    expect(words.join('').startsWith(end.content)).toBe(true);
    expect(end.content.length).toBeLessThan(words.join('').length);
    // The upstream call was aborted, not read to its end.
    await expect.poll(() => mock.stats().aborted).toBeGreaterThan(0);
    // Charged for what was delivered (counted locally), exactly what the message says.
    expect(end.cost).toBeGreaterThan(0);
    expect(await balance(me.token)).toBe(before - end.cost!);
    expect(await server.ctx.db.kysely.selectFrom('reservations').selectAll().where('user_id', '=', me.id).execute()).toHaveLength(0);
    const saved = await settled(me.token, id, messageId);
    expect(saved).toMatchObject({ status: 'stopped', content: end.content });

    // Stopping a finished answer says so.
    const again = await server.api<ApiError>('POST', `/api/chat/messages/${messageId}/stop`, undefined, me.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_generating');
  });
});

describe('plans', () => {
  it('a chat answer uses the plan first, even when plans do not cover API calls, and names the item that paid', async () => {
    await server.api('PUT', '/api/admin/plans/1', { name: 'basic', price: POINT, items: [{ id: 'chat', name: 'Chat messages', icon: '💬', quota: 5, models: ['chat-model'] }] }, root);
    await server.api('PATCH', '/api/admin/settings/plans', { enabled: true, relay_uses_plans: false }, root);
    try {
      const me = await user(10);
      expect((await server.api('POST', `/api/admin/users/${me.id}/subscription`, { level: 1, expires_at: Date.now() + 86_400_000 }, root)).status).toBe(200);
      const id = await conversation(me.token);
      mock.enqueue({ text: 'covered' });
      const started = await send(me.token, id, { content: 'hi' });
      const saved = await settled(me.token, id, started.body.assistant_message.id);
      expect(saved).toMatchObject({ status: 'done', cost: 0, plan_item: 'Chat messages' });
      expect(await balance(me.token)).toBe(10 * POINT);
    } finally {
      await server.api('PATCH', '/api/admin/settings/plans', { enabled: false }, root);
    }
  });
});

describe('answers that cannot be given', () => {
  it('a balance too low ends the answer with the reason, charged nothing', async () => {
    const poor = await user(0);
    const id = await conversation(poor.token);
    const started = await send(poor.token, id, { content: 'hi' });
    expect(started.status).toBe(201);
    const end = endOf(await events(poor.token, started.body.assistant_message.id));
    // The code lets the web app word the reason in the user's language.
    expect(end).toMatchObject({ status: 'error', content: '', cost: null, error_code: 'insufficient_balance' });
    expect(end.error).toMatch(/balance/);
    expect(mock.requests).toHaveLength(0);
    expect(await balance(poor.token)).toBe(0);
  });

  it('an upstream failure is saved as an error, the upstream hidden; regenerate then succeeds', async () => {
    const me = await user();
    const id = await conversation(me.token);
    mock.enqueue({ status: 500, errorMessage: `exploded at ${mock.url}/internal` });
    const started = await send(me.token, id, { content: 'hi' });
    const failed = endOf(await events(me.token, started.body.assistant_message.id));
    expect(failed.status).toBe('error');
    expect(failed.error_code).toBeTruthy();
    expect(failed.error).not.toContain(mock.url);
    expect(failed.error).not.toContain('127.0.0.1');
    mock.enqueue({ text: 'better now' });
    const retry = await server.api<Started>('POST', `/api/chat/conversations/${id}/messages/${failed.id}/regenerate`, undefined, me.token);
    const ok = await settled(me.token, id, retry.body.assistant_message.id);
    expect(ok).toMatchObject({ status: 'done', content: 'better now' });
    // The failed answer is not sent back to the model as context.
    expect((mock.requests.at(-1)!.body as { messages: unknown[] }).messages).toHaveLength(1);
  });
});

describe('model-written titles', () => {
  it('names the conversation after its first answer when a title model is set, unless the user renamed it', async () => {
    await server.api('PATCH', '/api/admin/settings/chat', { title_model: 'title-model' }, root);
    try {
      const me = await user();
      const id = await conversation(me.token);
      mock.enqueue({ text: 'Use a hash map.' }, { text: '"Fast lookups in Go."' });
      const started = await send(me.token, id, { content: 'how do I look things up fast in go' });
      await settled(me.token, id, started.body.assistant_message.id);
      await expect.poll(async () => (await detail(me.token, id)).title).toBe('Fast lookups in Go');
      expect((await detail(me.token, id)).title_source).toBe('model');

      const renamed = await conversation(me.token);
      await server.api('PATCH', `/api/chat/conversations/${renamed}`, { title: 'Mine' }, me.token);
      mock.enqueue({ text: 'answer' }, { text: 'Model title' });
      const second = await send(me.token, renamed, { content: 'question' });
      await settled(me.token, renamed, second.body.assistant_message.id);
      await new Promise((r) => setTimeout(r, 100));
      expect((await detail(me.token, renamed)).title).toBe('Mine');
    } finally {
      await server.api('PATCH', '/api/admin/settings/chat', { title_model: '' }, root);
    }
  });
});

describe('nobody reaches another user\'s answers', () => {
  it('answers 404 to attach, stop, regenerate, edit and send on another user\'s conversation', async () => {
    const alice = await user();
    const bob = await user();
    const id = await conversation(alice.token);
    mock.enqueue({ chunks: ['a ', 'b ', 'c '], chunkDelayMs: 200 });
    const started = await send(alice.token, id, { content: 'private' });
    const question = started.body.user_message!.id;
    const answer = started.body.assistant_message.id;
    const attempts = [
      () => server.api<ApiError>('GET', `/api/chat/messages/${answer}/events`, undefined, bob.token),
      () => server.api<ApiError>('POST', `/api/chat/messages/${answer}/stop`, undefined, bob.token),
      () => server.api<ApiError>('POST', `/api/chat/conversations/${id}/messages/${answer}/regenerate`, undefined, bob.token),
      () => server.api<ApiError>('POST', `/api/chat/conversations/${id}/messages/${question}/edit`, { content: 'mine now' }, bob.token),
      () => send(bob.token, id, { content: 'hello?' }),
    ];
    for (const attempt of attempts) {
      const res = await attempt();
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('private');
    }
    const saved = await settled(alice.token, id, answer);
    expect(saved).toMatchObject({ status: 'done', content: 'a b c ' });
    expect((await detail(alice.token, id)).messages).toHaveLength(2);
  });
});

describe('a node that shuts down mid-answer', () => {
  it('ends its answers, saved as interrupted and settled for what was delivered', async () => {
    const database = await createTestDatabase();
    const first = await startTestServer({ database });
    const admin = await first.rootToken();
    await createChannel(first, admin, { name: 'up', base_url: mock.url, keys: 'sk-up', models: ['chat-model'] });
    const id = (await first.api<Conversation>('POST', '/api/chat/conversations', { settings: { model: 'chat-model' } }, admin)).body.id;
    mock.enqueue({ chunks: Array.from({ length: 50 }, (_, i) => `w${i} `), chunkDelayMs: 50 });
    const started = await first.api<Started>('POST', `/api/chat/conversations/${id}/messages`, { content: 'go on' }, admin);
    const tab = await openTab(first.base, `/api/chat/messages/${started.body.assistant_message.id}/events`, admin);
    await tab.waitFor(3, 5000);
    await first.close();
    await tab.ended;

    const second = await startTestServer({ database });
    const saved = (await second.api<Conversation>('GET', `/api/chat/conversations/${id}`, undefined, await second.rootToken())).body.messages.find(
      (m) => m.id === started.body.assistant_message.id,
    )!;
    expect(saved).toMatchObject({ status: 'interrupted', error_code: 'interrupted' });
    expect(saved.content.length).toBeGreaterThan(0);
    expect(await second.ctx.db.kysely.selectFrom('reservations').selectAll().execute()).toHaveLength(0);
  });
});
