import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT_PASSWORD, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';
import { schemaProblems, type JsonSchema } from './json-schema-strict.js';

/**
 * The OpenAPI document is the contract: this calls every route it lists, with input that
 * succeeds, and checks that the status is one the route declares and that the body has
 * exactly the declared fields (none undeclared, none required missing), or no body for 204.
 */
interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema: JsonSchema }; 'text/event-stream'?: unknown } }>;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const POINT = 1_000_000;
let server: TestServer;
let mock: MockOpenAI;
let smtp: SMTPServer;
const mails: string[] = [];
let doc: OpenApi;
const covered = new Set<string>();
const problems: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Switchboard <noreply@example.com>' } });
  mock = await startMockOpenAI();
  doc = (await server.api<OpenApi>('GET', '/api/openapi.json')).body;
});
afterAll(async () => {
  await stopAll();
  await mock.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** Calls `template` (the document's path) as `path`, and checks the answer against the document. */
async function call<T = Record<string, unknown>>(method: string, template: string, opts: { path?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!op) {
    problems.push(`${method} ${template}: not in the OpenAPI document`);
    return undefined as T;
  }
  covered.add(`${method} ${template}`);
  const res = await fetch(server.base + (opts.path ?? template), {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body === undefined ? null : JSON.stringify(opts.body),
  });
  const declared = op.responses[String(res.status)];
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    // A stream never ends by itself: its head is the contract.
    await res.body?.cancel();
    if (!declared?.content?.['text/event-stream']) problems.push(`${method} ${template}: answers an event stream it does not declare`);
    return undefined as T;
  }
  const text = await res.text();
  if (!declared || res.status >= 300) {
    problems.push(`${method} ${template}: answered ${res.status} (declared ${Object.keys(op.responses).join(', ')}): ${text.slice(0, 300)}`);
    return undefined as T;
  }
  if (res.status === 204) {
    if (text !== '') problems.push(`${method} ${template}: 204 with a body`);
    return undefined as T;
  }
  const schema = declared.content?.['application/json']?.schema;
  if (!(res.headers.get('content-type') ?? '').includes('json')) return text as T;
  if (!schema) {
    problems.push(`${method} ${template} ${res.status}: answers JSON but documents no schema for it`);
    return JSON.parse(text) as T;
  }
  const body = JSON.parse(text) as unknown;
  problems.push(...schemaProblems(schema, body).map((p) => `${method} ${template} ${res.status}: ${p}`));
  return body as T;
}

async function mailedCode(after: number): Promise<string> {
  for (let i = 0; i < 250 && mails.length <= after; i++) await new Promise((r) => setTimeout(r, 20));
  const match = /Your code: (\d{6})/.exec(mails[after] ?? '');
  if (!match) throw new Error(`no code mailed: ${JSON.stringify(mails)} ${JSON.stringify(problems)}`);
  return match[1]!;
}

describe('the OpenAPI document', () => {
  it('matches what every route answers: statuses and field names', async () => {
    await call('GET', '/api/status');
    await call('GET', '/api/ready');
    const root = (await call<{ token: string }>('POST', '/api/auth/login', { body: { username: 'root', password: ROOT_PASSWORD } })).token;
    await call('GET', '/api/auth/me', { token: root });
    await call('GET', '/api/auth/options');
    await call('GET', '/api/admin/settings', { token: root });
    await call('PATCH', '/api/admin/settings/registration', { token: root, body: { enabled: true, email_verification: true, signup_grant: POINT } });
    await call('PATCH', '/api/admin/settings/plans', { token: root, body: { enabled: true } });
    await call('PATCH', '/api/admin/settings/response_cache', { token: root, body: { preset: 'none' } });
    await call('PATCH', '/api/admin/settings/chat', { token: root, body: { anonymous_per_minute: 20 } });

    // Accounts: register with a mailed code, reset and change the password, sign in.
    const email = 'contract@example.com';
    let before = mails.length;
    await call('POST', '/api/auth/email-code', { body: { email, purpose: 'register' } });
    const registered = await call<{ token: string; user: { id: number } }>('POST', '/api/auth/register', {
      body: { username: 'contract', email, password: 'first-Password-1', code: await mailedCode(before) },
    });
    const userId = registered.user.id;
    const user = (await call<{ token: string }>('POST', '/api/auth/login', { body: { username: 'contract', password: 'first-Password-1' } })).token;
    await call('POST', '/api/auth/change-password', { token: user, body: { current_password: 'first-Password-1', new_password: 'second-Password-2' } });

    await call('GET', '/api/admin/users', { token: root });
    const made = await call<{ id: number }>('POST', '/api/admin/users', { token: root, body: { username: 'made', email: 'made@example.com', password: 'made-Password-1', grant: 5 } });
    // A reset of another address: a second code to the same one would wait for the resend interval.
    before = mails.length;
    await call('POST', '/api/auth/email-code', { body: { email: 'made@example.com', purpose: 'reset' } });
    await call('POST', '/api/auth/reset-password', { body: { email: 'made@example.com', code: await mailedCode(before), password: 'made-Password-2' } });
    await call('GET', '/api/admin/users/{id}', { token: root, path: `/api/admin/users/${made.id}` });
    await call('PATCH', '/api/admin/users/{id}', { token: root, path: `/api/admin/users/${made.id}`, body: { group: 'vip' } });

    // Channels, prices and a relayed call, so the usage and ledger lists have rows.
    await call('GET', '/api/admin/channel-types', { token: root });
    const channel = await call<{ id: number }>('POST', '/api/admin/channels', {
      token: root,
      body: { type: 'openai', name: 'contract', base_url: mock.url, keys: 'sk-contract-upstream', models: ['contract-model'] },
    });
    await call('GET', '/api/admin/channels', { token: root });
    await call('GET', '/api/admin/channels/{id}', { token: root, path: `/api/admin/channels/${channel.id}` });
    await call('PATCH', '/api/admin/channels/{id}', { token: root, path: `/api/admin/channels/${channel.id}`, body: { weight: 2 } });
    await call('GET', '/api/admin/channels/{id}/secrets', { token: root, path: `/api/admin/channels/${channel.id}/secrets` });
    await call('PUT', '/api/admin/prices/{model}', { token: root, path: '/api/admin/prices/contract-model', body: { mode: 'request', per_request: POINT } });
    await call('PUT', '/api/admin/prices/{model}', { token: root, path: '/api/admin/prices/token-model', body: { mode: 'token', input: POINT, output: 2 * POINT } });
    await call('GET', '/api/admin/prices', { token: root });
    // Signed out, a free model open to everyone: answered as an event stream (its end says no channel serves it).
    await call('PUT', '/api/admin/prices/{model}', { token: root, path: '/api/admin/prices/open-model', body: { mode: 'free', anonymous: true } });
    await call('POST', '/api/chat/anonymous', { body: { model: 'open-model', messages: [{ role: 'user', content: 'hi' }] } });
    await call('GET', '/v1/charge');
    await call('GET', '/api/models', { token: user });
    await call('POST', '/api/admin/users/{id}/balance', { token: root, path: `/api/admin/users/${userId}/balance`, body: { amount: 100 * POINT } });
    const key = await call<{ id: number; key: string }>('POST', '/api/keys', { token: user, body: { name: 'contract', quota_limit: 50 * POINT } });
    await call('GET', '/api/keys', { token: user });
    await call('PATCH', '/api/keys/{id}', { token: user, path: `/api/keys/${key.id}`, body: { name: 'renamed' } });
    await server.openai(key.key).chat.completions.create({ model: 'contract-model', messages: [{ role: 'user', content: 'hi' }] });
    await usageRows(server, 1);
    for (let i = 0; i < 250 && (await server.ctx.db.kysely.selectFrom('reservations').select('request_id').execute()).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await call('GET', '/api/billing/balance', { token: user });
    await call('GET', '/api/billing/ledger', { token: user });

    // Codes.
    const codes = await call<{ data: Array<{ id: number; code: string }> }>('POST', '/api/admin/codes', { token: root, body: { kind: 'redeem', amount: POINT, count: 2, batch: 'contract' } });
    await call('GET', '/api/admin/codes', { token: root });
    await call('GET', '/api/admin/codes/export', { token: root, path: '/api/admin/codes/export?batch=contract' });
    await call('POST', '/api/codes/redeem', { token: user, body: { code: codes.data[0]!.code } });
    await call('DELETE', '/api/admin/codes/{id}', { token: root, path: `/api/admin/codes/${codes.data[1]!.id}` });

    // Plans and subscriptions.
    const plan = { name: 'basic', price: POINT, items: [{ id: 'chat', name: 'Chat', quota: 10, models: ['contract-model'] }] };
    await call('PUT', '/api/admin/plans/{level}', { token: root, path: '/api/admin/plans/1', body: plan });
    await call('PUT', '/api/admin/plans/{level}', { token: root, path: '/api/admin/plans/2', body: { ...plan, name: 'spare', price: 2 * POINT } });
    await call('GET', '/api/admin/plans', { token: root });
    await call('GET', '/api/admin/plans/{level}', { token: root, path: '/api/admin/plans/1' });
    await call('DELETE', '/api/admin/plans/{level}', { token: root, path: '/api/admin/plans/2' });
    await call('GET', '/api/plans');
    await call('GET', '/v1/plans');
    await call('POST', '/api/billing/subscribe', { token: user, body: { level: 1, months: 1 } });
    await call('GET', '/api/billing/subscription', { token: user });
    await call('GET', '/api/admin/users/{id}/subscription', { token: root, path: `/api/admin/users/${userId}/subscription` });
    await call('POST', '/api/admin/users/{id}/subscription', { token: root, path: `/api/admin/users/${made.id}/subscription`, body: { level: 1, expires_at: Date.now() + 86_400_000 } });
    await call('POST', '/api/admin/users/{id}/subscription/release', { token: root, path: `/api/admin/users/${made.id}/subscription/release` });

    // Model market and favourites (the user is subscribed to level 1, which covers contract-model).
    await call('PUT', '/api/admin/market', { token: root, body: [{ model: 'contract-model', name: 'Contract', tags: ['test'], avatar: 'openai', default: true }] });
    await call('PUT', '/api/admin/market/{model}', { token: root, path: `/api/admin/market/${encodeURIComponent('vendor/spare')}`, body: { name: 'Spare', high_context: true } });
    await call('GET', '/api/admin/market', { token: root });
    await call('PUT', '/api/market/favorites', { token: user, body: { models: ['vendor/spare', 'contract-model'] } });
    await call('GET', '/api/market/favorites', { token: user });
    await call('GET', '/api/market', { token: user });
    await call('GET', '/v1/market');
    await call('DELETE', '/api/admin/market/{model}', { token: root, path: `/api/admin/market/${encodeURIComponent('vendor/spare')}` });

    // Presets: the built-in list, a user's own (created, cloned, changed, synced, deleted).
    await call('GET', '/api/presets/builtin', { path: '/api/presets/builtin?lang=zh-CN' });
    const preset = await call<{ id: string }>('POST', '/api/presets', { token: user, body: { avatar: '🧐', name: 'Mine', description: 'd', context: [{ role: 'system', content: 'Be brief.' }] } });
    await call('POST', '/api/presets/clone/{builtinId}', { token: user, path: '/api/presets/clone/translator', body: { lang: 'ja' } });
    await call('PUT', '/api/presets/{id}', { token: user, path: `/api/presets/${preset.id}`, body: { name: 'Mine, edited' } });
    await call('GET', '/api/presets/{id}', { token: user, path: `/api/presets/${preset.id}` });
    await call('DELETE', '/api/presets/{id}', { token: user, path: `/api/presets/${preset.id}` });
    await call('GET', '/api/presets', { token: user, path: '/api/presets?since=0' });
    await call('GET', '/api/presets', { token: user });

    // Conversations (their messages are written by the generation jobs' store) and shares.
    const chat = await call<{ id: string }>('POST', '/api/chat/conversations', { token: user, body: { preset_id: 'translator', lang: 'en' } });
    const asked = await server.ctx.conversations.addUserMessage(userId, chat.id, { parentId: null, content: 'Translate "hello"', attachments: [] });
    const answered = await server.ctx.conversations.addAssistant(userId, chat.id, { parentId: asked.id, model: 'contract-model', nodeId: 'contract', requestId: 'req_t' });
    await server.ctx.conversations.finishAssistant(answered.id, { content: 'Bonjour', status: 'done', cost: POINT, prompt_tokens: 3, completion_tokens: 1 });
    const retry = await server.ctx.conversations.addAssistant(userId, chat.id, { parentId: asked.id, model: 'contract-model', nodeId: 'contract', requestId: 'req_t' });
    await server.ctx.conversations.finishAssistant(retry.id, { content: 'Salut', status: 'error', error: 'upstream failed' });
    await call('GET', '/api/chat/conversations', { token: user });
    await call('GET', '/api/chat/conversations', { token: user, path: '/api/chat/conversations?since=0&limit=1' });
    await call('GET', '/api/chat/conversations', { token: user, path: '/api/chat/conversations?q=hello' });
    await call('GET', '/api/chat/conversations/{id}', { token: user, path: `/api/chat/conversations/${chat.id}` });
    await call('PATCH', '/api/chat/conversations/{id}', { token: user, path: `/api/chat/conversations/${chat.id}`, body: { pinned: true, settings: { temperature: 0.2 } } });
    await call('GET', '/api/chat/search', { token: user, path: '/api/chat/search?q=bonjour' });
    const shared = await call<{ id: string }>('POST', '/api/chat/conversations/{id}/shares', { token: user, path: `/api/chat/conversations/${chat.id}/shares`, body: { message_id: answered.id } });
    await call('GET', '/api/chat/shares', { token: user });
    await call('GET', '/api/shares/{id}', { path: `/api/shares/${shared.id}` });
    await call('POST', '/api/shares/{id}/fork', { token: user, path: `/api/shares/${shared.id}/fork` });
    await call('DELETE', '/api/chat/conversations/{id}/messages/{messageId}', { token: user, path: `/api/chat/conversations/${chat.id}/messages/${retry.id}` });
    await call('DELETE', '/api/chat/shares/{id}', { token: user, path: `/api/chat/shares/${shared.id}` });
    await call('DELETE', '/api/chat/conversations/{id}', { token: user, path: `/api/chat/conversations/${chat.id}` });
    await call('DELETE', '/api/chat/conversations', { token: user });
    // Generation: send, read the answer's events, regenerate, edit, stop (tested in depth in chat-generation.test.ts).
    const talk = await call<{ id: string }>('POST', '/api/chat/conversations', { token: user, body: { settings: { model: 'contract-model' } } });
    const sent = await call<{ user_message: { id: string }; assistant_message: { id: string } }>('POST', '/api/chat/conversations/{id}/messages', {
      token: user,
      path: `/api/chat/conversations/${talk.id}/messages`,
      body: { content: 'Hello' },
    });
    await call('GET', '/api/chat/messages/{id}/events', { token: user, path: `/api/chat/messages/${sent.assistant_message.id}/events` });
    await call('POST', '/api/chat/conversations/{id}/messages/{messageId}/regenerate', { token: user, path: `/api/chat/conversations/${talk.id}/messages/${sent.assistant_message.id}/regenerate` });
    await call('POST', '/api/chat/conversations/{id}/messages/{messageId}/edit', { token: user, path: `/api/chat/conversations/${talk.id}/messages/${sent.user_message.id}/edit`, body: { content: 'Hello again' } });
    const pending = await server.ctx.conversations.addAssistant(userId, talk.id, { parentId: sent.user_message.id, model: 'contract-model', nodeId: 'elsewhere', requestId: 'req_contract' });
    await call('POST', '/api/chat/messages/{id}/stop', { token: user, path: `/api/chat/messages/${pending.id}/stop` });
    await server.ctx.conversations.finishAssistant(pending.id, { content: '', status: 'stopped' });
    // The per-user change stream (answered as an event stream; its events are tested in chat-events.test.ts).
    await call('GET', '/api/chat/events', { token: user });

    // Usage.
    await call('GET', '/api/usage/logs', { token: user });
    await call('GET', '/api/usage/summary', { token: user });
    await call('GET', '/api/usage/export.csv', { token: user });
    await call('GET', '/api/admin/usage/logs', { token: root });
    await call('GET', '/api/admin/usage/summary', { token: root });
    await call('GET', '/api/admin/usage/summary', { token: root, path: '/api/admin/usage/summary?group_by=user' });
    await call('GET', '/api/admin/usage/export.csv', { token: root });

    // What is left goes away.
    await call('DELETE', '/api/admin/response-cache', { token: root });
    await call('DELETE', '/api/admin/prices/{model}', { token: root, path: '/api/admin/prices/token-model' });
    await call('DELETE', '/api/keys/{id}', { token: user, path: `/api/keys/${key.id}` });
    await call('DELETE', '/api/admin/channels/{id}', { token: root, path: `/api/admin/channels/${channel.id}` });
    await call('POST', '/api/auth/logout', { token: user });

    expect(problems).toEqual([]);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((op) => !covered.has(op))).toEqual([]);
  });

  it('checks strictly: an undeclared field, a missing one and a wrong type are each a problem', () => {
    const schema = z.toJSONSchema(z.object({ base_url: z.string(), key_format: z.string().nullable(), docs: z.string().optional() })) as JsonSchema;
    expect(schemaProblems(schema, { base_url: 'u', key_format: null })).toEqual([]);
    expect(schemaProblems(schema, { base_url: 'u', key_format: 'k', docs: 'd' })).toEqual([]);
    expect(schemaProblems(schema, { baseUrl: 'u', key_format: null })).toEqual(['$.base_url: missing', '$.baseUrl: not declared']);
    expect(schemaProblems(schema, { base_url: 1, key_format: null })).toEqual(['$.base_url: expected type string, got number']);
  });

  it('documents the 503 of /api/ready, and answers it', async () => {
    const failing = await startTestServer();
    await failing.ctx.db.close();
    const res = await failing.api<Record<string, unknown>>('GET', '/api/ready');
    expect(res.status).toBe(503);
    const doc503 = (await failing.api<OpenApi>('GET', '/api/openapi.json')).body.paths['/api/ready']!.get!.responses['503'];
    expect(schemaProblems(doc503!.content!['application/json']!.schema, res.body)).toEqual([]);
    expect(res.body.status).toBe('not_ready');
  });
});
