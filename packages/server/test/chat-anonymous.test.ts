import { startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';
import { deltaText, parseSse } from './sse-events.js';

/**
 * Anonymous chat (B-2) through the real server: signed out, only models whose price is free
 * and open to signed-out users answer; nothing is saved; each client address is limited per
 * minute; and the call goes through the relay core like any other (usage row "chat", user 0).
 */
let server: TestServer;
let root: string;
let mock: MockUpstream;

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  mock = await startMockUpstream({ apiKeys: ['sk-up'] });
  await createChannel(server, root, { name: 'up', base_url: mock.url, keys: 'sk-up', models: ['open-model', 'closed-model', 'paid-model'] });
  await server.api('PUT', '/api/admin/prices/open-model', { mode: 'free', anonymous: true }, root);
  await server.api('PUT', '/api/admin/prices/closed-model', { mode: 'free' }, root);
  await server.api('PUT', '/api/admin/prices/paid-model', { mode: 'request', per_request: 1000 }, root);
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

const anonymous = (body: unknown) => server.api<string & { error: { code: string; message: string } }>('POST', '/api/chat/anonymous', body);

describe('anonymous chat', () => {
  it('answers a signed-out visitor with a free model open to signed-out users, streamed', async () => {
    mock.enqueue({ text: 'Paris is the capital of France.', reasoning: 'Easy one.' });
    const res = await anonymous({
      model: 'open-model',
      messages: [
        { role: 'user', content: 'Capital of Italy?' },
        { role: 'assistant', content: 'Rome.' },
        { role: 'user', content: 'And France?' },
      ],
      settings: { temperature: 0.5, system_prompt: 'Be brief.' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = parseSse(res.body);
    expect(deltaText(events)).toBe('Paris is the capital of France.');
    expect(events.some((e) => e.event === 'reasoning')).toBe(true);
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ status: 'done', finish_reason: 'end', error: null });
    // The whole conversation reached the upstream, with the settings given.
    const sent = mock.requests.at(-1)!.body as { messages: Array<{ role: string; content: unknown }>; temperature: number };
    expect(sent.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sent.temperature).toBe(0.5);
    // Through the relay core: one usage row, marked as chat, for no account and no key.
    const [row] = await usageRows(server, 1);
    expect(row).toMatchObject({ endpoint: 'chat', model: 'open-model', user_id: 0, key_id: null, status: 'success' });
  });

  it('refuses models that are not open to signed-out users, saying to sign in', async () => {
    for (const model of ['closed-model', 'paid-model', 'no-such-model']) {
      const res = await anonymous({ model, messages: [{ role: 'user', content: 'hi' }] });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('sign_in_required');
    }
    expect(mock.requests).toHaveLength(0);
  });

  it('rejects a malformed conversation with 400 and calls nothing', async () => {
    for (const body of [
      { model: 'open-model', messages: [] },
      { model: 'open-model', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] },
      { model: 'open-model', messages: [{ role: 'system', content: 'hi' }] },
      { messages: [{ role: 'user', content: 'hi' }] },
    ]) {
      const res = await anonymous(body);
      expect(res.status).toBe(400);
    }
    expect(mock.requests).toHaveLength(0);
  });

  it('limits each client address per minute, as the administrator set, and can be turned off', async () => {
    // A server of its own: the other tests' messages count in this address's window.
    const own = await startTestServer();
    const ownRoot = await own.rootToken();
    await createChannel(own, ownRoot, { name: 'up', base_url: mock.url, keys: 'sk-up', models: ['open-model'] });
    await own.api('PUT', '/api/admin/prices/open-model', { mode: 'free', anonymous: true }, ownRoot);
    expect((await own.api('PATCH', '/api/admin/settings/chat', { anonymous_per_minute: 2 }, ownRoot)).status).toBe(200);
    const ask = () => own.api<{ error: { message: string } }>('POST', '/api/chat/anonymous', { model: 'open-model', messages: [{ role: 'user', content: 'hi' }] });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const third = await ask();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(2);

    await own.api('PATCH', '/api/admin/settings/chat', { anonymous_per_minute: 0 }, ownRoot);
    const off = await ask();
    expect(off.status).toBe(403);
    expect(off.body.error.message).toMatch(/turned off/);
  });

  it('ends the stream with the error when the upstream fails, hiding the upstream', async () => {
    mock.enqueue({ status: 500, errorMessage: `boom at ${mock.url}` });
    const res = await anonymous({ model: 'open-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(200);
    const end = JSON.parse(parseSse(res.body).at(-1)!.data) as { status: string; error: string };
    expect(end.status).toBe('error');
    expect(end.error).not.toContain(mock.url);
    expect(end.error).not.toContain('127.0.0.1');
  });
});
