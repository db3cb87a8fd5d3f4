import { DEFAULT_TEXT, parseSSEData, startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import type OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, createUser, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

let server: TestServer;
let root: string;
let key: string;
let client: OpenAI;
let primary: MockOpenAI;
let backup: MockOpenAI;

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  key = await createKey(server, root);
  client = server.openai(key);
  primary = await startMockOpenAI({ apiKeys: ['sk-primary'] });
  backup = await startMockOpenAI({ apiKeys: ['sk-backup'] });
  // Two tiers for the shared models: primary (priority 10) falls back to backup (priority 0).
  await createChannel(server, root, {
    name: 'primary',
    base_url: primary.url,
    keys: 'sk-primary',
    models: ['gpt-4o-mini', 'gpt-4o-2024-08-06', 'text-only'],
    mapping: '!gpt-4o>gpt-4o-2024-08-06',
    priority: 10,
  });
  await createChannel(server, root, { name: 'backup', base_url: backup.url, keys: 'sk-backup', models: ['gpt-4o-mini'], priority: 0 });
});
afterEach(() => {
  primary.reset();
  backup.reset();
});
afterAll(async () => {
  await stopAll();
  await primary.close();
  await backup.close();
});

const user = (content: string) => [{ role: 'user' as const, content }];

async function collect(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const c of stream) chunks.push(c);
  return { chunks, text: chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('') };
}

describe('chat completions through the official openai SDK', () => {
  it('relays a non-stream completion with the channel key and the mapped model', async () => {
    const res = await client.chat.completions.create({ model: 'gpt-4o', messages: user('Hello there') });
    expect(res.choices[0]!.message.content).toBe(DEFAULT_TEXT);
    expect(res.usage?.prompt_tokens).toBeGreaterThan(0);
    const upstream = primary.requests.at(-1)!;
    expect(upstream.headers.authorization).toBe('Bearer sk-primary');
    expect(JSON.stringify(upstream.headers)).not.toContain(key);
    expect((upstream.body as { model: string }).model).toBe('gpt-4o-2024-08-06');
    expect(backup.requests).toHaveLength(0);
  });

  it('streams chunk by chunk, asks upstream for usage and hides it from a client that did not ask', async () => {
    const { chunks, text } = await collect(
      await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('Stream please'), stream: true }),
    );
    expect(text).toBe(DEFAULT_TEXT);
    expect(chunks.length).toBeGreaterThanOrEqual(6);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.some((c) => c.choices.length === 0 || (c.usage !== null && c.usage !== undefined))).toBe(false);
    const body = primary.requests.at(-1)!.body as { stream_options: { include_usage: boolean } };
    expect(body.stream_options.include_usage).toBe(true);
  });

  it('passes the usage chunk to a client that asked for it', async () => {
    const { chunks } = await collect(
      await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: user('Count me'),
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: 5 });
  });

  it('passes tools through and returns tool calls, stream and non-stream', async () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
      {
        type: 'function',
        function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      },
    ];
    const args = '{"city":"Paris","unit":"celsius"}';
    primary.enqueue({ toolCalls: [{ name: 'get_weather', arguments: args }] });
    const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('Weather?'), tools, tool_choice: 'auto' });
    expect(res.choices[0]!.finish_reason).toBe('tool_calls');
    const call = res.choices[0]!.message.tool_calls![0]! as OpenAI.Chat.Completions.ChatCompletionMessageFunctionToolCall;
    expect(call.function).toEqual({ name: 'get_weather', arguments: args });
    const sent = primary.requests.at(-1)!.body as { tools: unknown; tool_choice: unknown };
    expect(sent.tools).toEqual(tools);
    expect(sent.tool_choice).toBe('auto');

    primary.enqueue({ toolCalls: [{ name: 'get_weather', arguments: args }] });
    const { chunks } = await collect(await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('Weather?'), tools, stream: true }));
    const streamedArgs = chunks.map((c) => c.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments ?? '').join('');
    expect(streamedArgs).toBe(args);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('passes vision content parts (URL and base64) to the upstream intact', async () => {
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You see images.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' } },
        ],
      },
    ];
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0.2, max_tokens: 50 });
    const sent = primary.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.messages).toEqual(messages);
    expect(sent).toMatchObject({ temperature: 0.2, max_tokens: 50 });
  });

  it('lists the models of the caller, with mapped names and without hidden ones', async () => {
    const models = await client.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['gpt-4o', 'gpt-4o-mini', 'text-only']));
    expect(ids).not.toContain('gpt-4o-2024-08-06');
    expect((await client.models.retrieve('gpt-4o')).id).toBe('gpt-4o');
    await expect(client.models.retrieve('nope')).rejects.toMatchObject({ status: 404 });
  });

  it('records usage: tokens, channel, latency, time to first token', async () => {
    await server.ctx.usage.flush();
    const before = (await usageRows(server, 0)).length;
    await client.chat.completions.create({ model: 'gpt-4o', messages: user('Record me') });
    const rows = await usageRows(server, before + 1);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({
      model: 'gpt-4o',
      upstream_model: 'gpt-4o-2024-08-06',
      status: 'success',
      http_status: 200,
      usage_source: 'upstream',
      completion_tokens: 5,
      is_stream: 0,
      attempts: 1,
      endpoint: 'chat.completions',
    });
    expect(row.prompt_tokens).toBeGreaterThan(0);
    expect(row.latency_ms).toBeGreaterThanOrEqual(0);
    expect(row.ttft_ms).not.toBeNull();
    expect(row.request_id).toMatch(/^req_/);
  });

  it('counts tokens locally when the upstream reports no usage', async () => {
    primary.enqueue({ usage: false, text: 'one two three four five six seven eight' });
    const before = (await usageRows(server, 0)).length;
    await collect(await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('no usage upstream'), stream: true }));
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(row.usage_source).toBe('estimated');
    expect(row.completion_tokens).toBeGreaterThanOrEqual(6);
    expect(row.prompt_tokens).toBeGreaterThan(3);
  });
});

describe('routing and failover', () => {
  it('falls to the next priority tier when the first fails with 5xx', async () => {
    primary.enqueue({ status: 500 });
    const before = (await usageRows(server, 0)).length;
    const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('failover') });
    expect(res.choices[0]!.message.content).toBe(DEFAULT_TEXT);
    expect(primary.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(1);
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(row.attempts).toBe(2);
  });

  it('retries a stream on the next tier when the upstream fails before the first byte', async () => {
    primary.enqueue({ fault: 'reset' });
    const { text } = await collect(await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('reset'), stream: true }));
    expect(text).toBe(DEFAULT_TEXT);
    expect(backup.requests).toHaveLength(1);
  });

  it('does not retry a request the upstream calls invalid (400)', async () => {
    primary.enqueue({ status: 400, errorMessage: 'maximum context length is 8192 tokens' });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('too long') })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('maximum context length'),
    });
    expect(backup.requests).toHaveLength(0);
  });

  it('hides the upstream URL and key when every channel fails', async () => {
    const leak = `upstream ${primary.url}/chat/completions refused key sk-primary`;
    primary.enqueue({ status: 503, errorMessage: leak });
    backup.enqueue({ status: 502, errorMessage: `bad gateway at ${backup.origin} for sk-backup` });
    const err = (await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('fail') }).catch((e: unknown) => e)) as {
      status: number;
      code: string;
      message: string;
    };
    expect(err.status).toBe(502);
    expect(err.code).toBe('channels_exhausted');
    expect(err.message).toContain('channel');
    for (const secret of [primary.origin, backup.origin, 'sk-primary', 'sk-backup', '127.0.0.1']) expect(err.message).not.toContain(secret);
  });

  it('answers 429 when every channel is rate limited', async () => {
    primary.enqueue({ status: 429 });
    backup.enqueue({ status: 429 });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('busy') })).rejects.toMatchObject({ status: 429 });
  });

  it('retries a channel with its other key (retry count, several keys)', async () => {
    const multi = await startMockOpenAI({ apiKeys: ['good-key-123456'] });
    try {
      await createChannel(server, root, { name: 'multi', base_url: multi.url, keys: 'bad-key-1234567\ngood-key-123456', models: ['multi-key'], retry: 2 });
      // Each call starts with a key picked at random: 30 calls all starting with the good key
      // (which would leave the retry untested) happen once in 2^30 runs; 6 failed 1 in 64.
      const calls = 30;
      for (let i = 0; i < calls; i++) {
        const res = await client.chat.completions.create({ model: 'multi-key', messages: user(`try ${i}`) });
        expect(res.choices[0]!.message.content).toBe(DEFAULT_TEXT);
      }
      const used = new Set(multi.requests.map((r) => r.headers.authorization));
      expect(multi.requests.length).toBeGreaterThan(calls); // some attempts started with the bad key
      expect(used).toEqual(new Set(['Bearer bad-key-1234567', 'Bearer good-key-123456']));
    } finally {
      await multi.close();
    }
  });

  it('keeps group-limited channels to their groups', async () => {
    const pro = await startMockOpenAI();
    try {
      await createChannel(server, root, { name: 'pro only', base_url: pro.url, keys: 'k-pro-1234', models: ['pro-model'], groups: ['pro'] });
      await server.api('PUT', '/api/admin/prices/pro-model', { mode: 'free' }, root);
      const normalUser = await createUser(server, 'norma', 'normal');
      const proUser = await createUser(server, 'prof', 'pro');
      const normalClient = server.openai(await createKey(server, normalUser));
      const proClient = server.openai(await createKey(server, proUser));
      await expect(normalClient.chat.completions.create({ model: 'pro-model', messages: user('x') })).rejects.toMatchObject({
        status: 404,
        code: 'model_not_found',
      });
      expect((await normalClient.models.list()).data.map((m) => m.id)).not.toContain('pro-model');
      expect((await proClient.chat.completions.create({ model: 'pro-model', messages: user('x') })).choices).toHaveLength(1);
    } finally {
      await pro.close();
    }
  });

  it('stops using a disabled channel at once', async () => {
    const spare = await startMockOpenAI();
    try {
      const { id } = await createChannel(server, root, { name: 'spare', base_url: spare.url, keys: 'k-spare-1234', models: ['spare-model'] });
      expect((await client.chat.completions.create({ model: 'spare-model', messages: user('x') })).choices).toHaveLength(1);
      await server.api('PATCH', `/api/admin/channels/${id}`, { status: 'disabled' }, root);
      await expect(client.chat.completions.create({ model: 'spare-model', messages: user('x') })).rejects.toMatchObject({ status: 404 });
    } finally {
      await spare.close();
    }
  });

  it('answers 404 model_not_found for a model no channel serves', async () => {
    await expect(client.chat.completions.create({ model: 'no-such-model', messages: user('x') })).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });
});

describe('stream faults and aborts', () => {
  it('ends a stream that breaks after the first byte with an error event, hiding the upstream', async () => {
    primary.enqueue({ fault: 'midstream', failAfterChunks: 3 });
    const before = (await usageRows(server, 0)).length;
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: user('break'), stream: true });
    let text = '';
    const err = await (async () => {
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('upstream closed the connection');
    expect((err as Error).message).not.toContain('127.0.0.1');
    expect(text.length).toBeGreaterThan(0);
    expect(backup.requests).toHaveLength(0); // too late to switch channels
    // The client sees the error event before the row is recorded: wait for the new row.
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(row.status).toBe('error');
  });

  it('aborts the upstream call when the client goes away, and records what was delivered', async () => {
    primary.enqueue({ chunks: Array.from({ length: 40 }, (_, i) => `word${i} `), chunkDelayMs: 50 });
    const before = (await usageRows(server, 0)).length;
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'gpt-4o-mini', messages: user('long answer'), stream: true },
      { signal: controller.signal },
    );
    let received = 0;
    await (async () => {
      for await (const c of stream) {
        if (c.choices[0]?.delta?.content) received++;
        if (received === 3) controller.abort();
      }
    })().catch(() => {});
    await primary.waitFor(() => primary.stats().aborted === 1, 3000);
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(row.status).toBe('aborted');
    expect(row.usage_source).toBe('estimated');
    expect(row.completion_tokens).toBeGreaterThanOrEqual(3);
    expect(row.completion_tokens).toBeLessThan(40);
  });
});

describe('bad input', () => {
  const post = (body: string, auth = key) =>
    fetch(`${server.base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: { message: string; type: string; code: string } } }));

  it('rejects malformed JSON, wrong types, a missing model and empty messages with 400', async () => {
    const cases: Array<[string, string]> = [
      ['{"model":"gpt-4o-mini","messages":[', 'JSON'],
      ['[1,2,3]', 'JSON object'],
      ['{"messages":[{"role":"user","content":"x"}]}', 'model'],
      ['{"model":"gpt-4o-mini","messages":[]}', 'messages'],
      ['{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"temperature":"hot"}', 'temperature'],
      // An unknown role passes through (issue 16); a role that is not a string is still garbage.
      ['{"model":"gpt-4o-mini","messages":[{"role":7,"content":"x"}]}', 'role'],
      ['{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"stream":"yes"}', 'stream'],
    ];
    for (const [body, mention] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
      expect(res.body.error.message).toContain(mention);
    }
    expect(primary.requests).toHaveLength(0);
  });

  it('checks the key before the body', async () => {
    const res = await post('{not json', 'sk-wrong');
    expect(res.status).toBe(401);
  });
});

describe('stream keep-alive, idle timeout and body limit', () => {
  let slow: TestServer;
  let slowKey: string;
  let mock: MockOpenAI;
  beforeAll(async () => {
    slow = await startTestServer({ env: { KEEPALIVE_INTERVAL_SEC: '0.1', STREAM_IDLE_TIMEOUT_SEC: '0.8', BODY_LIMIT_MB: '1' } });
    const token = await slow.rootToken();
    mock = await startMockOpenAI();
    await createChannel(slow, token, { base_url: mock.url, keys: 'k-slow-1234', models: ['gpt-4o-mini'] });
    slowKey = await createKey(slow, token);
  });
  afterAll(() => mock.close());

  const rawStream = async () => {
    const res = await fetch(`${slow.base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${slowKey}` },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  it('sends keep-alive comments while the upstream is quiet', async () => {
    mock.enqueue({ chunks: ['Hello', ' world'], chunkDelayMs: 300 });
    const res = await rawStream();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.text).toContain(': keep-alive');
    const events = parseSSEData(res.text);
    expect(events.at(-1)).toBe('[DONE]');
  });

  it('ends a stream whose upstream goes idle with an error event', async () => {
    mock.enqueue({ chunkDelayMs: 2000 });
    const res = await rawStream();
    const events = parseSSEData(res.text);
    const last = JSON.parse(events.at(-1)!) as { error: { message: string; code: string } };
    expect(last.error.code).toBe('upstream_stream_failed');
    expect(last.error.message).toContain('idle');
  });

  it('rejects an oversized body with 413 and a clear message', async () => {
    const big = 'x'.repeat(1_200_000);
    const res = await fetch(`${slow.base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${slowKey}` },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: big }] }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('request_too_large');
    expect(body.error.message).toContain('BODY_LIMIT_MB');
  });
});
