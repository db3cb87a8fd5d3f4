import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * The model market (W-7, A-7, R-10) through the real server: administration (one entry and
 * the whole list at once), the market list with prices and plan badges, Chat Nio's public
 * /v1/market, and each user's own ordered favourites.
 */
const POINT = 1_000_000;
let server: TestServer;
let root: string;

interface Entry {
  model: string;
  name: string;
  description: string;
  tags: string[];
  avatar: string;
  default: boolean;
  high_context: boolean;
  order: number;
}
interface MarketItem extends Omit<Entry, never> {
  price: { mode: string; per_request: number; input: number; output: number; anonymous: boolean } | null;
  plan: boolean;
  favorite: boolean;
}
type ApiError = { error: { code: string; message: string } };

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
});
afterAll(stopAll);

const adminList = async () => (await server.api<{ data: Entry[] }>('GET', '/api/admin/market', undefined, root)).body.data;
const marketAs = async (token?: string) => (await server.api<{ data: MarketItem[] }>('GET', '/api/market', undefined, token)).body.data;
const replaceAll = (list: unknown) => server.api<{ data: Entry[] } & ApiError>('PUT', '/api/admin/market', list, root);

let users = 0;
async function user(): Promise<{ id: number; token: string }> {
  const token = await createUser(server, `market${++users}`);
  const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  return { id, token };
}

describe('market administration', () => {
  it('creates, lists in order, replaces and removes entries, model ids with "/" included', async () => {
    expect((await replaceAll([])).status).toBe(200);
    const gpt = encodeURIComponent('openai/gpt-4o');
    const put = await server.api<Entry>('PUT', `/api/admin/market/${gpt}`, { name: 'GPT-4o', description: 'fast', tags: ['official', 'vision'], avatar: 'openai', default: true }, root);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ model: 'openai/gpt-4o', name: 'GPT-4o', description: 'fast', tags: ['official', 'vision'], avatar: 'openai', default: true, high_context: false, order: 0 });
    // A new entry without an order goes last.
    await server.api('PUT', '/api/admin/market/claude-sonnet', { name: 'Claude Sonnet', avatar: 'https://example.com/claude.png', high_context: true }, root);
    expect((await adminList()).map((e) => [e.model, e.order])).toEqual([
      ['openai/gpt-4o', 0],
      ['claude-sonnet', 1],
    ]);

    // Replacing without an order keeps the place; with one, moves it.
    await server.api('PUT', `/api/admin/market/${gpt}`, { name: 'GPT-4o (new)' }, root);
    let list = await adminList();
    expect(list.map((e) => e.model)).toEqual(['openai/gpt-4o', 'claude-sonnet']);
    expect(list[0]).toMatchObject({ name: 'GPT-4o (new)', tags: [], default: false, description: '' });
    await server.api('PUT', `/api/admin/market/${gpt}`, { name: 'GPT-4o', order: 5 }, root);
    list = await adminList();
    expect(list.map((e) => e.model)).toEqual(['claude-sonnet', 'openai/gpt-4o']);

    expect((await server.api('DELETE', `/api/admin/market/${gpt}`, undefined, root)).status).toBe(204);
    expect((await adminList()).map((e) => e.model)).toEqual(['claude-sonnet']);
    const again = await server.api<ApiError>('DELETE', `/api/admin/market/${gpt}`, undefined, root);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('market_entry_not_found');
  });

  it('replaces the whole list in its order, and a bad entry anywhere in it changes nothing', async () => {
    const good = [
      { model: 'b-model', name: 'B', tags: ['x'] },
      { model: 'a-model', name: 'A', default: true },
      { model: 'c/model', name: 'C', avatar: 'gemini' },
    ];
    const res = await replaceAll(good);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e) => [e.model, e.order])).toEqual([
      ['b-model', 0],
      ['a-model', 1],
      ['c/model', 2],
    ]);
    const before = await adminList();

    const bad: Array<[unknown, string]> = [
      [[{ model: 'new-one', name: 'New' }, { model: 'broken', name: '' }], 'name'],
      [[{ model: 'new-one', name: 'New' }, { model: 'new-one', name: 'Again' }], 'once'],
      [[{ model: 'new-one', name: 'New', avatar: 'javascript:alert(1)' }], 'avatar'],
      [[{ model: 'new-one', name: 'New', tags: 'not-a-list' }], 'tags'],
      [{ model: 'new-one', name: 'New' }, 'array'],
    ];
    for (const [body, word] of bad) {
      const r = await replaceAll(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message.toLowerCase(), JSON.stringify(body)).toContain(word);
    }
    expect(await adminList()).toEqual(before);
  });

  it('rejects a bad single entry with a 400 naming the field, and changes nothing', async () => {
    await replaceAll([{ model: 'kept', name: 'Kept' }]);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'name'],
      [{ name: 'x'.repeat(129) }, 'name'],
      [{ name: 'ok', tags: ['a', 'a'] }, 'tags'],
      [{ name: 'ok', avatar: 'Not An Icon' }, 'avatar'],
      [{ name: 'ok', default: 'yes' }, 'default'],
      [{ name: 'ok', order: -1 }, 'order'],
    ];
    for (const [body, field] of cases) {
      const res = await server.api<ApiError>('PUT', '/api/admin/market/kept', body, root);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect(await adminList()).toMatchObject([{ model: 'kept', name: 'Kept' }]);
  });

  it('is for administrators only', async () => {
    const u = await user();
    expect((await server.api('GET', '/api/admin/market', undefined, u.token)).status).toBe(403);
    expect((await server.api('PUT', '/api/admin/market/x', { name: 'X' }, u.token)).status).toBe(403);
    expect((await server.api('PUT', '/api/admin/market', [], u.token)).status).toBe(403);
    expect((await server.api('DELETE', '/api/admin/market/kept', undefined, u.token)).status).toBe(403);
    expect((await server.api('PUT', '/api/admin/market', [])).status).toBe(401);
  });
});

describe('GET /v1/market', () => {
  it("publishes the market in Chat Nio's shape and order, without a key", async () => {
    await replaceAll([
      { model: 'zeta', name: 'Zeta', description: 'last letter, first place', tags: ['a', 'b'], avatar: 'openai', default: true, high_context: true },
      { model: 'alpha', name: 'Alpha' },
    ]);
    const res = await fetch(`${server.base}/v1/market`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual([
      { id: 'zeta', name: 'Zeta', description: 'last letter, first place', default: true, high_context: true, avatar: 'openai', tag: ['a', 'b'] },
      { id: 'alpha', name: 'Alpha', description: '', default: false, high_context: false, avatar: '', tag: [] },
    ]);
  });
});

describe('GET /api/market', () => {
  it('merges each entry with its price and, for a signed-in user, whether their plan covers it', async () => {
    await replaceAll([
      { model: 'in-plan', name: 'In plan' },
      { model: 'priced', name: 'Priced' },
      { model: 'unpriced', name: 'Unpriced' },
    ]);
    await server.api('PUT', '/api/admin/prices/in-plan', { mode: 'request', per_request: 2 * POINT }, root);
    await server.api('PUT', '/api/admin/prices/priced', { mode: 'token', input: POINT, output: 3 * POINT }, root);
    await server.api('PUT', '/api/admin/prices/unpriced', { mode: 'free' }, root);
    await server.api('DELETE', '/api/admin/prices/unpriced', undefined, root);
    expect((await server.api('PUT', '/api/admin/plans/1', { name: 'basic', price: POINT, items: [{ id: 'chat', name: 'Chat', quota: 10, models: ['in-plan'] }] }, root)).status).toBe(200);
    expect((await server.api('PATCH', '/api/admin/settings/plans', { enabled: true }, root)).status).toBe(200);
    const subscribed = await user();
    const res = await server.api('POST', `/api/admin/users/${subscribed.id}/subscription`, { level: 1, expires_at: Date.now() + 86_400_000 }, root);
    expect(res.status).toBe(200);
    const plain = await user();

    const mine = await marketAs(subscribed.token);
    expect(mine.map((i) => [i.model, i.plan])).toEqual([
      ['in-plan', true],
      ['priced', false],
      ['unpriced', false],
    ]);
    expect(mine[0]!.price).toMatchObject({ mode: 'request', per_request: 2 * POINT });
    expect(mine[1]!.price).toMatchObject({ mode: 'token', input: POINT, output: 3 * POINT, anonymous: false });
    expect(mine[2]!.price).toBeNull();

    expect((await marketAs(plain.token)).map((i) => i.plan)).toEqual([false, false, false]);
    const signedOut = await marketAs();
    expect(signedOut.map((i) => [i.model, i.plan, i.favorite])).toEqual([
      ['in-plan', false, false],
      ['priced', false, false],
      ['unpriced', false, false],
    ]);
    expect(signedOut[1]!.price).toMatchObject({ mode: 'token' });

    // Plans switched off: no model is covered any more.
    await server.api('PATCH', '/api/admin/settings/plans', { enabled: false }, root);
    expect((await marketAs(subscribed.token)).map((i) => i.plan)).toEqual([false, false, false]);
  });
});

describe('favourites', () => {
  it('keeps each user their own ordered list; another user can neither see nor change it', async () => {
    await replaceAll(['m1', 'm2', 'm3'].map((model) => ({ model, name: model.toUpperCase() })));
    const a = await user();
    const b = await user();
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, a.token)).body.data).toEqual([]);

    const put = await server.api<{ data: string[] }>('PUT', '/api/market/favorites', { models: ['m3', 'm1'] }, a.token);
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual(['m3', 'm1']);
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, a.token)).body.data).toEqual(['m3', 'm1']);
    expect((await marketAs(a.token)).map((i) => [i.model, i.favorite])).toEqual([
      ['m1', true],
      ['m2', false],
      ['m3', true],
    ]);

    // B sees only B's (empty) list, and B's change leaves A's list alone.
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, b.token)).body.data).toEqual([]);
    expect((await marketAs(b.token)).every((i) => !i.favorite)).toBe(true);
    // A user id in the body is not a way in: the list changed is always the caller's.
    await server.api('PUT', '/api/market/favorites', { models: ['m2'], user_id: a.id }, b.token);
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, a.token)).body.data).toEqual(['m3', 'm1']);
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, b.token)).body.data).toEqual(['m2']);

    // Reordering replaces the list.
    await server.api('PUT', '/api/market/favorites', { models: ['m1', 'm2', 'm3'] }, a.token);
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, a.token)).body.data).toEqual(['m1', 'm2', 'm3']);

    // A model taken off the market is no longer listed.
    await server.api('DELETE', '/api/admin/market/m2', undefined, root);
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, a.token)).body.data).toEqual(['m1', 'm3']);
  });

  it('refuses unknown or repeated models with a 400 and keeps the list; signed out gets 401', async () => {
    await replaceAll(['f1', 'f2'].map((model) => ({ model, name: model })));
    const a = await user();
    await server.api('PUT', '/api/market/favorites', { models: ['f2'] }, a.token);
    const cases: Array<[unknown, string]> = [
      [{ models: ['f1', 'nope'] }, 'not in the market'],
      [{ models: ['f1', 'f1'] }, 'twice'],
      [{ models: 'f1' }, 'models'],
      [{}, 'models'],
    ];
    for (const [body, words] of cases) {
      const res = await server.api<ApiError>('PUT', '/api/market/favorites', body, a.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(words);
    }
    expect((await server.api<{ data: string[] }>('GET', '/api/market/favorites', undefined, a.token)).body.data).toEqual(['f2']);
    expect((await server.api('GET', '/api/market/favorites')).status).toBe(401);
    expect((await server.api('PUT', '/api/market/favorites', { models: [] })).status).toBe(401);
  });
});
