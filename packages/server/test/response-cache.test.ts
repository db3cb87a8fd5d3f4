import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { startMockUpstream, type MockScript, type MockUpstream } from '@switchboard/testkit';
import type OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBase62 } from '../src/crypto/tokens.js';
import { createChannel, createKey, createTestDatabase, createUser, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * The response cache (B-7) through the real server: a repeated request is answered from the
 * cache without reaching an upstream and without a charge, in the caller's own protocol and
 * streaming mode, and only complete answers are stored.
 */
const POINT = 1_000_000;
let server: TestServer;
let root: string;
let rootId: number;
let mock: MockUpstream;
let adminKey: string;

/** Every channel model; the cached ones are opted in by name in `cacheOnly`. */
const MODELS = { openai: 'c-openai', anthropic: 'c-anthropic', gemini: 'c-gemini' } as const;

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  mock = await startMockUpstream({ apiKeys: ['sk-up'] });
  await createChannel(server, root, {
    name: 'openai',
    base_url: mock.url,
    keys: 'sk-up',
    models: [MODELS.openai, 'per-call', 'not-cached', 'gratis', 'unpriced'],
  });
  await createChannel(server, root, { name: 'anthropic', type: 'anthropic', base_url: mock.url, keys: 'sk-up', models: [MODELS.anthropic] });
  await createChannel(server, root, { name: 'gemini', type: 'gemini', base_url: `${mock.origin}/v1beta`, keys: 'sk-up', models: [MODELS.gemini] });
  await createChannel(server, root, { name: 'vip', base_url: mock.url, keys: 'sk-up', models: ['vip-model'], groups: ['vip'] });
  for (const model of [...Object.values(MODELS), 'per-call', 'not-cached', 'vip-model']) {
    await server.api('PUT', `/api/admin/prices/${model}`, { mode: 'request', per_request: POINT }, root);
  }
  await server.api('PUT', '/api/admin/prices/gratis', { mode: 'free' }, root);
  adminKey = await createKey(server, root);
  rootId = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, root)).body.id;
  await server.ctx.ledger.post({ userId: rootId, kind: 'adjust', amount: 1000 * POINT, note: 'test credit' });
});
afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
});

async function cacheSettings(patch: Record<string, unknown>): Promise<void> {
  const res = await server.api('PATCH', '/api/admin/settings/response_cache', patch, root);
  expect(res.status).toBe(200);
}
/** The usual settings: exactly these models cached, one answer per request, an hour. */
const cacheOnly = (...models: string[]) => cacheSettings({ preset: 'none', models, ttl_sec: 3600, size: 1 });

let prompts = 0;
/** A question no other test asks, so answers never leak between tests. */
const question = () => `question ${++prompts}: what is the capital of France?`;

let users = 0;
async function payingUser(points: number, group = 'normal'): Promise<{ id: number; key: string }> {
  const token = await createUser(server, `cacher${++users}`, group);
  const id = (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
  if (points) await server.ctx.ledger.post({ userId: id, kind: 'adjust', amount: points * POINT, note: 'test credit' });
  return { id, key: await createKey(server, token) };
}

interface Call {
  status: number;
  cache: string | null;
  text: string;
}

/**
 * One OpenAI Chat call over plain HTTP; the answer's text (streamed or not), and the cache
 * header. Waits for the cache to finish writing, so the next call sees what this one stored.
 */
async function chat(key: string, body: Record<string, unknown>): Promise<Call> {
  const res = await fetch(`${server.base}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const raw = await res.text();
  await server.ctx.responseCache.writes();
  let text = '';
  if (res.status === 200 && body.stream) {
    for (const frame of raw.split('\n\n')) {
      if (!frame.startsWith('data: {')) continue;
      // An error event (a broken stream) has no choices.
      text += (JSON.parse(frame.slice(6)) as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content ?? '';
    }
  } else if (res.status === 200) {
    text = (JSON.parse(raw) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
  }
  return { status: res.status, cache: res.headers.get('x-switchboard-cache'), text };
}

const ask = (content: string, extra: Record<string, unknown> = {}) => ({ model: MODELS.openai, messages: [{ role: 'user', content }], ...extra });

async function waitSettled(userId: number): Promise<void> {
  const held = async () => (await server.ctx.db.kysely.selectFrom('reservations').select('request_id').where('user_id', '=', userId).execute()).length;
  await expect.poll(held, { timeout: 5000 }).toBe(0);
}

describe('a repeated request', () => {
  it('is answered from the cache: no upstream call, no charge, a usage row that says so', async () => {
    await cacheOnly(MODELS.openai);
    const user = await payingUser(10);
    const q = question();
    mock.enqueue({ text: 'Paris, first time.', usage: { prompt_tokens: 12, completion_tokens: 4 } });
    const first = await chat(user.key, ask(q));
    expect(first).toEqual({ status: 200, cache: 'miss', text: 'Paris, first time.' });
    await waitSettled(user.id);
    expect(await server.ctx.ledger.balance(user.id)).toBe(9 * POINT);

    const second = await chat(user.key, ask(q));
    expect(second).toEqual({ status: 200, cache: 'hit', text: 'Paris, first time.' });
    expect(mock.requests).toHaveLength(1);
    await waitSettled(user.id);
    expect(await server.ctx.ledger.balance(user.id)).toBe(9 * POINT);

    await expect.poll(async () => (await usageRows(server, 0)).filter((r) => r.user_id === user.id).length).toBe(2);
    const rows = (await usageRows(server, 0)).filter((r) => r.user_id === user.id);
    const hit = rows[1]!;
    expect(rows[0]).toMatchObject({ usage_source: 'upstream', status: 'success' });
    expect(Number(rows[0]!.cost)).toBe(POINT);
    expect(hit).toMatchObject({ usage_source: 'cache', status: 'success', channel_id: null, upstream_model: null, attempts: 0, http_status: 200 });
    expect(Number(hit.cost)).toBe(0);
    expect([Number(hit.prompt_tokens), Number(hit.completion_tokens)]).toEqual([12, 4]);
    expect(Number(hit.latency_ms)).toBeGreaterThanOrEqual(0);
  });

  it('is shared between users, and served even when the balance is empty (a hit is free)', async () => {
    await cacheOnly(MODELS.openai);
    const q = question();
    const payer = await payingUser(5);
    expect((await chat(payer.key, ask(q))).cache).toBe('miss');
    const broke = await payingUser(0);
    expect(await chat(broke.key, ask(q))).toMatchObject({ status: 200, cache: 'hit' });
    // Anything else still needs the balance.
    expect((await chat(broke.key, ask(question()))).status).toBe(402);
    expect(mock.requests).toHaveLength(1);
  });

  it('streamed first serves a plain call, and a plain one serves a stream', async () => {
    await cacheOnly(MODELS.openai);
    const a = question();
    mock.enqueue({ chunks: ['Par', 'is ', 'streamed.'] });
    expect(await chat(adminKey, ask(a, { stream: true }))).toEqual({ status: 200, cache: 'miss', text: 'Paris streamed.' });
    expect(await chat(adminKey, ask(a))).toEqual({ status: 200, cache: 'hit', text: 'Paris streamed.' });

    const b = question();
    mock.enqueue({ text: 'Paris, not streamed.' });
    expect(await chat(adminKey, ask(b))).toMatchObject({ cache: 'miss', text: 'Paris, not streamed.' });
    expect(await chat(adminKey, ask(b, { stream: true, stream_options: { include_usage: true } }))).toMatchObject({ cache: 'hit', text: 'Paris, not streamed.' });
    expect(mock.requests).toHaveLength(2);
  });

  it('with anything that changes the answer is a miss', async () => {
    await cacheOnly(MODELS.openai);
    const q = question();
    await chat(adminKey, ask(q, { temperature: 0.2 }));
    expect((await chat(adminKey, ask(q, { temperature: 0.9 }))).cache).toBe('miss');
    expect((await chat(adminKey, ask(`${q} Answer briefly.`, { temperature: 0.2 }))).cache).toBe('miss');
    expect((await chat(adminKey, ask(q, { temperature: 0.2, max_tokens: 5 }))).cache).toBe('miss');
    // … but not the end user's id or the stream options.
    expect((await chat(adminKey, ask(q, { temperature: 0.2, user: 'someone-else' }))).cache).toBe('hit');
    expect(mock.requests).toHaveLength(4);
  });

  it('asking for several choices is never cached', async () => {
    await cacheOnly(MODELS.openai);
    const q = question();
    expect((await chat(adminKey, ask(q, { n: 2 }))).cache).toBeNull();
    expect((await chat(adminKey, ask(q, { n: 2 }))).cache).toBeNull();
    expect(mock.requests).toHaveLength(2);
  });
});

describe('which models are cached', () => {
  it('never a model that is not opted in', async () => {
    await cacheOnly(MODELS.openai);
    const q = question();
    const calls = [await chat(adminKey, { ...ask(q), model: 'not-cached' }), await chat(adminKey, { ...ask(q), model: 'not-cached' })];
    expect(calls.map((c) => [c.status, c.cache])).toEqual([
      [200, null],
      [200, null],
    ]);
    expect(mock.requests).toHaveLength(2);
  });

  it('preset "free" caches free models only; preset "all" caches every model', async () => {
    await cacheSettings({ preset: 'free', models: [], size: 1 });
    const q = question();
    const twice = async (model: string) => [(await chat(adminKey, { ...ask(q), model })).cache, (await chat(adminKey, { ...ask(q), model })).cache];
    expect(await twice('gratis')).toEqual(['miss', 'hit']);
    expect(await twice('per-call')).toEqual([null, null]);
    await cacheSettings({ preset: 'all' });
    expect(await twice('not-cached')).toEqual(['miss', 'hit']);
    expect(mock.requests).toHaveLength(4);
  });

  it('a stored answer of an unpriced model is for administrators only, like the model itself', async () => {
    await cacheOnly('unpriced');
    const q = question();
    expect((await chat(adminKey, { ...ask(q), model: 'unpriced' })).cache).toBe('miss');
    expect((await chat(adminKey, { ...ask(q), model: 'unpriced' })).cache).toBe('hit');
    const user = await payingUser(10);
    expect((await chat(user.key, { ...ask(q), model: 'unpriced' })).status).toBe(403);
    expect(mock.requests).toHaveLength(1);
  });

  it('is not served to a group that may not use the model', async () => {
    await cacheOnly('vip-model');
    const q = question();
    const vip = await payingUser(10, 'vip');
    expect((await chat(vip.key, { ...ask(q), model: 'vip-model' })).cache).toBe('miss');
    expect((await chat(vip.key, { ...ask(q), model: 'vip-model' })).cache).toBe('hit');
    const normal = await payingUser(10);
    const refused = await chat(normal.key, { ...ask(q), model: 'vip-model' });
    expect([refused.status, refused.cache]).toEqual([404, null]);
    expect(mock.requests).toHaveLength(1);
  });
});

describe('slots and lifetime', () => {
  it('with size 2, the first two calls go upstream and later ones get one of their answers', async () => {
    await cacheSettings({ preset: 'none', models: [MODELS.openai], size: 2 });
    const q = question();
    mock.enqueue({ text: 'Answer A.' }, { text: 'Answer B.' });
    const first = [await chat(adminKey, ask(q)), await chat(adminKey, ask(q))];
    expect(first.map((c) => [c.cache, c.text])).toEqual([
      ['miss', 'Answer A.'],
      ['miss', 'Answer B.'],
    ]);
    const later: string[] = [];
    for (let i = 0; i < 12; i++) {
      const call = await chat(adminKey, ask(q, { stream: i % 2 === 0 }));
      expect(call.cache).toBe('hit');
      later.push(call.text);
    }
    expect(new Set(later)).toEqual(new Set(['Answer A.', 'Answer B.']));
    expect(mock.requests).toHaveLength(2);
  });

  it('expires after ttl_sec', async () => {
    await cacheSettings({ preset: 'none', models: [MODELS.openai], size: 1, ttl_sec: 1 });
    const q = question();
    mock.setDefaults({ text: 'Fresh answer.' });
    try {
      expect((await chat(adminKey, ask(q))).cache).toBe('miss');
      expect((await chat(adminKey, ask(q))).cache).toBe('hit');
      await expect.poll(async () => (await chat(adminKey, ask(q))).cache, { timeout: 5000, interval: 200 }).toBe('miss');
    } finally {
      mock.setDefaults({});
    }
  });

  it('is emptied by DELETE /api/admin/response-cache (administrators only)', async () => {
    await cacheOnly(MODELS.openai);
    const q = question();
    await chat(adminKey, ask(q));
    expect((await chat(adminKey, ask(q))).cache).toBe('hit');
    const user = await createUser(server, `flusher${++users}`);
    expect((await server.api('DELETE', '/api/admin/response-cache', undefined, user)).status).toBe(403);
    expect((await chat(adminKey, ask(q))).cache).toBe('hit');
    expect((await server.api('DELETE', '/api/admin/response-cache', undefined, root)).status).toBe(204);
    expect((await chat(adminKey, ask(q))).cache).toBe('miss');
    expect(mock.requests).toHaveLength(2);
  });
});

describe('only complete answers are stored', () => {
  it('not a stream the client stopped', async () => {
    await cacheOnly(MODELS.openai);
    const q = question();
    mock.enqueue({ chunks: Array.from({ length: 40 }, (_, i) => `word${i} `), chunkDelayMs: 30 });
    const controller = new AbortController();
    const stream = await server.openai(adminKey).chat.completions.create(ask(q, { stream: true }) as OpenAI.ChatCompletionCreateParamsStreaming, { signal: controller.signal });
    let n = 0;
    await (async () => {
      for await (const _ of stream) if (++n === 5) controller.abort();
    })().catch(() => undefined);
    await mock.waitFor(() => mock.stats().aborted === 1);
    await server.ctx.responseCache.writes();
    mock.enqueue({ text: 'The whole answer.' });
    expect(await chat(adminKey, ask(q))).toMatchObject({ cache: 'miss', text: 'The whole answer.' });
    expect(await chat(adminKey, ask(q))).toMatchObject({ cache: 'hit', text: 'The whole answer.' });
    expect(mock.requests).toHaveLength(2);
  });

  it('not an upstream error, before or inside the stream', async () => {
    await cacheOnly(MODELS.openai, MODELS.anthropic);
    const q = question();
    mock.enqueue({ status: 500 });
    expect((await chat(adminKey, ask(q))).status).toBe(502);
    mock.enqueue({ text: 'one two three four five six', streamError: { after: 3 } });
    const broken = await chat(adminKey, ask(q, { stream: true }));
    expect(broken.status).toBe(200); // committed, then ended with an error event
    // The same through a converting path (an Anthropic upstream for an OpenAI caller).
    mock.enqueue({ text: 'one two three four five six', streamError: { after: 4 } });
    await chat(adminKey, { ...ask(q, { stream: true }), model: MODELS.anthropic });
    mock.enqueue({ text: 'Finally whole.' });
    expect(await chat(adminKey, ask(q))).toMatchObject({ cache: 'miss', text: 'Finally whole.' });
    expect(await chat(adminKey, ask(q, { stream: true }))).toMatchObject({ cache: 'hit', text: 'Finally whole.' });
    expect(mock.requests).toHaveLength(4);
  });
});

/**
 * Each official SDK in each inbound protocol, against each upstream protocol: the first call
 * goes upstream, the second — in the other streaming mode — is replayed from the cache and
 * reads exactly the same to the SDK, tool calls included.
 */
interface Answer {
  text: string;
  tool?: { name: string; args: unknown };
}
type Inbound = (model: string, prompt: string, stream: boolean) => Promise<Answer>;
const WEATHER = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

describe('a hit through each official SDK', () => {
  let inbound: Record<string, Inbound>;
  beforeAll(() => {
    const openai = server.openai(adminKey);
    const anthropic = new Anthropic({ apiKey: adminKey, baseURL: server.url, maxRetries: 0 });
    const gemini = new GoogleGenAI({ apiKey: adminKey, httpOptions: { baseUrl: server.url } });
    inbound = {
      'openai-chat': async (model, prompt, stream) => {
        const request = {
          model,
          messages: [{ role: 'user' as const, content: prompt }],
          tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: WEATHER } }],
        };
        const res = stream ? await openai.chat.completions.stream(request).finalChatCompletion() : await openai.chat.completions.create(request);
        const call = res.choices[0]?.message.tool_calls?.[0];
        return {
          text: res.choices[0]?.message.content ?? '',
          ...(call?.type === 'function' ? { tool: { name: call.function.name, args: JSON.parse(call.function.arguments) } } : {}),
        };
      },
      'openai-responses': async (model, prompt, stream) => {
        const request = { model, input: prompt, tools: [{ type: 'function' as const, name: 'get_weather', parameters: WEATHER, strict: false }] };
        const res: OpenAI.Responses.Response = stream ? await openai.responses.stream(request).finalResponse() : await openai.responses.create(request);
        const call = res.output.find((item) => item.type === 'function_call');
        return { text: res.output_text, ...(call?.type === 'function_call' ? { tool: { name: call.name, args: JSON.parse(call.arguments) } } : {}) };
      },
      anthropic: async (model, prompt, stream) => {
        const request = {
          model,
          max_tokens: 512,
          messages: [{ role: 'user' as const, content: prompt }],
          tools: [{ name: 'get_weather', input_schema: WEATHER as Anthropic.Tool.InputSchema }],
        };
        const res = stream ? await anthropic.messages.stream(request).finalMessage() : await anthropic.messages.create(request);
        const call = res.content.find((b) => b.type === 'tool_use');
        return {
          text: res.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
          ...(call?.type === 'tool_use' ? { tool: { name: call.name, args: call.input } } : {}),
        };
      },
      gemini: async (model, prompt, stream) => {
        const request = {
          model,
          contents: [{ role: 'user', parts: [{ text: prompt }] }],
          config: { tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: WEATHER }] }] },
        };
        let text = '';
        let call: { name?: string; args?: unknown } | undefined;
        if (stream) {
          for await (const chunk of await gemini.models.generateContentStream(request)) {
            text += chunk.text ?? '';
            call ??= chunk.functionCalls?.[0];
          }
        } else {
          const res = await gemini.models.generateContent(request);
          text = res.text ?? '';
          call = res.functionCalls?.[0];
        }
        return { text, ...(call ? { tool: { name: call.name ?? '', args: call.args } } : {}) };
      },
    };
  });

  const answers: Array<[string, MockScript, Answer]> = [
    ['text', { text: 'Paris is the capital of France.' }, { text: 'Paris is the capital of France.' }],
    ['a tool call', { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }] }, { text: '', tool: { name: 'get_weather', args: { city: 'Paris' } } }],
  ];

  describe.each(['openai-chat', 'openai-responses', 'anthropic', 'gemini'])('inbound %s', (from) => {
    describe.each(Object.keys(MODELS) as Array<keyof typeof MODELS>)('from a %s upstream', (to) => {
      it.each(answers)('replays %s, streamed after plain and plain after streamed', async (_, script, expected) => {
        await cacheOnly(MODELS[to]);
        // A miss's row follows its settlement, a hit's row comes at once: count rows only once everything settled.
        await waitSettled(rootId);
        const before = (await usageRows(server, 0)).length;
        for (const firstStreams of [false, true]) {
          const prompt = question();
          mock.enqueue(script);
          const fresh = await inbound[from]!(MODELS[to], prompt, firstStreams);
          await server.ctx.responseCache.writes();
          const replayed = await inbound[from]!(MODELS[to], prompt, !firstStreams);
          expect(fresh).toEqual(expected);
          expect(replayed).toEqual(expected);
        }
        expect(mock.requests).toHaveLength(2);
        await waitSettled(rootId);
        const rows = await usageRows(server, before + 4);
        expect(rows.slice(before).map((r) => r.usage_source).sort()).toEqual(['cache', 'cache', 'upstream', 'upstream']);
      });
    });
  });
});

const redis = process.env.SB_TEST_REDIS === '1' && !!process.env.TEST_REDIS_URL;

describe.runIf(redis)('several nodes sharing Redis', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  // Runs before the file's afterAll: the servers (this file's all, the last suite) close before their database is dropped.
  afterAll(async () => {
    await stopAll();
    await database.drop();
  });

  it('serve what any node stored, and a flush on one empties it for all', async () => {
    const redisPrefix = `sbt:${randomBase62(8)}:`;
    const a = await startTestServer({ database, redisPrefix });
    const b = await startTestServer({ database, redisPrefix });
    const admin = await a.rootToken();
    const key = await createKey(a, admin);
    await createChannel(a, admin, { base_url: mock.url, keys: 'sk-up', models: ['multi-model'] });
    expect((await a.api('PATCH', '/api/admin/settings/response_cache', { models: ['multi-model'] }, admin)).status).toBe(200);
    await expect.poll(() => b.ctx.settings.get('response_cache').models).toEqual(['multi-model']);
    await expect.poll(() => b.ctx.directory.snapshot.tiersByModel.has('multi-model')).toBe(true);

    const call = async (node: TestServer) => {
      const res = await fetch(`${node.base}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'multi-model', messages: [{ role: 'user', content: 'shared between nodes' }] }),
      });
      await res.text();
      await node.ctx.responseCache.writes();
      return res.headers.get('x-switchboard-cache');
    };
    expect(await call(a)).toBe('miss');
    expect(await call(b)).toBe('hit');
    expect((await b.api('DELETE', '/api/admin/response-cache', undefined, await b.rootToken())).status).toBe(204);
    expect(await call(a)).toBe('miss');
    expect(await call(b)).toBe('hit');
    expect(mock.requests).toHaveLength(2);
  });
});
