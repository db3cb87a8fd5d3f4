import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/chat/conversation-settings.js';
import { sql } from '../src/db/kysely-runtime.js';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Conversations (W-1, W-2 tree, W-5, W-9) through the real server, on every backend. Messages are
 * written with the store the generation jobs use (server.ctx.conversations); everything else goes
 * through HTTP: creating from presets, the list (pages, pinned first, ?q=), sync with ?since=
 * (deletions included), ETags, branch switching, deleting a subtree, a conversation or all of
 * them, search in English and Chinese with LIKE wildcards taken literally, that the indexes are
 * used, and that another user gets 404 from every route.
 */
let server: TestServer;

interface Message {
  id: string;
  parent_id: string | null;
  role: 'user' | 'assistant';
  content: string;
  status: string;
  cost: number | null;
  attachments: Array<{ type: string; url: string }>;
}
interface Conversation {
  id: string;
  title: string;
  title_source: string;
  pinned: boolean;
  settings: { model: string; system_prompt: string; temperature: number | null; context_length: number };
  current_leaf_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}
interface Detail extends Conversation {
  messages: Message[];
}
interface Page {
  data: Conversation[];
  next_cursor: string | null;
}
interface Hit {
  conversation_id: string;
  title: string;
  message_id: string | null;
  snippet: string;
}
type ApiError = { error: { code: string; message: string } };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(stopAll);

let users = 0;
async function user(): Promise<{ id: number; token: string }> {
  const token = await createUser(server, `conv${++users}`);
  const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  return { id, token };
}

const create = (token: string, body: unknown = {}) => server.api<Detail & ApiError>('POST', '/api/chat/conversations', body, token);
const get = (token: string, id: string) => server.api<Detail & ApiError>('GET', `/api/chat/conversations/${id}`, undefined, token);
const patch = (token: string, id: string, body: unknown) => server.api<Conversation & ApiError>('PATCH', `/api/chat/conversations/${id}`, body, token);
const list = async (token: string, query = '') => (await server.api<Page>('GET', `/api/chat/conversations${query}`, undefined, token)).body;
const search = async (token: string, q: string) =>
  (await server.api<{ data: Hit[] }>('GET', `/api/chat/search?q=${encodeURIComponent(q)}`, undefined, token)).body.data;

/** A question and its finished answer, written as the generation job writes them. */
async function exchange(owner: { id: number }, conversationId: string, parentId: string | null, question: string, answer: string) {
  const store = server.ctx.conversations;
  const u = await store.addUserMessage(owner.id, conversationId, { parentId, content: question, attachments: [] });
  const a = await store.addAssistant(owner.id, conversationId, { parentId: u.id, model: 'gpt-test', nodeId: 'test-node', requestId: 'req_t' });
  await store.finishAssistant(a.id, { content: answer, status: 'done', cost: 2_500, prompt_tokens: 10, completion_tokens: 5 });
  return { u: u.id, a: a.id };
}

describe('creating conversations', () => {
  it('starts empty with default settings, or with a title and settings of its own', async () => {
    const { token } = await user();
    const empty = await create(token);
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ title: '', title_source: 'auto', pinned: false, current_leaf_id: null, deleted_at: null, messages: [] });
    expect(empty.body.settings).toMatchObject({ model: '', context_length: 8, temperature: null, system_prompt: '' });

    const named = await create(token, { title: '  Trip plans ', settings: { model: 'gpt-4o', temperature: 0.3 } });
    expect(named.body).toMatchObject({ title: 'Trip plans', title_source: 'user' });
    expect(named.body.settings).toMatchObject({ model: 'gpt-4o', temperature: 0.3, context_length: 8 });
  });

  it('seeds from a built-in preset in a language, and from a preset of the user with example messages', async () => {
    const { token } = await user();
    const translator = await create(token, { preset_id: 'translator', lang: 'zh-CN' });
    expect(translator.status).toBe(201);
    const builtin = await server.api<{ data: Array<{ id: string; context: Array<{ content: string }> }> }>('GET', '/api/presets/builtin?lang=zh-CN');
    expect(translator.body.settings.system_prompt).toBe(builtin.body.data.find((p) => p.id === 'translator')!.context[0]!.content);
    expect(translator.body.messages).toEqual([]);

    const preset = await server.api<{ id: string }>(
      'POST',
      '/api/presets',
      {
        name: 'Few-shot',
        context: [
          { role: 'system', content: 'Answer in one word.' },
          { role: 'system', content: 'Be polite.' },
          { role: 'user', content: 'Capital of France?' },
          { role: 'assistant', content: 'Paris.' },
        ],
      },
      token,
    );
    const seeded = await create(token, { preset_id: preset.body.id, settings: { temperature: 0 } });
    expect(seeded.status).toBe(201);
    expect(seeded.body.settings).toMatchObject({ system_prompt: 'Answer in one word.\n\nBe polite.', temperature: 0 });
    const [q, a] = seeded.body.messages;
    expect(seeded.body.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'Capital of France?', 'done'],
      ['assistant', 'Paris.', 'done'],
    ]);
    expect(q!.parent_id).toBeNull();
    expect(a!.parent_id).toBe(q!.id);
    expect(seeded.body.current_leaf_id).toBe(a!.id);

    // An explicit system prompt wins over the preset's.
    expect((await create(token, { preset_id: 'translator', settings: { system_prompt: 'Mine.' } })).body.settings.system_prompt).toBe('Mine.');
  });

  it('keeps the longest system prompt whatever it holds (JSON-escaped, it outgrows a 64 KB TEXT column)', async () => {
    const { token } = await user();
    const prompt = '\u0001'.repeat(20_000); // the most allowed; each control character escapes to 6 bytes of JSON
    const res = await create(token, { settings: { system_prompt: prompt } });
    expect(res.status).toBe(201);
    expect((await get(token, res.body.id)).body.settings.system_prompt).toBe(prompt);
  });

  it('refuses bad input with a 400 and an unknown preset with a 404, creating nothing', async () => {
    const { token } = await user();
    for (const body of [{ settings: { temperature: 3 } }, { settings: { context_length: -1 } }, { title: '' }, { title: 'x'.repeat(201) }, { lang: '<x>' }]) {
      const res = await create(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const missing = await create(token, { preset_id: 'no-such-preset' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('preset_not_found');
    const other = await user();
    const theirs = await server.api<{ id: string }>('POST', '/api/presets', { name: 'theirs' }, other.token);
    expect((await create(token, { preset_id: theirs.body.id })).status).toBe(404);
    expect((await list(token)).data).toEqual([]);
  });
});

describe('reading and changing a conversation', () => {
  it('answers the whole tree; switching the branch shows it to its newest end', async () => {
    const me = await user();
    const c = (await create(me.token)).body;
    const first = await exchange(me, c.id, null, 'What is a monad?', 'A monoid in the category of endofunctors.');
    const second = await exchange(me, c.id, first.a, 'Simpler please', 'A box you can chain.');
    // Regenerate the first answer: a sibling under the first question.
    const again = await server.ctx.conversations.addAssistant(me.id, c.id, { parentId: first.u, model: 'gpt-test', nodeId: 'n', requestId: 'req_t' });
    await server.ctx.conversations.finishAssistant(again.id, { content: 'A design pattern.', status: 'done' });

    const detail = (await get(me.token, c.id)).body;
    expect(detail.title).toBe('What is a monad?');
    expect(detail.current_leaf_id).toBe(again.id);
    expect(detail.messages).toHaveLength(5);
    expect(detail.messages.filter((m) => m.parent_id === first.u).map((m) => m.content)).toEqual(['A monoid in the category of endofunctors.', 'A design pattern.']);
    expect(detail.messages.find((m) => m.id === first.a)!.cost).toBe(2_500);

    const back = await patch(me.token, c.id, { current_leaf_id: first.a });
    expect(back.status).toBe(200);
    expect(back.body.current_leaf_id).toBe(second.a);
    expect((await get(me.token, c.id)).body.current_leaf_id).toBe(second.a);
  });

  it('renames, pins and merges settings; a title set by the user stays', async () => {
    const me = await user();
    const c = (await create(me.token, { settings: { model: 'gpt-4o', temperature: 0.5 } })).body;
    const res = await patch(me.token, c.id, { title: 'Renamed', pinned: true, settings: { max_tokens: 100 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Renamed', title_source: 'user', pinned: true });
    expect(res.body.settings).toMatchObject({ model: 'gpt-4o', temperature: 0.5, max_tokens: 100 });
    expect(res.body.updated_at).toBeGreaterThan(c.updated_at);
    await exchange(me, c.id, null, 'This would have been the title', 'ok');
    expect((await get(me.token, c.id)).body.title).toBe('Renamed');
  });

  it('refuses a bad change with a 400 or a foreign message with a 404, changing nothing', async () => {
    const me = await user();
    const c = (await create(me.token)).body;
    const other = (await create(me.token)).body;
    const elsewhere = await exchange(me, other.id, null, 'q', 'a');
    for (const body of [{}, { pinned: 'yes' }, { settings: { top_p: 2 } }, { title: '   ' }, { unknown: 1 }]) {
      const res = await patch(me.token, c.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const foreign = await patch(me.token, c.id, { current_leaf_id: elsewhere.a });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('message_not_found');
    expect((await get(me.token, c.id)).body).toMatchObject({ updated_at: c.updated_at, current_leaf_id: null, pinned: false });
  });

  it('answers an ETag, 304 while nothing changed, 200 again after any change (an answer in progress included)', async () => {
    const me = await user();
    const c = (await create(me.token)).body;
    const { u } = await exchange(me, c.id, null, 'q', 'a');
    const conditional = (etag: string) =>
      fetch(`${server.base}/api/chat/conversations/${c.id}`, { headers: { authorization: `Bearer ${me.token}`, 'if-none-match': etag } });
    const first = await get(me.token, c.id);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const unchanged = await conditional(etag);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);

    const answer = await server.ctx.conversations.addAssistant(me.id, c.id, { parentId: u, model: 'm', nodeId: 'n', requestId: 'req_t' });
    const afterAdd = await conditional(etag);
    expect(afterAdd.status).toBe(200);
    const etag2 = afterAdd.headers.get('etag')!;
    await server.ctx.conversations.saveProgress(answer.id, { content: 'partial', reasoning: null, heartbeatAt: Date.now() });
    const afterProgress = await conditional(etag2);
    expect(afterProgress.status).toBe(200);
    expect(((await afterProgress.json()) as Detail).messages.find((m) => m.id === answer.id)!.content).toBe('partial');
    expect((await conditional(`W/${afterProgress.headers.get('etag')!}`)).status).toBe(304);
  });
});

describe('deleting', () => {
  it('deletes a message with its subtree; the branch shown moves to the newest one left; 409 while an answer is generating', async () => {
    const me = await user();
    const c = (await create(me.token)).body;
    const first = await exchange(me, c.id, null, 'Q1', 'A1');
    const regenerated = await exchange(me, c.id, null, 'Q1 edited', 'A1 edited');
    const deeper = await exchange(me, c.id, regenerated.a, 'Q2', 'A2');
    const pending = await server.ctx.conversations.addAssistant(me.id, c.id, { parentId: deeper.u, model: 'm', nodeId: 'n', requestId: 'req_t' });

    const refused = await server.api<ApiError>('DELETE', `/api/chat/conversations/${c.id}/messages/${regenerated.u}`, undefined, me.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('message_generating');
    expect((await get(me.token, c.id)).body.messages).toHaveLength(7);

    await server.ctx.conversations.finishAssistant(pending.id, { content: 'stopped here', status: 'stopped' });
    const res = await server.api<Conversation>('DELETE', `/api/chat/conversations/${c.id}/messages/${regenerated.u}`, undefined, me.token);
    expect(res.status).toBe(200);
    // The edited root and all under it went; the other root's branch is shown.
    expect(res.body.current_leaf_id).toBe(first.a);
    expect((await get(me.token, c.id)).body.messages.map((m) => m.content)).toEqual(['Q1', 'A1']);
    const gone = await server.api<ApiError>('DELETE', `/api/chat/conversations/${c.id}/messages/${deeper.a}`, undefined, me.token);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('message_not_found');
  });

  it('deletes a conversation, then all of them; other users keep theirs', async () => {
    const me = await user();
    const other = await user();
    const a = (await create(me.token)).body;
    const b = (await create(me.token)).body;
    await exchange(me, b.id, null, 'q', 'a');
    const theirs = (await create(other.token)).body;

    expect((await server.api('DELETE', `/api/chat/conversations/${a.id}`, undefined, me.token)).status).toBe(204);
    expect((await get(me.token, a.id)).status).toBe(404);
    expect((await server.api('DELETE', `/api/chat/conversations/${a.id}`, undefined, me.token)).status).toBe(404);
    expect((await list(me.token)).data.map((c) => c.id)).toEqual([b.id]);

    const all = await server.api<{ deleted: number }>('DELETE', '/api/chat/conversations', undefined, me.token);
    expect(all.status).toBe(200);
    expect(all.body.deleted).toBe(1);
    expect((await list(me.token)).data).toEqual([]);
    expect((await get(other.token, theirs.id)).status).toBe(200);
    const remaining = await server.ctx.db.kysely.selectFrom('chat_messages').select('id').where('user_id', '=', me.id).execute();
    expect(remaining).toEqual([]);
  });
});

describe('the list and sync', () => {
  it('pages pinned first, then the most recently changed, with an opaque cursor', async () => {
    const me = await user();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await create(me.token, { title: `c${i}` })).body.id);
    await patch(me.token, ids[1]!, { pinned: true });
    await exchange(me, ids[3]!, null, 'bump', 'ok'); // changed last
    const expected = [ids[1], ids[3], ids[6], ids[5], ids[4], ids[2], ids[0]];

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(me.token, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);

    const bad = await server.api<ApiError>('GET', '/api/chat/conversations?cursor=garbage', undefined, me.token);
    expect(bad.status).toBe(400);
    expect((await server.api('GET', '/api/chat/conversations?limit=0', undefined, me.token)).status).toBe(400);
    expect((await server.api('GET', '/api/chat/conversations?since=1&q=x', undefined, me.token)).status).toBe(400);
  });

  it('syncs what changed at or after ?since=, deletions included, oldest change first, in pages', async () => {
    const me = await user();
    const a = (await create(me.token, { title: 'a' })).body;
    const b = (await create(me.token, { title: 'b' })).body;
    const c = (await create(me.token, { title: 'c' })).body;
    const all = await list(me.token, '?since=0');
    expect(all.data.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    const cursorAt = Math.max(...all.data.map((x) => x.updated_at));

    await new Promise((r) => setTimeout(r, 5));
    await patch(me.token, a.id, { title: 'a2' });
    await server.api('DELETE', `/api/chat/conversations/${b.id}`, undefined, me.token);
    const changed = await list(me.token, `?since=${cursorAt + 1}`);
    expect(changed.data.map((x) => [x.id, x.title, x.deleted_at !== null])).toEqual([
      [a.id, 'a2', false],
      [b.id, 'b', true],
    ]);

    const first = await list(me.token, '?since=0&limit=2');
    expect(first.data).toHaveLength(2);
    const rest = await list(me.token, `?since=0&limit=2&cursor=${encodeURIComponent(first.next_cursor!)}`);
    expect([...first.data, ...rest.data].map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(rest.next_cursor).toBeNull();
    // A cursor of the list is not one of the sync.
    const listCursor = (await list(me.token, '?limit=1')).next_cursor!;
    expect((await server.api('GET', `/api/chat/conversations?since=0&cursor=${encodeURIComponent(listCursor)}`, undefined, me.token)).status).toBe(400);
  });
});

describe('search', () => {
  let me: { id: number; token: string };
  let other: { id: number; token: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    me = await user();
    other = await user();
    ids.english = (await create(me.token)).body.id;
    await exchange(me, ids.english, null, 'How do I reverse a linked list in Rust?', 'Use an iterative approach with three pointers.');
    ids.chinese = (await create(me.token)).body.id;
    await exchange(me, ids.chinese, null, '请解释一下量子纠缠是什么', '量子纠缠是一种量子力学现象。');
    ids.wildcards = (await create(me.token, { title: 'Discounts' })).body.id;
    await exchange(me, ids.wildcards, null, 'Is 100% off a real deal?', 'Look for snake_case names and 50% markers.');
    ids.decoy = (await create(me.token, { title: 'Decoy' })).body.id;
    await exchange(me, ids.decoy, null, 'I scored 1000 points with snakeXcase.', 'Nice.');
    ids.deleted = (await create(me.token)).body.id;
    await exchange(me, ids.deleted, null, 'A deleted discussion about pointers', 'gone');
    await server.api('DELETE', `/api/chat/conversations/${ids.deleted}`, undefined, me.token);
    ids.theirs = (await create(other.token, { title: 'Rust secrets' })).body.id;
    await exchange(other, ids.theirs, null, 'My private linked list pointers and 量子纠缠 notes', 'secret');
  });

  it('finds English text in messages and titles, newest first, with a snippet', async () => {
    // The title (named by the question) and the question itself; the conversation changed after the question was asked.
    const hits = await search(me.token, 'linked list');
    expect(hits).toHaveLength(2);
    expect(hits[0]).toEqual({ conversation_id: ids.english, title: 'How do I reverse a linked list in Rust?', message_id: null, snippet: 'How do I reverse a linked list in Rust?' });
    expect(hits[1]).toMatchObject({ conversation_id: ids.english, title: 'How do I reverse a linked list in Rust?', snippet: 'How do I reverse a linked list in Rust?' });
    expect(hits[1]!.message_id).not.toBeNull();

    const pointers = await search(me.token, 'POINTERS');
    expect(pointers.map((h) => h.conversation_id)).toEqual([ids.english]);
    expect(pointers[0]!.snippet).toContain('three pointers');

    const titled = await search(me.token, 'discount');
    expect(titled).toEqual([{ conversation_id: ids.wildcards, title: 'Discounts', message_id: null, snippet: 'Discounts' }]);
  });

  it('finds Chinese text, short and long', async () => {
    for (const q of ['量子纠缠', '纠缠', '量子力学现象']) {
      const hits = await search(me.token, q);
      expect(hits.map((h) => h.conversation_id), q).toContain(ids.chinese);
      expect(hits.every((h) => h.conversation_id === ids.chinese), q).toBe(true);
    }
  });

  it('takes LIKE wildcards literally', async () => {
    expect((await search(me.token, '100%')).map((h) => h.conversation_id)).toEqual([ids.wildcards]);
    expect((await search(me.token, 'snake_case')).map((h) => h.conversation_id)).toEqual([ids.wildcards]);
    expect(await search(me.token, '%')).toEqual(expect.arrayContaining([expect.objectContaining({ conversation_id: ids.wildcards })]));
    expect((await search(me.token, '%')).map((h) => h.conversation_id)).not.toContain(ids.decoy);
  });

  it("never finds another user's content or a deleted conversation", async () => {
    expect((await search(me.token, 'secret')).map((h) => h.conversation_id)).toEqual([]);
    expect((await search(me.token, 'private linked')).map((h) => h.conversation_id)).toEqual([]);
    expect((await search(me.token, 'deleted discussion'))).toEqual([]);
    expect((await search(other.token, 'linked list')).map((h) => h.conversation_id)).toEqual([ids.theirs]);
    expect((await search(other.token, '量子纠缠')).map((h) => h.conversation_id)).toEqual([ids.theirs]);
  });

  it('filters the conversation list with ?q= by title and content', async () => {
    expect((await list(me.token, `?q=${encodeURIComponent('iterative approach')}`)).data.map((c) => c.id)).toEqual([ids.english]);
    expect((await list(me.token, `?q=${encodeURIComponent('量子')}`)).data.map((c) => c.id)).toEqual([ids.chinese]);
    expect((await list(me.token, '?q=Decoy')).data.map((c) => c.id)).toEqual([ids.decoy]);
    expect((await list(me.token, '?q=secret')).data).toEqual([]);
  });

  it('refuses an empty or overlong query', async () => {
    for (const q of ['', '%20%20', 'x'.repeat(201)]) {
      expect((await server.api('GET', `/api/chat/search?q=${q}`, undefined, me.token)).status, q).toBe(400);
    }
  });

  it('uses the index over thousands of messages, not a LIKE scan (PostgreSQL: trigram bitmap scan; MariaDB: fulltext; SQLite: FTS5 matches first)', async () => {
    const dialect = server.ctx.db.dialect;
    const bulk = await user();
    // Chat-sized messages (a few hundred characters of ordinary words), one of them with the needle.
    const words = ['weather', 'recipe', 'travel', 'garden', 'python', 'function', 'budget', 'holiday', 'meeting', 'project', 'coffee', 'window', 'engine', 'market', 'history'];
    const messages = Array.from({ length: 3000 }, (_, i) => ({
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: `${Array.from({ length: 90 }, (_, w) => words[(i * 31 + w * 7) % words.length]).join(' ')} ${i}.${i === 1234 ? ' The zanzibar flamingo migration.' : ''}`,
    }));
    const before = Date.now();
    const c = await server.ctx.conversations.create(bulk.id, { settings: DEFAULT_SETTINGS, messages });
    expect(c.messages).toHaveLength(3000);
    // Many messages at once still end now: no time in the future for a device's ?since= cursor.
    expect(c.updated_at).toBeLessThanOrEqual(Date.now());
    expect(c.updated_at).toBeGreaterThanOrEqual(before);
    expect(c.messages.at(-1)!.created_at).toBe(c.updated_at);
    const hits = await search(bulk.token, 'zanzibar flamingo');
    expect(hits.map((h) => h.message_id)).toEqual([c.messages[1234]!.id]);

    const query = await server.ctx.conversationSearch.messageHitsQuery(bulk.id, 'zanzibar flamingo', 20);
    if (dialect === 'sqlite') {
      const compiled = query.compile();
      const plan = server.ctx.db.sqlite!.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as Array<{ detail: string }>;
      const steps = plan.map((r) => r.detail).join('\n');
      // The FTS matches lead; messages are then looked up by id, not walked by owner.
      expect(steps).toMatch(/SCAN chat_messages_fts VIRTUAL TABLE INDEX/);
      expect(steps).toMatch(/SEARCH chat_messages USING INDEX sqlite_autoindex_chat_messages_1 \(id=\?\)/);
    } else if (dialect === 'postgres') {
      // What autovacuum does after a bulk write: statistics, and the GIN pending list merged into the index.
      await sql`VACUUM ANALYZE`.execute(server.ctx.db.kysely);
      const plan = (await query.explain()).map((r) => String(r['QUERY PLAN'])).join('\n');
      expect(plan).toContain('Bitmap Index Scan on chat_messages_content_trgm');
    } else {
      const plan = await query.explain();
      const messagesRow = plan.find((r) => r.table === 'chat_messages');
      expect(messagesRow).toMatchObject({ type: 'fulltext', key: 'chat_messages_content_ft' });
    }
  });
});

describe('another user', () => {
  it("gets 404 from every conversation route for someone else's conversation and messages, exactly as for missing ones", async () => {
    const owner = await user();
    const intruder = await user();
    const c = (await create(owner.token)).body;
    const { a } = await exchange(owner, c.id, null, 'mine', 'yours? no');
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/chat/conversations/${c.id}`],
      ['PATCH', `/api/chat/conversations/${c.id}`, { title: 'pwned' }],
      ['DELETE', `/api/chat/conversations/${c.id}/messages/${a}`],
      ['DELETE', `/api/chat/conversations/${c.id}`],
      ['POST', `/api/chat/conversations/${c.id}/shares`, {}],
    ];
    for (const [method, url, body] of attempts) {
      const theirs = await server.api<ApiError>(method, url, body, intruder.token);
      const missing = await server.api<ApiError>(method, url.replace(c.id, '00000000-0000-4000-8000-000000000000'), body, intruder.token);
      expect(theirs.status, `${method} ${url}`).toBe(404);
      expect(theirs.body, `${method} ${url}`).toEqual({ error: { code: 'conversation_not_found', message: expect.any(String) } });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe(theirs.body.error.code);
    }
    expect((await server.api('DELETE', '/api/chat/conversations', undefined, intruder.token)).body).toEqual({ deleted: 0 });
    expect((await list(intruder.token, '?since=0')).data).toEqual([]);
    const still = (await get(owner.token, c.id)).body;
    expect(still.title).toBe('mine');
    expect(still.messages).toHaveLength(2);
  });

  it('needs a session for every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/chat/conversations'],
      ['POST', '/api/chat/conversations'],
      ['GET', '/api/chat/search?q=x'],
      ['DELETE', '/api/chat/conversations'],
    ] as const) {
      expect((await server.api(method, url, method === 'POST' ? {} : undefined)).status, `${method} ${url}`).toBe(401);
    }
  });
});
