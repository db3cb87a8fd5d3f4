import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Presets (W-6) through the real server: the built-in list per language, each user's own
 * presets (create, update, delete, list and sync with ?since= including deletions), cloning a
 * built-in one, input limits, and that no user reaches another's presets.
 */
let server: TestServer;

interface Message {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
interface Preset {
  id: string;
  avatar: string;
  name: string;
  description: string;
  context: Message[];
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}
interface Builtin {
  id: string;
  avatar: string;
  name: string;
  description: string;
  context: Message[];
}
type ApiError = { error: { code: string; message: string } };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(stopAll);

let users = 0;
const user = () => createUser(server, `preset${++users}`);
const builtin = async (query: string) => server.api<{ lang: string; data: Builtin[] } & ApiError>('GET', `/api/presets/builtin${query}`);
const list = async (token: string, query = '') => (await server.api<{ data: Preset[] }>('GET', `/api/presets${query}`, undefined, token)).body.data;
const create = (token: string, body: unknown) => server.api<Preset & ApiError>('POST', '/api/presets', body, token);

const reviewer = { avatar: '🧐', name: 'Reviewer', description: 'strict', context: [{ role: 'system', content: 'Review my code.' }] };

describe('built-in presets', () => {
  it('answers each web app language, signed out, and falls back to English', async () => {
    const en = await builtin('?lang=en');
    expect(en.status).toBe(200);
    expect(en.body.lang).toBe('en');
    expect(en.body.data.length).toBeGreaterThanOrEqual(20);
    const translator = en.body.data.find((p) => p.id === 'translator')!;
    expect(translator).toMatchObject({ avatar: '🌐', name: 'Translator' });
    expect(translator.context[0]!.role).toBe('system');

    const names: Record<string, string> = { 'zh-CN': '翻译助手', 'zh-TW': '翻譯助手', ja: '翻訳アシスタント', ru: 'Переводчик' };
    for (const [lang, name] of Object.entries(names)) {
      const res = await builtin(`?lang=${lang}`);
      expect(res.body.lang).toBe(lang);
      expect(res.body.data.map((p) => p.id)).toEqual(en.body.data.map((p) => p.id));
      expect(res.body.data.find((p) => p.id === 'translator')!.name).toBe(name);
    }
    expect((await builtin('?lang=zh-Hant-HK')).body.lang).toBe('zh-TW');
    expect((await builtin('?lang=fr')).body.lang).toBe('en');
    expect((await builtin('')).body.lang).toBe('en');
  });

  it('rejects a malformed language with a 400', async () => {
    for (const bad of ['x', '<script>', 'en_US', 'a'.repeat(40)]) {
      const res = await builtin(`?lang=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.message, bad).toContain('lang');
    }
  });
});

describe("a user's presets", () => {
  it('creates, reads, updates, lists newest first and deletes', async () => {
    const token = await user();
    expect(await list(token)).toEqual([]);
    const first = await create(token, reviewer);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...reviewer, deleted_at: null });
    const second = (await create(token, { name: '  Plain  ' })).body;
    expect(second).toMatchObject({ avatar: '', name: 'Plain', description: '', context: [] });

    expect((await list(token)).map((p) => p.id)).toEqual([second.id, first.body.id]);
    const got = await server.api<Preset>('GET', `/api/presets/${first.body.id}`, undefined, token);
    expect(got.body).toEqual(first.body);

    const changed = { ...reviewer, name: 'Reviewer 2', context: [...reviewer.context, { role: 'user', content: 'Be brief.' }, { role: 'assistant', content: 'OK.' }] };
    const put = await server.api<Preset>('PUT', `/api/presets/${first.body.id}`, changed, token);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject(changed);
    expect(put.body.updated_at).toBeGreaterThanOrEqual(first.body.updated_at);
    // The one just changed comes first now.
    expect((await list(token)).map((p) => p.id)).toEqual([first.body.id, second.id]);

    expect((await server.api('DELETE', `/api/presets/${first.body.id}`, undefined, token)).status).toBe(204);
    expect((await list(token)).map((p) => p.id)).toEqual([second.id]);
    const gone = await server.api<ApiError>('GET', `/api/presets/${first.body.id}`, undefined, token);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('preset_not_found');
    expect((await server.api('DELETE', `/api/presets/${first.body.id}`, undefined, token)).status).toBe(404);
    expect((await server.api('PUT', `/api/presets/${first.body.id}`, reviewer, token)).status).toBe(404);
  });

  it('tells another device what changed since it last looked, deletions included', async () => {
    const token = await user();
    const kept = (await create(token, { name: 'Kept' })).body;
    const doomed = (await create(token, { name: 'Doomed' })).body;
    const seen = Math.max(...(await list(token, '?since=0')).map((p) => p.updated_at));

    await new Promise((r) => setTimeout(r, 5));
    const edited = (await server.api<Preset>('PUT', `/api/presets/${kept.id}`, { name: 'Kept, edited' }, token)).body;
    await server.api('DELETE', `/api/presets/${doomed.id}`, undefined, token);
    const fresh = (await create(token, { name: 'Fresh' })).body;

    const changes = await list(token, `?since=${seen + 1}`);
    expect(changes.map((p) => [p.id, p.name, p.deleted_at === null])).toEqual([
      [kept.id, 'Kept, edited', true],
      [doomed.id, 'Doomed', false],
      [fresh.id, 'Fresh', true],
    ]);
    expect(changes[0]!.updated_at).toBe(edited.updated_at);
    expect(changes[1]!.deleted_at).toBe(changes[1]!.updated_at);
    // Without ?since= a deleted preset is not listed.
    expect((await list(token)).map((p) => p.name).sort()).toEqual(['Fresh', 'Kept, edited']);

    const bad = await server.api<ApiError>('GET', '/api/presets?since=yesterday', undefined, token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('since');
  });

  it('clones a built-in preset in the language asked for', async () => {
    const token = await user();
    const res = await server.api<Preset>('POST', '/api/presets/clone/translator', { lang: 'zh-TW' }, token);
    expect(res.status).toBe(201);
    const zhTW = (await builtin('?lang=zh-TW')).body.data.find((p) => p.id === 'translator')!;
    expect(res.body).toMatchObject({ avatar: zhTW.avatar, name: zhTW.name, description: zhTW.description, context: zhTW.context });
    // A clone is the user's own: editing it leaves the built-in one as it was.
    await server.api('PUT', `/api/presets/${res.body.id}`, { name: '我的翻譯' }, token);
    expect((await builtin('?lang=zh-TW')).body.data.find((p) => p.id === 'translator')!.name).toBe('翻譯助手');
    expect((await server.api<Preset>('POST', '/api/presets/clone/linux-terminal', {}, token)).body.name).toBe('Linux terminal');

    const unknown = await server.api<ApiError>('POST', '/api/presets/clone/no-such-preset', { lang: 'en' }, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('preset_not_found');
    expect((await list(token)).length).toBe(2);
  });

  it('rejects input over the limits with a 400 naming the field, and changes nothing', async () => {
    const token = await user();
    const existing = (await create(token, reviewer)).body;
    const many = Array.from({ length: 51 }, () => ({ role: 'user', content: 'hi' }));
    const cases: Array<[unknown, string]> = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(65) }, 'name'],
      [{ name: 'ok', description: 'd'.repeat(501) }, 'description'],
      [{ name: 'ok', context: many }, 'context'],
      [{ name: 'ok', context: [{ role: 'user', content: 'c'.repeat(20_001) }] }, 'context'],
      [{ name: 'ok', context: [{ role: 'tool', content: 'hi' }] }, 'role'],
      [{ name: 'ok', context: [{ role: 'user', content: '' }] }, 'content'],
      [{ name: 'ok', avatar: 'javascript:alert(1)' }, 'avatar'],
      [{ name: 'ok', avatar: 'a'.repeat(17) }, 'avatar'],
    ];
    for (const [body, field] of cases) {
      const created = await create(token, body);
      expect(created.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(created.body.error.message, JSON.stringify(body).slice(0, 80)).toContain(field);
      const put = await server.api<ApiError>('PUT', `/api/presets/${existing.id}`, body, token);
      expect(put.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    // The largest allowed preset is accepted.
    const biggest = { name: 'n'.repeat(64), description: 'd'.repeat(500), context: Array.from({ length: 50 }, () => ({ role: 'user', content: '字'.repeat(20_000) })) };
    const big = await create(token, biggest);
    expect(big.status).toBe(201);
    expect((await server.api<Preset>('GET', `/api/presets/${big.body.id}`, undefined, token)).body.context[49]!.content).toHaveLength(20_000);

    const after = await list(token);
    expect(after.map((p) => p.id)).toEqual([big.body.id, existing.id]);
    expect(after[1]).toEqual(existing);
  });

  it("is only ever the caller's own: another user gets 404 and changes nothing", async () => {
    const alice = await user();
    const bob = await user();
    const hers = (await create(alice, reviewer)).body;

    for (const [method, body] of [['GET', undefined], ['PUT', { name: 'Mine now' }], ['DELETE', undefined]] as const) {
      const res = await server.api<ApiError>(method, `/api/presets/${hers.id}`, body, bob);
      expect(res.status, method).toBe(404);
      expect(res.body.error.code, method).toBe('preset_not_found');
    }
    expect(await list(bob)).toEqual([]);
    expect(await list(bob, '?since=0')).toEqual([]);
    expect(await list(alice)).toEqual([hers]);
  });

  it('needs a signed-in user', async () => {
    expect((await server.api('GET', '/api/presets')).status).toBe(401);
    expect((await server.api('POST', '/api/presets', reviewer)).status).toBe(401);
    expect((await server.api('POST', '/api/presets/clone/translator', { lang: 'en' })).status).toBe(401);
  });
});
