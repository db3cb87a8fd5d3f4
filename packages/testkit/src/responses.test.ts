// OpenAI Responses API on POST /v1/responses: the response object and its output
// items, the sequence-numbered event stream, usage, errors, faults and auth, checked
// on the wire and through the official `openai` SDK (create, stream, finalResponse).
import OpenAI from 'openai';
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

const HEADERS = { 'content-type': 'application/json', authorization: 'Bearer sk-test' };
const REQUEST = {
  model: 'gpt-4.1',
  instructions: 'Be brief.', // 9 chars, counts as a message
  input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hello there' }] }], // 11 chars
};
// ceil(20 / 4) + 3 * 2 = 11
const PROMPT_TOKENS = 11;
const WEATHER = { name: 'get_weather', arguments: '{"city":"Paris","days":2}' };

const responses = (body: unknown = REQUEST, headers: Record<string, string> = HEADERS, signal?: AbortSignal) =>
  fetch(`${mock.url}/responses`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

/** The stream's events as [SSE event name, parsed data] after checking that they agree. */
const streamed = async (extra: Record<string, unknown> = {}) => {
  const res = await responses({ ...REQUEST, stream: true, ...extra });
  const read = await readSse(res);
  const events = read.events.map((e) => {
    const data = json(e);
    expect(e.event).toBe(data.type);
    return data;
  });
  return { res, ...read, data: events, types: events.map((d: any) => d.type as string) };
};

const client = (apiKey = 'sk-test') => new OpenAI({ apiKey, baseURL: mock.url, maxRetries: 0 });

const hex = (prefix: string) => new RegExp(`^${prefix}[0-9a-f]{48}$`);

describe('non-stream response', () => {
  it('has the response object shape with a message item and deterministic usage', async () => {
    const res = await responses();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9]{24}$/);
    const body = (await res.json()) as any;
    expect(body.id).toMatch(hex('resp_'));
    expect(body.created_at).toBeCloseTo(Date.now() / 1000, -1);
    expect(body).toMatchObject({
      object: 'response',
      status: 'completed',
      error: null,
      incomplete_details: null,
      instructions: 'Be brief.',
      model: 'gpt-4.1',
      output: [
        {
          id: expect.stringMatching(hex('msg_')),
          type: 'message',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: DEFAULT_TEXT, annotations: [], logprobs: [] }],
        },
      ],
      parallel_tool_calls: true,
      tool_choice: 'auto',
      tools: [],
      usage: {
        input_tokens: PROMPT_TOKENS,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 5,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: PROMPT_TOKENS + 5,
      },
    });
    expect(Object.keys(body.output[0])).toEqual(['id', 'type', 'status', 'content', 'role']);
    expect(mock.requests[0]!.path).toBe('/v1/responses');
    expect(mock.requests[0]!.body).toEqual(REQUEST);
  });

  it('answers reasoning as a summary item and tool calls as function_call items', async () => {
    mock.enqueue({ reasoning: 'The user wants weather.', toolCalls: [{ ...WEATHER, id: 'call_fixed' }, { name: 'get_time', arguments: '{"tz":"CET"}' }] });
    const body = (await (await responses()).json()) as any;
    expect(body.status).toBe('completed');
    expect(body.output).toEqual([
      { id: expect.stringMatching(hex('rs_')), type: 'reasoning', summary: [{ type: 'summary_text', text: 'The user wants weather.' }] },
      { id: expect.stringMatching(hex('fc_')), type: 'function_call', status: 'completed', arguments: WEATHER.arguments, call_id: 'call_fixed', name: 'get_weather' },
      {
        id: expect.stringMatching(hex('fc_')),
        type: 'function_call',
        status: 'completed',
        arguments: '{"tz":"CET"}',
        call_id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/),
        name: 'get_time',
      },
    ]);
    expect(body.output[1].id).not.toBe(body.output[2].id);
    // 4 reasoning deltas (one per word) + 2 calls × (1 + 4 fragments)
    expect(body.usage.output_tokens_details).toEqual({ reasoning_tokens: 4 });
    expect(body.usage.output_tokens).toBe(4 + 10);
  });

  it('adds encrypted reasoning content when the request includes it', async () => {
    mock.enqueue({ reasoning: 'Think.' });
    const body = (await (await responses({ ...REQUEST, include: ['reasoning.encrypted_content'], store: false })).json()) as any;
    expect(body.store).toBe(false);
    expect(Buffer.from(body.output[0].encrypted_content, 'base64').length).toBe(96);
  });

  it.each([
    ['length', 'max_output_tokens'],
    ['content_filter', 'content_filter'],
  ])('finishReason %s gives status incomplete (%s)', async (finishReason, reason) => {
    mock.enqueue({ text: 'cut', finishReason });
    const body = (await (await responses({ ...REQUEST, max_output_tokens: 16 })).json()) as any;
    expect(body).toMatchObject({ status: 'incomplete', incomplete_details: { reason }, max_output_tokens: 16 });
    expect(body.output[0]).toMatchObject({ type: 'message', status: 'incomplete', content: [{ text: 'cut' }] });
  });

  it('echoes the scripted model, maps scripted usage and omits usage when disabled', async () => {
    mock.enqueue(
      { model: 'gpt-4.1-2025-04-14', usage: { prompt_tokens: 1000, completion_tokens: 20, cache_read_tokens: 600, completion_tokens_details: { reasoning_tokens: 7 } } },
      { usage: false },
    );
    const scripted = (await (await responses()).json()) as any;
    expect(scripted.model).toBe('gpt-4.1-2025-04-14');
    expect(scripted.usage).toEqual({
      input_tokens: 1000,
      input_tokens_details: { cached_tokens: 600 },
      output_tokens: 20,
      output_tokens_details: { reasoning_tokens: 7 },
      total_tokens: 1020,
    });
    const none = (await (await responses()).json()) as any;
    expect(none).not.toHaveProperty('usage');
    expect(none.status).toBe('completed');
  });

  it('counts a string input as one message and every input item as one', async () => {
    // ceil(2 / 4) + 3
    expect(((await (await responses({ model: 'm', input: 'hi' })).json()) as any).usage.input_tokens).toBe(4);
    const items = [
      { role: 'user', content: 'What is the weather?' }, // 20
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{}' }, // 0
      { type: 'function_call_output', call_id: 'call_1', output: 'Sunny, 21 °C' }, // 12
    ];
    // ceil(32 / 4) + 3 * 3
    expect(((await (await responses({ model: 'm', input: items })).json()) as any).usage.input_tokens).toBe(17);
  });
});

describe('stream', () => {
  it('sends the documented event sequence for a text answer', async () => {
    mock.enqueue({ chunks: ['Hel', 'lo', ' world'] });
    const { res, data, types, comments } = await streamed();
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(comments).toBe(0);
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(data.map((d: any) => d.sequence_number)).toEqual(data.map((_: unknown, i: number) => i));

    const [created, inProgress, added, partAdded, delta, , , textDone, partDone, itemDone, completed] = data;
    expect(created.response).toMatchObject({ object: 'response', status: 'in_progress', output: [], usage: null, model: 'gpt-4.1' });
    expect(inProgress.response).toEqual(created.response);
    expect(added).toMatchObject({ output_index: 0, item: { type: 'message', status: 'in_progress', role: 'assistant', content: [] } });
    const itemId = added.item.id;
    expect(itemId).toMatch(hex('msg_'));
    expect(partAdded).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
    expect(delta).toEqual({ type: 'response.output_text.delta', sequence_number: 4, item_id: itemId, output_index: 0, content_index: 0, delta: 'Hel', logprobs: [] });
    expect(data.slice(4, 7).map((d: any) => d.delta).join('')).toBe('Hello world');
    expect(textDone).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0, text: 'Hello world' });
    expect(partDone.part).toMatchObject({ type: 'output_text', text: 'Hello world' });
    expect(itemDone.item).toMatchObject({ id: itemId, status: 'completed', content: [{ type: 'output_text', text: 'Hello world' }] });
    expect(completed.response).toMatchObject({
      id: created.response.id,
      status: 'completed',
      output: [itemDone.item],
      usage: { input_tokens: PROMPT_TOKENS, output_tokens: 3, total_tokens: PROMPT_TOKENS + 3 },
    });
  });

  it('streams reasoning summaries and function call arguments item by item', async () => {
    mock.enqueue({ reasoning: 'Check the weather tool.', toolCalls: [WEATHER, { name: 'noop', arguments: '' }] });
    const { data, types } = await streamed();
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      ...Array(4).fill('response.reasoning_summary_text.delta'),
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
      'response.output_item.added',
      ...Array(4).fill('response.function_call_arguments.delta'),
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const reasoning = data.filter((d: any) => d.output_index === 0 && d.type !== 'response.output_item.added' && d.type !== 'response.output_item.done');
    expect(reasoning.every((d: any) => d.summary_index === 0 && d.item_id === data[2].item.id)).toBe(true);
    expect(data[2].item).toEqual({ id: expect.stringMatching(hex('rs_')), type: 'reasoning', summary: [] });
    expect(data.filter((d: any) => d.type === 'response.reasoning_summary_text.delta').map((d: any) => d.delta).join('')).toBe('Check the weather tool.');

    const call = data.find((d: any) => d.type === 'response.output_item.added' && d.output_index === 1);
    expect(call.item).toEqual({ id: expect.stringMatching(hex('fc_')), type: 'function_call', status: 'in_progress', arguments: '', call_id: expect.stringMatching(/^call_/), name: 'get_weather' });
    const fragments = data.filter((d: any) => d.type === 'response.function_call_arguments.delta');
    expect(fragments.every((d: any) => d.item_id === call.item.id && d.output_index === 1)).toBe(true);
    expect(fragments.map((d: any) => d.delta).join('')).toBe(WEATHER.arguments);
    const argsDone = data.filter((d: any) => d.type === 'response.function_call_arguments.done');
    expect(argsDone[0]).toMatchObject({ item_id: call.item.id, output_index: 1, name: 'get_weather', arguments: WEATHER.arguments });
    expect(argsDone[1]).toMatchObject({ output_index: 2, name: 'noop', arguments: '' });

    const final = data.at(-1).response;
    expect(final.output.map((o: any) => o.type)).toEqual(['reasoning', 'function_call', 'function_call']);
    expect(final.output[1]).toMatchObject({ id: call.item.id, call_id: call.item.call_id, status: 'completed', arguments: WEATHER.arguments });
    expect(final.usage.output_tokens_details.reasoning_tokens).toBe(4);
  });

  it('ends a cut answer with response.incomplete', async () => {
    mock.enqueue({ text: 'cut short', finishReason: 'length' });
    const { data, types } = await streamed();
    expect(types.at(-1)).toBe('response.incomplete');
    expect(types).not.toContain('response.completed');
    expect(data.at(-1).response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    expect(data.at(-2).item.status).toBe('incomplete');
  });

  it('leaves usage out of every event when the script disables it', async () => {
    mock.enqueue({ usage: false });
    const { data } = await streamed();
    expect(data[0].response).not.toHaveProperty('usage');
    expect(data.at(-1).response).not.toHaveProperty('usage');
  });

  it('writes keep-alive comments between events without changing the data', async () => {
    mock.enqueue({ keepAliveComments: true, chunks: ['a', 'b'] });
    const { comments, types } = await streamed();
    expect(types).toHaveLength(10);
    expect(comments).toBe(9);
  });

  it('paces events by chunkDelayMs', async () => {
    mock.enqueue({ chunkDelayMs: 20, chunks: ['a', 'b'] });
    const start = performance.now();
    const { types } = await streamed();
    // 10 events, 9 gaps
    expect(performance.now() - start).toBeGreaterThanOrEqual(9 * 20 - 2);
    expect(types.at(-1)).toBe('response.completed');
  });
});

describe('official SDK', () => {
  it('reads a non-stream response (output_text, usage, function calls)', async () => {
    mock.enqueue({ text: 'Hi from the mock.' }, { toolCalls: [WEATHER] });
    const openai = client();
    const r = await openai.responses.create({ model: 'gpt-4.1', input: 'Say hi' });
    expect(r.output_text).toBe('Hi from the mock.');
    expect(r.status).toBe('completed');
    expect(r.usage?.input_tokens).toBe(Math.ceil(6 / 4) + 3);
    const calls = await openai.responses.create({ model: 'gpt-4.1', input: 'Weather?', tools: [{ type: 'function', name: 'get_weather', parameters: {}, strict: false }] });
    expect(calls.output[0]).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: WEATHER.arguments });
    expect(calls.tools).toHaveLength(1);
    expect(mock.requests[0]!.headers.authorization).toBe('Bearer sk-test');
  });

  it('iterates the raw events of create({ stream: true })', async () => {
    mock.enqueue({ chunks: ['One ', 'two'] });
    const stream = await client().responses.create({ model: 'gpt-4.1', input: 'Count', stream: true });
    let text = '';
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(text).toBe('One two');
    expect(seen[0]).toBe('response.created');
    expect(seen.at(-1)).toBe('response.completed');
  });

  it('accumulates text and reasoning with responses.stream().finalResponse()', async () => {
    mock.enqueue({ reasoning: 'Short thought here.', text: 'The final answer is 42.' });
    const deltas: string[] = [];
    const stream = client()
      .responses.stream({ model: 'o4-mini', input: 'Answer?' })
      .on('response.output_text.delta', (e) => deltas.push(e.snapshot));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('The final answer is 42.');
    expect(deltas.at(-1)).toBe('The final answer is 42.');
    expect(final.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Short thought here.' }] });
    expect(final.usage).toMatchObject({ input_tokens: Math.ceil(7 / 4) + 3, output_tokens_details: { reasoning_tokens: 3 } });
  });

  it('accumulates function call arguments with responses.stream()', async () => {
    mock.enqueue({ toolCalls: [WEATHER, { name: 'get_time', arguments: '{"tz":"CET"}', id: 'call_t' }] });
    const snapshots: string[] = [];
    const stream = client()
      .responses.stream({ model: 'gpt-4.1', input: 'Weather and time?' })
      .on('response.function_call_arguments.delta', (e) => snapshots.push(e.snapshot));
    const final = await stream.finalResponse();
    expect(final.output).toMatchObject([
      { type: 'function_call', name: 'get_weather', arguments: WEATHER.arguments, status: 'completed' },
      { type: 'function_call', name: 'get_time', arguments: '{"tz":"CET"}', call_id: 'call_t' },
    ]);
    expect(snapshots).toContain(WEATHER.arguments);
    expect(final.output_text).toBe('');
  });

  it('reports an incomplete stream through finalResponse()', async () => {
    mock.enqueue({ text: 'partial', finishReason: 'length' });
    const final = await client().responses.stream({ model: 'gpt-4.1', input: 'Long essay' }).finalResponse();
    expect(final.status).toBe('incomplete');
    expect(final.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(final.output_text).toBe('partial');
  });

  it('throws the typed errors for status scripts and in-stream errors', async () => {
    mock.enqueue({ status: 429 }, { streamError: { after: 4, message: 'upstream broke' } });
    const openai = client();
    await expect(openai.responses.create({ model: 'gpt-4.1', input: 'x' })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    const events: string[] = [];
    const stream = openai.responses.stream({ model: 'gpt-4.1', input: 'x' }).on('event', (e) => events.push(e.type));
    await expect(stream.finalResponse()).rejects.toThrow('upstream broke');
    expect(events).toHaveLength(4);
  });
});

describe('errors', () => {
  it('checks the bearer key like the chat path, without consuming a script', async () => {
    await mock.close();
    mock = await startMockUpstream({ apiKeys: ['sk-good'] });
    mock.enqueue({ text: 'kept' });
    const missing = await responses(REQUEST, { 'content-type': 'application/json' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key', message: expect.stringContaining("didn't provide an API key") });
    const wrong = await responses(REQUEST, { 'content-type': 'application/json', authorization: 'Bearer sk-wrong-key-1234' });
    expect(((await wrong.json()) as any).error.message).toContain('sk-*****1234');
    await expect(client('sk-nope').responses.create({ model: 'm', input: 'x' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const ok = (await client('sk-good').responses.create({ model: 'm', input: 'x' })).output_text;
    expect(ok).toBe('kept');
  });

  it('answers bad JSON and chat-shaped bodies with OpenAI 400s, without consuming a script', async () => {
    mock.enqueue({ text: 'kept' });
    const bad = await responses('{nope');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toMatch(/^We could not parse the JSON body/);
    const noModel = await responses({ input: 'x' });
    expect(noModel.status).toBe(400);
    expect(await noModel.json()).toEqual({
      error: { message: "Missing required parameter: 'model'.", type: 'invalid_request_error', param: 'model', code: 'missing_required_parameter' },
    });
    const chat = await responses({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(((await chat.json()) as any).error).toMatchObject({ param: 'messages', code: 'unsupported_parameter', message: expect.stringContaining("moved to 'input'") });
    const maxTokens = await responses({ model: 'm', input: 'x', max_tokens: 5 });
    expect(((await maxTokens.json()) as any).error).toMatchObject({ param: 'max_tokens', message: expect.stringContaining("'max_output_tokens'") });
    expect(((await (await responses()).json()) as any).output[0].content[0].text).toBe('kept');
  });

  it('sends scripted statuses as OpenAI errors (retry-after on 429, custom bodies)', async () => {
    mock.enqueue({ status: 429 }, { status: 500, errorMessage: 'boom' }, { status: 502, errorBody: '<html>bad gateway</html>' });
    const limited = await responses();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(((await limited.json()) as any).error).toMatchObject({ code: 'rate_limit_exceeded' });
    const failed = await responses({ ...REQUEST, stream: true });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/json');
    expect(await failed.json()).toEqual({ error: { message: 'boom', type: 'server_error', param: null, code: 'server_error' } });
    const html = await responses();
    expect(html.status).toBe(502);
    expect(await html.text()).toBe('<html>bad gateway</html>');
  });

  it('cuts a stream with an error event carrying the documented and the live fields', async () => {
    mock.enqueue({ streamError: { after: 3 } }, { streamError: { after: 999, status: 429, message: 'slow down' } });
    const first = await streamed();
    expect(first.types).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'error']);
    expect(first.data[3]).toEqual({
      type: 'error',
      sequence_number: 3,
      code: 'server_error',
      message: 'The server had an error while processing your request. Sorry about that!',
      param: null,
      error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: 'server_error' },
    });
    expect(first.error).toBeUndefined();
    // `after` past the end still stops before the terminal event.
    const second = await streamed();
    expect(second.types.at(-1)).toBe('error');
    expect(second.types).not.toContain('response.completed');
    expect(second.data.at(-1)).toMatchObject({ code: 'rate_limit_exceeded', message: 'slow down', sequence_number: second.data.length - 1 });
    expect(second.data.at(-2).type).toBe('response.output_item.done');
  });
});

describe('faults and timing', () => {
  it('midstream breaks a stream after failAfterChunks events and truncates a JSON body', async () => {
    mock.enqueue({ fault: 'midstream', failAfterChunks: 4 }, { fault: 'midstream' });
    const { types, error } = await streamed();
    expect(error).toBeDefined();
    expect(types).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    const res = await responses();
    expect(res.status).toBe(200);
    const { text, error: cut } = await readText(res);
    expect(cut).toBeDefined();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"id":"resp_')).toBe(true);
    expect(mock.stats().faulted).toBe(2);
  });

  it('reset destroys the connection; the SDK sees a connection error', async () => {
    mock.enqueue({ fault: 'reset' });
    await expect(client().responses.create({ model: 'm', input: 'x' })).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    await mock.waitFor(() => mock.stats().faulted === 1);
  });

  it('hang sends stream headers and never finishes until the client aborts', async () => {
    mock.enqueue({ fault: 'hang' });
    const ac = new AbortController();
    const res = await responses({ ...REQUEST, stream: true }, HEADERS, ac.signal);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(mock.stats()).toMatchObject({ active: 1 });
    ac.abort();
    await mock.waitFor(() => mock.stats().aborted === 1);
  });

  it('delays the headers by latencyMs', async () => {
    mock.enqueue({ latencyMs: 120 });
    const start = performance.now();
    const res = await responses();
    expect(performance.now() - start).toBeGreaterThanOrEqual(118);
    expect(res.status).toBe(200);
    await res.text();
  });
});
