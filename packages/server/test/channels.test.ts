import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

let server: TestServer;
let root: string;
beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
});
afterAll(stopAll);

type Channel = Record<string, unknown> & { id: number; keys: string; key_count: number };

describe('channel admin API', () => {
  it('creates a channel with the fields of C-1, defaulting base URL and models from the type preset', async () => {
    const res = await server.api<Channel>(
      'POST',
      '/api/admin/channels',
      { name: 'deepseek main', type: 'deepseek', keys: 'sk-deep-aaaaaaaaaaaa\n\nsk-deep-bbbbbbbbbbbb\n', tag: 'cn', priority: 5, weight: 3, retry: 2 },
      root,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'deepseek main',
      type: 'deepseek',
      base_url: 'https://api.deepseek.com/v1',
      key_count: 2,
      priority: 5,
      weight: 3,
      retry: 2,
      status: 'enabled',
      groups: [],
      tag: 'cn',
    });
    expect(res.body.models).toEqual(expect.arrayContaining(['deepseek-chat']));
    expect(res.body.keys).toBe('sk-d…aa\nsk-d…bb');
  });

  it('keeps keys, proxy credentials and headers encrypted at rest and masked in views', async () => {
    const secret = 'sk-very-secret-upstream-key-123';
    const res = await server.api<Channel>(
      'POST',
      '/api/admin/channels',
      {
        name: 'secret',
        type: 'openai-compatible',
        base_url: 'https://llm.example.com/v1/',
        keys: secret,
        models: ['m1'],
        proxy: 'http://user:proxypass@proxy.example.com:8080',
        headers: { 'x-org': 'org-secret-value' },
      },
      root,
    );
    expect(res.status).toBe(201);
    expect(res.body.base_url).toBe('https://llm.example.com/v1');
    const text = JSON.stringify(res.body);
    for (const s of [secret, 'proxypass', 'org-secret-value']) expect(text).not.toContain(s);

    const row = await server.ctx.db.kysely.selectFrom('channels').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const s of [secret, 'proxypass', 'org-secret-value']) expect(stored).not.toContain(s);

    const list = await server.api<{ data: Channel[] }>('GET', '/api/admin/channels', undefined, root);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const revealed = await server.api<{ keys: string; proxy: string; headers: Record<string, string> }>(
      'GET',
      `/api/admin/channels/${res.body.id}/secrets`,
      undefined,
      root,
    );
    expect(revealed.body).toEqual({ keys: secret, proxy: 'http://user:proxypass@proxy.example.com:8080', headers: { 'x-org': 'org-secret-value' } });
  });

  it('lets only root reveal secrets and only admins manage channels', async () => {
    const user = await createUser(server, 'carol');
    expect((await server.api('GET', '/api/admin/channels', undefined, user)).status).toBe(403);
    expect((await server.api('POST', '/api/admin/channels', { name: 'x', type: 'openai', keys: 'k' }, user)).status).toBe(403);
    await server.ctx.db.kysely.updateTable('users').set({ role: 'admin' }).where('username', '=', 'carol').execute();
    await server.ctx.bus.publish({ kind: 'user', id: (await server.ctx.db.kysely.selectFrom('users').select('id').where('username', '=', 'carol').executeTakeFirstOrThrow()).id });
    const channels = await server.api<{ data: Channel[] }>('GET', '/api/admin/channels', undefined, user);
    expect(channels.status).toBe(200);
    expect((await server.api('GET', `/api/admin/channels/${channels.body.data[0]!.id}/secrets`, undefined, user)).status).toBe(403);
  });

  it('updates only the given fields; keys stay unless sent', async () => {
    const created = await server.api<Channel>('POST', '/api/admin/channels', { name: 'u', type: 'openai', keys: 'sk-keep-this-key-1' }, root);
    const patched = await server.api<Channel>('PATCH', `/api/admin/channels/${created.body.id}`, { status: 'disabled', groups: ['pro', 'pro'] }, root);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ status: 'disabled', groups: ['pro'], name: 'u', key_count: 1 });
    const secrets = await server.api<{ keys: string }>('GET', `/api/admin/channels/${created.body.id}/secrets`, undefined, root);
    expect(secrets.body.keys).toBe('sk-keep-this-key-1');
    const one = await server.api<Channel>('GET', `/api/admin/channels/${created.body.id}`, undefined, root);
    expect(one.body.status).toBe('disabled');
    expect((await server.api('DELETE', `/api/admin/channels/${created.body.id}`, undefined, root)).status).toBe(204);
    expect((await server.api('GET', `/api/admin/channels/${created.body.id}`, undefined, root)).status).toBe(404);
  });

  it('filters the list by tag and type', async () => {
    const list = await server.api<{ data: Channel[] }>('GET', '/api/admin/channels?tag=cn', undefined, root);
    expect(list.body.data.map((c) => c.name)).toEqual(['deepseek main']);
    const byType = await server.api<{ data: Channel[] }>('GET', '/api/admin/channels?type=openai-compatible', undefined, root);
    expect(byType.body.data.map((c) => c.name)).toEqual(['secret']);
  });

  it('rejects bad input with a clear 400 and stores nothing', async () => {
    const count = async () => (await server.ctx.db.kysely.selectFrom('channels').select('id').execute()).length;
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', type: 'openai', keys: '  \n ' }, 'keys'],
      [{ name: 'x', type: 'openai', keys: 'k', mapping: 'a>b\nnot a rule' }, 'line 2'],
      [{ name: 'x', type: 'openai', keys: 'k', base_url: 'ftp://x' }, 'base_url'],
      [{ name: 'x', type: 'nonsense', keys: 'k' }, 'type'],
      [{ name: 'x', type: 'openai', keys: 'k', weight: 0 }, 'weight'],
      [{ name: 'x', type: 'openai', keys: 'k', proxy: 'gopher://p' }, 'proxy'],
      [{ name: 'x', type: 'openai', keys: 'k', headers: { 'bad header': 'v' } }, 'header'],
      [{ name: 'x', type: 'openai-compatible', keys: 'k' }, 'base_url'],
    ];
    for (const [body, mention] of cases) {
      const res = await server.api<{ error: { message: string } }>('POST', '/api/admin/channels', body, root);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(mention);
    }
    expect((await server.api('PATCH', '/api/admin/channels/1', { priority: 'high' }, root)).status).toBe(400);
    expect((await server.api('PATCH', '/api/admin/channels/abc', { priority: 1 }, root)).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lists the channel type presets', async () => {
    const res = await server.api<{ data: Array<{ id: string; base_url: string }> }>('GET', '/api/admin/channel-types', undefined, root);
    expect(res.body.data.map((t) => t.id)).toEqual(expect.arrayContaining(['openai', 'deepseek', 'moonshot', 'qwen', 'ollama']));
  });
});
