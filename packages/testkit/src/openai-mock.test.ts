// Request/response behaviour of the mock that does not involve streaming or faults.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockOpenAI } from './openai-mock.js';
import { DEFAULT_TEXT } from './plan.js';
import type { MockOpenAI } from './types.js';

let mock: MockOpenAI;
beforeEach(async () => {
  mock = await startMockOpenAI();
});
afterEach(async () => {
  await mock.close();
});

const chat = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const MESSAGES = [
  { role: 'system', content: 'You are terse.' }, // 14 chars
  { role: 'user', content: [{ type: 'text', text: 'Hi there!' }] }, // 9 chars
];

describe('non-stream chat completion', () => {
  it('has the exact OpenAI shape with deterministic usage', async () => {
    const res = await chat({ model: 'gpt-4o-mini', messages: MESSAGES });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(body.created).toBeTypeOf('number');
    expect(Math.abs((body.created as number) - Date.now() / 1000)).toBeLessThan(5);
    expect(body).toEqual({
      id: body.id,
      object: 'chat.completion',
      created: body.created,
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_mock',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: DEFAULT_TEXT, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        // ceil((14 + 9) / 4) + 3 * 2 messages = 12; 5 content deltas.
        prompt_tokens: 12,
        completion_tokens: 5,
        total_tokens: 17,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
    });
  });

  it('returns tool calls with null content, reasoning, scripted model and usage overrides', async () => {
    mock.enqueue({
      toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}', id: 'call_1' }],
      reasoning: 'Need the weather.',
      model: 'gpt-4o-2024-08-06',
      usage: { prompt_tokens: 100, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 64 } },
    });
    const body = (await (await chat({ model: 'gpt-4o', messages: MESSAGES })).json()) as any;
    expect(body.model).toBe('gpt-4o-2024-08-06');
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      reasoning_content: 'Need the weather.',
    });
    expect(body.usage).toMatchObject({
      prompt_tokens: 100,
      completion_tokens: 7,
      total_tokens: 107,
      prompt_tokens_details: { cached_tokens: 64, audio_tokens: 0 },
    });
  });

  it('omits usage entirely when usage is false', async () => {
    mock.enqueue({ usage: false, text: 'x' });
    const body = (await (await chat({ model: 'm', messages: [] })).json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('usage');
  });
});

describe('routing and validation', () => {
  it('lists models in the OpenAI list shape', async () => {
    await mock.close();
    mock = await startMockOpenAI({ models: ['a', 'b'] });
    const body = (await (await fetch(`${mock.url}/models`)).json()) as any;
    expect(body.object).toBe('list');
    expect(body.data.map((m: { id: string }) => m.id)).toEqual(['a', 'b']);
    expect(body.data[0]).toEqual({ id: 'a', object: 'model', created: expect.any(Number), owned_by: 'mock' });
  });

  it('answers unknown paths with a 404 OpenAI error', async () => {
    const res = await fetch(`${mock.origin}/chat/completions`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { message: 'Invalid URL (POST /chat/completions)', type: 'invalid_request_error', param: null, code: null },
    });
  });

  it('rejects an invalid JSON body with 400 and does not consume a script', async () => {
    mock.enqueue({ text: 'queued' });
    const res = await chat('{"model":');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.type).toBe('invalid_request_error');
    const ok = (await (await chat({ model: 'm', messages: [] })).json()) as any;
    expect(ok.choices[0].message.content).toBe('queued');
  });

  it('requires a listed bearer key when apiKeys is set', async () => {
    await mock.close();
    mock = await startMockOpenAI({ apiKeys: ['sk-good'] });
    const bad = await chat({ model: 'm', messages: [] }, { authorization: 'Bearer sk-bad-key-123456' });
    expect(bad.status).toBe(401);
    const err = ((await bad.json()) as any).error;
    expect(err.code).toBe('invalid_api_key');
    expect(err.message).not.toContain('sk-bad-key-123456');
    expect((await chat({ model: 'm', messages: [] })).status).toBe(401);
    expect((await fetch(`${mock.url}/models`)).status).toBe(401);
    expect((await chat({ model: 'm', messages: [] }, { authorization: 'Bearer sk-good' })).status).toBe(200);
  });
});

describe('scripted errors', () => {
  it('replies 429 with retry-after and the OpenAI rate-limit body', async () => {
    mock.enqueue({ status: 429 });
    const res = await chat({ model: 'm', messages: [] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({
      error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('maps 500/400/401 codes and honours errorMessage and errorBody', async () => {
    mock.enqueue(
      { status: 500 },
      { status: 400, errorMessage: 'bad param' },
      { status: 401 },
      { status: 502, errorBody: { detail: 'gateway' } },
      { status: 503, errorBody: '<html>down</html>' },
    );
    const errs = [];
    for (let i = 0; i < 5; i++) {
      const res = await chat({ model: 'm', messages: [] });
      errs.push({ status: res.status, text: await res.text(), type: res.headers.get('content-type') });
    }
    expect(errs.map((e) => e.status)).toEqual([500, 400, 401, 502, 503]);
    expect(JSON.parse(errs[0]!.text).error).toMatchObject({ type: 'server_error', code: 'server_error' });
    expect(JSON.parse(errs[1]!.text).error).toMatchObject({ type: 'invalid_request_error', message: 'bad param' });
    expect(JSON.parse(errs[2]!.text).error.code).toBe('invalid_api_key');
    expect(JSON.parse(errs[3]!.text)).toEqual({ detail: 'gateway' });
    expect(errs[4]).toMatchObject({ text: '<html>down</html>', type: 'text/plain' });
  });
});

describe('script queue, capture and stats', () => {
  it('consumes enqueued scripts in FIFO order, then falls back to defaults', async () => {
    mock.setDefaults({ text: 'default answer' });
    mock.enqueue({ text: 'first' }, { text: 'second' });
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const body = (await (await chat({ model: 'm', messages: [] })).json()) as any;
      answers.push(body.choices[0].message.content);
    }
    expect(answers).toEqual(['first', 'second', 'default answer']);
  });

  it('GET /v1/models does not consume a script', async () => {
    mock.enqueue({ text: 'kept' });
    await (await fetch(`${mock.url}/models`)).text();
    const body = (await (await chat({ model: 'm', messages: [] })).json()) as any;
    expect(body.choices[0].message.content).toBe('kept');
  });

  it('records method, path with query, lower-cased headers and parsed body', async () => {
    const before = Date.now();
    await (await chat({ model: 'gpt-4o', messages: MESSAGES }, { 'X-Trace-Id': 'abc', Authorization: 'Bearer sk-1' })).text();
    await (await fetch(`${mock.url}/models?limit=1`)).text();
    await (await chat('not json')).text();
    expect(mock.requests).toHaveLength(3);
    const [first, second, third] = mock.requests;
    expect(first).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'gpt-4o', messages: MESSAGES } });
    expect(first!.headers['x-trace-id']).toBe('abc');
    expect(first!.headers.authorization).toBe('Bearer sk-1');
    expect(first!.at).toBeGreaterThanOrEqual(before);
    expect(second).toMatchObject({ method: 'GET', path: '/v1/models?limit=1', body: undefined });
    expect(third!.body).toBe('not json');
  });

  it('counts completed responses and reset clears queue, capture and counters', async () => {
    const captured = mock.requests;
    mock.enqueue({ text: 'will be dropped' });
    await (await fetch(`${mock.url}/models`)).text();
    await mock.waitFor(() => mock.stats().completed === 1);
    mock.reset();
    expect(mock.stats()).toEqual({ completed: 0, aborted: 0, active: 0, faulted: 0 });
    expect(captured).toHaveLength(0);
    const body = (await (await chat({ model: 'm', messages: [] })).json()) as any;
    expect(body.choices[0].message.content).toBe(DEFAULT_TEXT);
  });

  it('does not capture when capture is false', async () => {
    await mock.close();
    mock = await startMockOpenAI({ capture: false });
    await (await chat({ model: 'm', messages: [] })).text();
    expect(mock.requests).toHaveLength(0);
  });
});
