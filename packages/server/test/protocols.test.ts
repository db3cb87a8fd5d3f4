import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { createTestServiceAccount, DEFAULT_TEXT, startMockUpstream, type MockUpstream } from '@switchboard/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * The native inbound endpoints beyond the conversion matrix: errors in each caller's own
 * shape, model lists per protocol, key placement, header pass-through, stream faults across
 * a conversion, and the cloud channel types (Vertex with a real service-account flow).
 */
let server: TestServer;
let mock: MockUpstream;
let vertex: MockUpstream;
let key: string;
let anthropic: Anthropic;
let gemini: GoogleGenAI;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  key = await createKey(server, root);
  mock = await startMockUpstream({ apiKeys: ['sk-upstream-key'] });
  await createChannel(server, root, { name: 'claude', type: 'anthropic', base_url: mock.url, keys: 'sk-upstream-key', models: ['claude-sonnet-4-5'], priority: 10 });
  await createChannel(server, root, {
    name: 'openai',
    type: 'openai',
    base_url: mock.url,
    keys: 'sk-upstream-key',
    models: ['gpt-4o-mini', 'claude-sonnet-4-5', 'deepseek-chat'],
  });
  await createChannel(server, root, {
    name: 'gemini',
    type: 'gemini',
    base_url: `${mock.origin}/v1beta`,
    keys: 'sk-upstream-key',
    models: ['gemini-2.5-flash'],
  });

  const account = createTestServiceAccount();
  vertex = await startMockUpstream({ serviceAccountPublicKey: account.publicKey });
  account.json.token_uri = vertex.tokenUrl;
  await createChannel(server, root, {
    name: 'vertex',
    type: 'vertex',
    base_url: vertex.origin,
    keys: `us-east5|${JSON.stringify(account.json)}`,
    models: ['vertex-claude', 'vertex-gemini'],
    mapping: 'vertex-claude>claude-sonnet-4-5@20250929\nvertex-gemini>gemini-2.5-pro',
  });

  anthropic = new Anthropic({ apiKey: key, baseURL: server.url, maxRetries: 0 });
  gemini = new GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: server.url } });
});
afterEach(() => {
  mock.reset();
  vertex.reset();
});
afterAll(async () => {
  await stopAll();
  await mock.close();
  await vertex.close();
});

const raw = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);

describe('errors in the caller’s own shape', () => {
  it('answers Anthropic callers with Anthropic error objects', async () => {
    const bad = await raw('/v1/messages', { method: 'POST', headers: { 'x-api-key': 'sk-wrong', 'content-type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: expect.any(String) } });

    const invalid = await raw('/v1/messages', {
      method: 'POST',
      headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('max_tokens');

    // The SDK maps them to its own error classes.
    await expect(anthropic.messages.create({ model: 'no-such-model', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
  });

  it('answers Gemini callers with Google error objects', async () => {
    const bad = await raw('/v1beta/models/gemini-2.5-flash:generateContent?key=sk-wrong', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'x' }] }] }),
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: 401, message: expect.any(String), status: 'UNAUTHENTICATED' } });

    const unknown = await raw(`/v1beta/models/gemini-2.5-flash:countEverything?key=${key}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { status: string } }).error.status).toBe('NOT_FOUND');
  });

  it('hides the upstream in a converted error', async () => {
    mock.enqueue({ status: 500, errorMessage: `boom at ${mock.url} with sk-up` }, { status: 500, errorMessage: `boom at ${mock.url} with sk-up` });
    const err = (await anthropic.messages
      .create({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect(err.status).toBe(502);
    expect(JSON.stringify(err.error)).not.toContain('127.0.0.1');
    expect(JSON.stringify(err.error)).not.toContain('sk-upstream-key');
  });
});

describe('keys and model lists per protocol', () => {
  it('takes the key from x-api-key, x-goog-api-key, ?key= and Bearer', async () => {
    const body = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'x' }] }] });
    const headers = { 'content-type': 'application/json' };
    for (const res of [
      await raw(`/v1beta/models/gemini-2.5-flash:generateContent?key=${key}`, { method: 'POST', headers, body }),
      await raw('/v1beta/models/gemini-2.5-flash:generateContent', { method: 'POST', headers: { ...headers, 'x-goog-api-key': key }, body }),
      await raw('/v1beta/models/gemini-2.5-flash:generateContent', { method: 'POST', headers: { ...headers, authorization: `Bearer ${key}` }, body }),
    ]) {
      expect(res.status).toBe(200);
    }
    // ?key= is Gemini's convention only; elsewhere a key in the URL would end up in proxy logs.
    const chat = await raw(`/v1/chat/completions?key=${key}`, { method: 'POST', headers, body: JSON.stringify({ model: 'gpt-4o-mini', messages: [] }) });
    expect(chat.status).toBe(401);
  });

  it('lists models in Anthropic’s shape for Anthropic clients and Google’s on /v1beta', async () => {
    const page = await anthropic.models.list();
    const ids = page.data.map((m) => m.id);
    expect(ids).toContain('claude-sonnet-4-5');
    expect(page.data[0]).toMatchObject({ type: 'model', display_name: expect.any(String), created_at: expect.any(String) });

    const pager = await gemini.models.list();
    const names: string[] = [];
    for await (const m of pager) names.push(m.name ?? '');
    expect(names).toContain('models/gemini-2.5-flash');

    const openai = await raw('/v1/models', { headers: { authorization: `Bearer ${key}` } });
    expect(((await openai.json()) as { object: string }).object).toBe('list');
  });
});

describe('pass-through and conversion details', () => {
  it('passes an Anthropic caller’s body and beta header through to an Anthropic upstream', async () => {
    await anthropic.messages.create(
      {
        model: 'claude-sonnet-4-5',
        max_tokens: 50,
        messages: [{ role: 'user', content: 'x' }],
        // A field the IR does not know survives same-protocol pass-through.
        metadata: { user_id: 'u-42' },
      },
      { headers: { 'anthropic-beta': 'context-1m-2025-08-07' } },
    );
    const sent = mock.requests.at(-1)!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe('sk-upstream-key');
    expect(sent.headers['anthropic-beta']).toBe('context-1m-2025-08-07');
    expect(sent.body).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 50, metadata: { user_id: 'u-42' } });
  });

  it('fails over to the next channel when a converted stream errors before any output', async () => {
    // Anthropic (priority 10) sends an in-stream error first; the OpenAI channel serves the retry.
    mock.enqueue({ streamError: { after: 0, status: 529 } });
    const stream = await gemini.models.generateContentStream({ model: 'claude-sonnet-4-5', contents: 'hello' });
    let text = '';
    for await (const chunk of stream) text += chunk.text ?? '';
    expect(text).toBe(DEFAULT_TEXT);
    expect(mock.requests.map((r) => r.path)).toEqual(['/v1/messages', '/v1/chat/completions']);
  });

  it('ends a converted stream that breaks after output with the caller’s error event', async () => {
    // Spaced out, so the first words reach the client before the error does.
    mock.enqueue({ chunks: ['one ', 'two ', 'three ', 'four ', 'five ', 'six'], chunkDelayMs: 15, streamError: { after: 6, message: 'overloaded at 127.0.0.1' } });
    const before = (await usageRows(server, 0)).length;
    const stream = anthropic.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'x' }] });
    const err = await stream.finalMessage().catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).not.toContain('127.0.0.1');
    expect(mock.requests.map((r) => r.path)).toEqual(['/v1/messages']); // too late to fail over
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(row.status).toBe('error');
  });

  it('records cache reads and writes from an Anthropic upstream', async () => {
    mock.enqueue({ usage: { prompt_tokens: 1000, completion_tokens: 20, cache_read_tokens: 600, cache_write_tokens: 300 } });
    const before = (await usageRows(server, 0)).length;
    const res = await server.openai(key).chat.completions.create({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'x' }] });
    expect(res.usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 20, prompt_tokens_details: { cached_tokens: 600 } });
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(Number(row.prompt_tokens)).toBe(1000);
    expect(Number(row.cached_tokens)).toBe(600);
    expect(Number(row.cache_write_tokens)).toBe(300);
  });
});

describe('Google Vertex AI channel', () => {
  it('serves Claude through rawPredict and Gemini through generateContent with a service-account token', async () => {
    const claude = await anthropic.messages.create({ model: 'vertex-claude', max_tokens: 20, messages: [{ role: 'user', content: 'x' }] });
    expect(claude.content[0]).toMatchObject({ type: 'text', text: DEFAULT_TEXT });
    const stream = await gemini.models.generateContentStream({ model: 'vertex-gemini', contents: 'hello' });
    let text = '';
    for await (const chunk of stream) text += chunk.text ?? '';
    expect(text).toBe(DEFAULT_TEXT);

    const paths = vertex.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/token')).toHaveLength(1); // the token is cached
    expect(paths).toContain('/v1/projects/mock-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict');
    expect(paths).toContain('/v1/projects/mock-project/locations/us-east5/publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse');
    const rawPredict = vertex.requests.find((r) => r.path.endsWith(':rawPredict'))!;
    expect(rawPredict.headers.authorization).toMatch(/^Bearer /);
    expect(rawPredict.body).toMatchObject({ anthropic_version: 'vertex-2023-10-16' });
    expect(rawPredict.body).not.toHaveProperty('model');
  });
});

describe('model capabilities (P-7)', () => {
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const withImage = {
    role: 'user' as const,
    content: [
      { type: 'text' as const, text: 'What is this?' },
      { type: 'image_url' as const, image_url: { url: `data:image/png;base64,${PNG}` } },
    ],
  };

  it('replaces an image sent to a text-only model with a short note instead of an upstream error', async () => {
    const res = await server.openai(key).chat.completions.create({ model: 'deepseek-chat', messages: [withImage] });
    expect(res.choices[0]!.message.content).toBe(DEFAULT_TEXT);
    const sent = JSON.stringify(mock.requests.at(-1)!.body);
    expect(sent).not.toContain(PNG);
    expect(sent).toContain('image omitted');
    // A vision model gets the image untouched.
    await server.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [withImage] });
    expect(JSON.stringify(mock.requests.at(-1)!.body)).toContain(PNG);
  });

  it('lists the caller’s models with their capabilities for the web app', async () => {
    const token = await server.rootToken();
    const res = await server.api<{ data: Array<{ id: string; capabilities: { vision: boolean; context_window: number } }> }>('GET', '/api/models', undefined, token);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.data.map((m) => [m.id, m.capabilities]));
    expect(byId.get('gpt-4o-mini')).toMatchObject({ vision: true, tools: true });
    expect(byId.get('deepseek-chat')).toMatchObject({ vision: false });
    expect(byId.get('claude-sonnet-4-5')!.context_window).toBeGreaterThanOrEqual(200_000);
  });
});
