import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, createUser, startTestServer, stopAll, type TestServer } from './harness.js';

let server: TestServer;
let mock: MockOpenAI;
let root: string;

beforeAll(async () => {
  server = await startTestServer();
  mock = await startMockOpenAI();
  root = await server.rootToken();
  await createChannel(server, root, { base_url: mock.url, keys: 'sk-upstream', models: ['gpt-4o-mini', 'gpt-4o'] });
});
afterAll(async () => {
  await stopAll();
  await mock.close();
});

const chat = (key: string, model = 'gpt-4o-mini') => server.openai(key).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });

describe('API keys', () => {
  it('returns the full key once and stores only a hash', async () => {
    const created = await server.api<{ id: number; key: string; key_hint: string }>('POST', '/api/keys', { name: 'laptop' }, root);
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sk-[0-9A-Za-z]{48}$/);
    expect(created.body.key_hint).toBe(`${created.body.key.slice(0, 7)}…${created.body.key.slice(-4)}`);

    const list = await server.api<{ data: Array<Record<string, unknown>> }>('GET', '/api/keys', undefined, root);
    const listed = list.body.data.find((k) => k.id === created.body.id)!;
    expect(listed.name).toBe('laptop');
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    const row = await server.ctx.db.kysely.selectFrom('api_keys').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.body.key.slice(3));
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives two keys different values (CSPRNG)', async () => {
    const a = await createKey(server, root);
    const b = await createKey(server, root);
    expect(a).not.toBe(b);
  });

  it('authenticates /v1 and rejects unknown, disabled and deleted keys with 401 in OpenAI shape', async () => {
    const key = await createKey(server, root);
    const ok = await chat(key);
    expect(ok.choices[0]!.message.content).toBeTruthy();

    const unknown = await server.api<{ error: { type: string; code: string } }>('GET', '/v1/models', undefined, 'sk-not-a-real-key');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toMatchObject({ code: 'invalid_api_key', type: 'invalid_request_error' });

    const { id } = (await server.api<{ data: Array<{ id: number; key_hint: string }> }>('GET', '/api/keys', undefined, root)).body.data.find(
      (k) => key.endsWith(k.key_hint.slice(-4)),
    )!;
    const disabled = await server.api('PATCH', `/api/keys/${id}`, { status: 'disabled', name: 'renamed' }, root);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', name: 'renamed' });
    await expect(chat(key)).rejects.toMatchObject({ status: 401, code: 'api_key_disabled' });

    await server.api('PATCH', `/api/keys/${id}`, { status: 'active' }, root);
    expect((await chat(key)).choices).toHaveLength(1);

    expect((await server.api('DELETE', `/api/keys/${id}`, undefined, root)).status).toBe(204);
    await expect(chat(key)).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((await server.api('DELETE', `/api/keys/${id}`, undefined, root)).status).toBe(404);
  });

  it('enforces expiry', async () => {
    const expired = await createKey(server, root, { expires_at: Date.now() - 1000 });
    await expect(chat(expired)).rejects.toMatchObject({ status: 401, code: 'api_key_expired' });
    const future = await createKey(server, root, { expires_at: Date.now() + 3_600_000 });
    expect((await chat(future)).choices).toHaveLength(1);
  });

  it('enforces allowed models, in the relay and in /v1/models', async () => {
    const key = await createKey(server, root, { models: ['gpt-4o-mini'] });
    expect((await chat(key, 'gpt-4o-mini')).choices).toHaveLength(1);
    await expect(chat(key, 'gpt-4o')).rejects.toMatchObject({ status: 403, code: 'model_not_allowed' });
    const models = await server.openai(key).models.list();
    expect(models.data.map((m) => m.id)).toEqual(['gpt-4o-mini']);
  });

  it('enforces the IP allowlist', async () => {
    const local = await createKey(server, root, { allow_ips: ['127.0.0.0/8'] });
    expect((await chat(local)).choices).toHaveLength(1);
    const elsewhere = await createKey(server, root, { allow_ips: ['10.0.0.0/8', '2001:db8::1'] });
    await expect(chat(elsewhere)).rejects.toMatchObject({ status: 403, code: 'ip_not_allowed' });
  });

  it('rejects bad key input with 400 and creates nothing', async () => {
    const before = (await server.api<{ data: unknown[] }>('GET', '/api/keys', undefined, root)).body.data.length;
    const bad = await server.api<{ error: { message: string } }>('POST', '/api/keys', { name: 'x', allow_ips: ['not-an-ip'] }, root);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('not-an-ip');
    expect((await server.api('POST', '/api/keys', { name: 'x', expires_at: 'tomorrow' }, root)).status).toBe(400);
    expect((await server.api('POST', '/api/keys', { name: '' }, root)).status).toBe(400);
    expect((await server.api('PATCH', '/api/keys/1', {}, root)).status).toBe(400);
    const after = (await server.api<{ data: unknown[] }>('GET', '/api/keys', undefined, root)).body.data.length;
    expect(after).toBe(before);
  });

  it('keeps users to their own keys', async () => {
    const bob = await createUser(server, 'bob');
    const rootKeys = (await server.api<{ data: Array<{ id: number }> }>('GET', '/api/keys', undefined, root)).body.data;
    const bobView = await server.api<{ data: unknown[] }>('GET', '/api/keys', undefined, bob);
    expect(bobView.body.data).toEqual([]);
    expect((await server.api('PATCH', `/api/keys/${rootKeys[0]!.id}`, { status: 'disabled' }, bob)).status).toBe(404);
    expect((await server.api('DELETE', `/api/keys/${rootKeys[0]!.id}`, undefined, bob)).status).toBe(404);
  });
});
