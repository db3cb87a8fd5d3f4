// Anthropic Messages on POST /v1/messages: the body and event sequence an Anthropic
// client relies on, tools, thinking, usage with cache fields, errors, faults, auth.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockUpstream } from './mock-upstream.js';
import { DEFAULT_TEXT } from './plan.js';
import { json, readSse, readText } from './test-wire.js';
import type { MockUpstream } from './types.js';

let mock: MockUpstream;
beforeEach(async () => {
  mock = await startMockUpstream();
});
afterEach(async () => {
  await mock.close();
});

const HEADERS = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-test' };
const REQUEST = {
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  system: 'Be brief.', // 9 chars, counts as a message
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello there' }] }], // 11 chars
};
// ceil(20 / 4) + 3 * 2 = 11
const PROMPT_TOKENS = 11;

const messages = (body: unknown = REQUEST, headers: Record<string, string> = HEADERS) =>
  fetch(`${mock.origin}/v1/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

const streamed = async (extra: Record<string, unknown> = {}) => {
  const res = await messages({ ...REQUEST, stream: true, ...extra });
  return { res, ...(await readSse(res)) };
};

describe('non-stream message', () => {
  it('has the exact Message shape with deterministic usage', async () => {
    const res = await messages();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('request-id')).toMatch(/^req_011[A-Za-z0-9]{21}$/);
    const body = (await res.json()) as any;
    expect(body.id).toMatch(/^msg_01[A-Za-z0-9]{22}$/);
    expect(body).toEqual({
      id: body.id,
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: DEFAULT_TEXT }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: PROMPT_TOKENS, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 5 },
    });
    expect(Object.keys(body)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
  });

  it('answers tool calls as tool_use blocks with parsed input after a signed thinking block', async () => {
    mock.enqueue({
      reasoning: 'The user wants weather.',
      toolCalls: [
        { name: 'get_weather', arguments: '{"city":"Paris","days":2}', id: 'toolu_fixed' },
        { name: 'get_time', arguments: '{"tz":"CET"}' },
      ],
    });
    const body = (await (await messages()).json()) as any;
    expect(body.stop_reason).toBe('tool_use');
    const [thinking, first, second] = body.content;
    expect(body.content).toHaveLength(3);
    expect(thinking).toEqual({ type: 'thinking', thinking: 'The user wants weather.', signature: expect.any(String) });
    expect(Buffer.from(thinking.signature, 'base64').length).toBeGreaterThan(32);
    expect(first).toEqual({ type: 'tool_use', id: 'toolu_fixed', name: 'get_weather', input: { city: 'Paris', days: 2 } });
    expect(second).toEqual({ type: 'tool_use', id: expect.stringMatching(/^toolu_01[A-Za-z0-9]{22}$/), name: 'get_time', input: { tz: 'CET' } });
  });

  it('maps cache counts, finish reasons and the scripted model', async () => {
    mock.enqueue({
      text: 'cut',
      finishReason: 'length',
      model: 'claude-sonnet-4-5-20250929',
      usage: { prompt_tokens: 1000, completion_tokens: 20, cache_read_tokens: 600, cache_write_tokens: 300 },
    });
    const body = (await (await messages()).json()) as any;
    expect(body.model).toBe('claude-sonnet-4-5-20250929');
    expect(body.stop_reason).toBe('max_tokens');
    // input_tokens excludes both cache reads and cache writes.
    expect(body.usage).toEqual({ input_tokens: 100, cache_creation_input_tokens: 300, cache_read_input_tokens: 600, output_tokens: 20 });
  });

  it('passes Anthropic stop reasons through and omits usage when told', async () => {
    mock.enqueue({ finishReason: 'stop_sequence', usage: false });
    const body = (await (await messages()).json()) as any;
    expect(body.stop_reason).toBe('stop_sequence');
    expect(body).not.toHaveProperty('usage');
  });
});

describe('streamed message', () => {
  it('sends message_start, ping, one text block, message_delta, message_stop', async () => {
    const { res, events, raw } = await streamed();
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      ...Array(5).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    // The SSE event name always equals the payload's type.
    for (const e of events) expect(json(e).type).toBe(e.event);
    expect(raw.startsWith('event: message_start\ndata: {')).toBe(true);

    const start = json(events[0]!).message;
    expect(start).toEqual({
      id: expect.stringMatching(/^msg_01/),
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: PROMPT_TOKENS, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
    });
    expect(json(events[2]!)).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const deltas = events.slice(3, 8).map(json);
    expect(deltas.every((d) => d.index === 0 && d.delta.type === 'text_delta')).toBe(true);
    expect(deltas.map((d) => d.delta.text).join('')).toBe(DEFAULT_TEXT);
    expect(json(events[8]!)).toEqual({ type: 'content_block_stop', index: 0 });
    expect(json(events[9]!)).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } });
    expect(json(events[10]!)).toEqual({ type: 'message_stop' });
  });

  it('streams thinking (with signature_delta) then tool_use blocks with input_json_delta fragments', async () => {
    const args = '{"city":"Paris","unit":"celsius"}';
    mock.enqueue({ reasoning: 'I should call the weather tool now.', toolCalls: [{ name: 'get_weather', arguments: args }, { name: 'noop', arguments: '{}' }] });
    const { events } = await streamed();
    const data = events.map(json);
    const blocks = new Map<number, { start: any; deltas: any[]; stopped: boolean }>();
    for (const d of data) {
      if (d.type === 'content_block_start') blocks.set(d.index, { start: d.content_block, deltas: [], stopped: false });
      if (d.type === 'content_block_delta') {
        expect(blocks.get(d.index)!.stopped).toBe(false);
        blocks.get(d.index)!.deltas.push(d.delta);
      }
      if (d.type === 'content_block_stop') blocks.get(d.index)!.stopped = true;
    }
    expect([...blocks.keys()]).toEqual([0, 1, 2]);

    const thinking = blocks.get(0)!;
    expect(thinking.start).toEqual({ type: 'thinking', thinking: '', signature: '' });
    const last = thinking.deltas.at(-1);
    expect(last).toEqual({ type: 'signature_delta', signature: expect.any(String) });
    expect(thinking.deltas.slice(0, -1).every((d) => d.type === 'thinking_delta')).toBe(true);
    expect(thinking.deltas.slice(0, -1).map((d) => d.thinking).join('')).toBe('I should call the weather tool now.');

    const tool = blocks.get(1)!;
    expect(tool.start).toEqual({ type: 'tool_use', id: expect.stringMatching(/^toolu_01/), name: 'get_weather', input: {} });
    expect(tool.deltas.every((d) => d.type === 'input_json_delta')).toBe(true);
    expect(tool.deltas[0].partial_json).toBe('');
    expect(tool.deltas.length).toBeGreaterThan(2);
    expect(JSON.parse(tool.deltas.map((d) => d.partial_json).join(''))).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(blocks.get(2)!.start.name).toBe('noop');

    const delta = data.find((d) => d.type === 'message_delta');
    expect(delta.delta.stop_reason).toBe('tool_use');
    expect(data.at(-1)).toEqual({ type: 'message_stop' });
  });

  it('writes event: ping between events for keep-alives and paces them by chunkDelayMs', async () => {
    mock.enqueue({ keepAliveComments: true, chunkDelayMs: 10, text: 'one two' });
    const start = performance.now();
    const { events, comments } = await streamed();
    expect(performance.now() - start).toBeGreaterThanOrEqual(60);
    expect(comments).toBe(0);
    const names = events.map((e) => e.event);
    const real = names.filter((n) => n !== 'ping');
    expect(real).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    // One ping after message_start (as Anthropic sends), plus a keep-alive before
    // each of the 7 events after the first.
    expect(names.filter((n) => n === 'ping')).toHaveLength(1 + 7);
  });
});

describe('errors and faults', () => {
  it('answers scripted statuses with Anthropic error types and a request id', async () => {
    mock.enqueue({ status: 429 }, { status: 529 }, { status: 500 }, { status: 400, errorMessage: 'messages: bad' }, { status: 404 });
    const results = [];
    for (let i = 0; i < 5; i++) {
      const res = await messages();
      results.push({ res, body: (await res.json()) as any });
    }
    expect(results.map((r) => [r.res.status, r.body.error.type])).toEqual([
      [429, 'rate_limit_error'],
      [529, 'overloaded_error'],
      [500, 'api_error'],
      [400, 'invalid_request_error'],
      [404, 'not_found_error'],
    ]);
    const first = results[0]!;
    expect(first.res.headers.get('retry-after')).toBe('1');
    expect(first.body).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: expect.any(String) }, request_id: first.res.headers.get('request-id') });
    expect(results[1]!.body.error.message).toBe('Overloaded');
    expect(results[3]!.body.error.message).toBe('messages: bad');
  });

  it('sends an in-stream error event after `after` events and ends the stream', async () => {
    mock.enqueue({ streamError: { after: 3, status: 529 } });
    const { events, error } = await streamed();
    expect(error).toBeUndefined();
    expect(events.map((e) => e.event)).toEqual(['message_start', 'ping', 'content_block_start', 'error']);
    expect(json(events[3]!)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('midstream: some events, then the socket is destroyed', async () => {
    mock.enqueue({ fault: 'midstream', failAfterChunks: 3 });
    const res = await messages({ ...REQUEST, stream: true });
    const { events, error } = await readSse(res);
    expect(error).toBeDefined();
    expect(events.map((e) => e.event)).toEqual(['message_start', 'ping', 'content_block_start']);
    await mock.waitFor(() => mock.stats().faulted === 1);
  });

  it('hang: headers then nothing, counted as aborted when the client leaves', async () => {
    mock.enqueue({ fault: 'hang' });
    const ac = new AbortController();
    const res = await fetch(`${mock.origin}/v1/messages`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ ...REQUEST, stream: true }), signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    ac.abort();
    await mock.waitFor(() => mock.stats().aborted === 1);
  });

  it('truncates a non-stream body on midstream', async () => {
    mock.enqueue({ fault: 'midstream' });
    const { text, error } = await readText(await messages());
    expect(error).toBeDefined();
    expect(text.startsWith('{"id":"msg_01')).toBe(true);
  });
});

describe('auth and validation', () => {
  it('checks x-api-key against apiKeys with authentication_error', async () => {
    await mock.close();
    mock = await startMockUpstream({ apiKeys: ['sk-ant-good'] });
    mock.enqueue({ text: 'kept' });
    const missing = await messages(REQUEST, { 'anthropic-version': '2023-06-01' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } });
    const wrong = await messages(REQUEST, { ...HEADERS, 'x-api-key': 'sk-ant-bad' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as any).error).toEqual({ type: 'authentication_error', message: 'invalid x-api-key' });
    // A bearer token is not an Anthropic key.
    expect((await messages(REQUEST, { 'anthropic-version': '2023-06-01', authorization: 'Bearer sk-ant-good' })).status).toBe(401);
    const ok = await messages(REQUEST, { ...HEADERS, 'x-api-key': 'sk-ant-good' });
    expect(((await ok.json()) as any).content[0].text).toBe('kept');
  });

  it('requires anthropic-version, model, max_tokens and valid JSON without consuming a script', async () => {
    mock.enqueue({ text: 'kept' });
    const noVersion = await messages(REQUEST, { 'x-api-key': 'k' });
    expect(noVersion.status).toBe(400);
    expect(((await noVersion.json()) as any).error).toEqual({ type: 'invalid_request_error', message: 'anthropic-version: header is required' });
    const { max_tokens: _, ...noMax } = REQUEST;
    const missingMax = await messages(noMax);
    expect(missingMax.status).toBe(400);
    expect(((await missingMax.json()) as any).error.message).toBe('max_tokens: Field required');
    const badJson = await messages('{"model":');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as any).error.type).toBe('invalid_request_error');
    expect(((await (await messages()).json()) as any).content[0].text).toBe('kept');
  });

  it('lists models in the Anthropic shape when anthropic-version is sent, OpenAI shape otherwise', async () => {
    await mock.close();
    mock = await startMockUpstream({ anthropicModels: ['claude-opus-4-1-20250805', 'claude-haiku-4-5'], models: ['gpt-x'] });
    const anthropic = (await (await fetch(`${mock.url}/models`, { headers: { 'anthropic-version': '2023-06-01', 'x-api-key': 'k' } })).json()) as any;
    expect(anthropic).toEqual({
      data: [
        { type: 'model', id: 'claude-opus-4-1-20250805', display_name: 'Claude Opus 4.1', created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
        { type: 'model', id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: expect.any(String) },
      ],
      has_more: false,
      first_id: 'claude-opus-4-1-20250805',
      last_id: 'claude-haiku-4-5',
    });
    const openai = (await (await fetch(`${mock.url}/models`)).json()) as any;
    expect(openai.object).toBe('list');
    expect(openai.data[0].id).toBe('gpt-x');
  });
});
