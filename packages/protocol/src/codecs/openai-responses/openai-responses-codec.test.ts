import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { IrInputError, type IrRequest, type IrResponse, type IrStreamEvent } from '../../ir.js';
import { DroppedFeatures } from '../../dropped.js';
import { SseDecoder } from '../../sse.js';
import { openaiResponsesCodec as codec } from './index.js';

/**
 * Golden tests: `<name>.json` / `<name>.sse.txt` are wire bodies as OpenAI sends them;
 * `<name>.ir.json` is what the decoder makes of them and `<name>.encoded.*` what the encoder
 * makes of that IR. `UPDATE_GOLDEN=1` rewrites the expected files; without it they are compared.
 */

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const read = (name: string): string => readFileSync(FIXTURES + name, 'utf8');
const readJson = (name: string): unknown => JSON.parse(read(name)) as unknown;

function golden(name: string, actual: unknown): void {
  expect(undefinedPaths(actual), `${name}: optional fields must be absent, not undefined`).toEqual([]);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (UPDATE) writeFileSync(FIXTURES + name, text);
  expect(existsSync(FIXTURES + name), `${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(JSON.parse(text)).toStrictEqual(readJson(name));
}

function goldenText(name: string, actual: string): void {
  if (UPDATE) writeFileSync(FIXTURES + name, actual);
  expect(existsSync(FIXTURES + name), `${name} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(read(name));
}

function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedPaths(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${path}.${k}`));
  }
  return [];
}

/** Feeds wire chunks through SseDecoder and the codec's stream decoder. */
function decodeStream(chunks: Array<string | Uint8Array>): IrStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  const feed = (events: ReturnType<SseDecoder['push']>) => {
    for (const e of events) out.push(...decoder.push({ event: e.event, data: e.data }));
  };
  for (const chunk of chunks) feed(sse.push(chunk));
  feed(sse.end());
  out.push(...decoder.end());
  return out;
}

function encodeStream(events: IrStreamEvent[], model: string): string {
  const encoder = codec.createStreamEncoder({ model, includeUsage: true });
  let out = '';
  for (const e of events) out += encoder.push(e);
  return out + encoder.end();
}

interface Frame {
  event: string | undefined;
  data: Record<string, unknown>;
}

function frames(sse: string): Frame[] {
  const decoder = new SseDecoder();
  return [...decoder.push(sse), ...decoder.end()].map((e) => ({
    event: e.event,
    data: JSON.parse(e.data) as Record<string, unknown>,
  }));
}

/** An `openai` SDK client whose every request is answered with `body`. */
function sdkClient(body: string, contentType: string): OpenAI {
  return new OpenAI({
    apiKey: 'sk-test',
    baseURL: 'http://switchboard.test/v1',
    maxRetries: 0,
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': contentType } }),
  });
}

const REQUESTS = ['request-basic', 'request-vision', 'request-tools', 'request-reasoning'];
const RESPONSES = ['response-text', 'response-tools', 'response-reasoning'];
const STREAMS = ['stream-text', 'stream-tools', 'stream-reasoning', 'stream-error'];

// ───────────────────────────── goldens ─────────────────────────────

describe('openai-responses requests (golden)', () => {
  for (const name of REQUESTS) {
    it(name, () => {
      const ir = codec.decodeRequest(readJson(`${name}.json`));
      golden(`${name}.ir.json`, ir);
      golden(`${name}.encoded.json`, codec.encodeRequest(ir));
    });
  }
});

describe('openai-responses responses (golden)', () => {
  for (const name of RESPONSES) {
    it(name, async () => {
      const ir = codec.decodeResponse(readJson(`${name}.json`));
      golden(`${name}.ir.json`, ir);
      const encoded = codec.encodeResponse(ir, { model: ir.model });
      golden(`${name}.encoded.json`, encoded);
      // The encoded body decodes to the same IR, and the official SDK accepts it.
      expect(codec.decodeResponse(encoded)).toStrictEqual(ir);
      const res = await sdkClient(JSON.stringify(encoded), 'application/json').responses.create({
        model: ir.model,
        input: 'x',
      });
      expect(res.id).toBe(encoded.id);
      expect(res.output_text).toBe(ir.content.map((p) => (p.type === 'text' ? p.text : '')).join(''));
    });
  }
});

describe('openai-responses streams (golden)', () => {
  for (const name of STREAMS) {
    it(name, async () => {
      const events = decodeStream([read(`${name}.sse.txt`)]);
      golden(`${name}.ir.json`, events);
      const start = events.find((e) => e.type === 'start');
      const encoded = encodeStream(events, start?.type === 'start' ? start.model : 'model');
      goldenText(`${name}.encoded.sse.txt`, encoded);
      // Re-decoding our own stream gives the same IR (ids aside: they are derived).
      expect(decodeStream([encoded]).map(stripStartId)).toStrictEqual(events.map(stripStartId));
      await expectSdkAccepts(encoded);
    });
  }

  it('stream-text: identical IR when the bytes are split at every offset', { timeout: 30_000 }, () => {
    const bytes = new TextEncoder().encode(read('stream-text.sse.txt'));
    const expected = decodeStream([bytes]);
    for (let i = 1; i < bytes.length; i++) {
      expect(decodeStream([bytes.subarray(0, i), bytes.subarray(i)])).toStrictEqual(expected);
    }
  });

  it('stream-reasoning: identical IR when fed one byte at a time', () => {
    const bytes = new TextEncoder().encode(read('stream-reasoning.sse.txt'));
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i++) chunks.push(bytes.subarray(i, i + 1));
    expect(decodeStream(chunks)).toStrictEqual(decodeStream([bytes]));
  });
});

function stripStartId(e: IrStreamEvent): IrStreamEvent {
  return e.type === 'start' ? { ...e, id: '' } : e;
}

/**
 * The official SDK reads the stream: raw iteration (`responses.create({stream:true})`) yields
 * every event, and the `responses.stream()` helper accumulates it into the final response —
 * or, for a stream with an `error` event, rejects with that error's message.
 */
async function expectSdkAccepts(sse: string): Promise<void> {
  const all = frames(sse);
  const raw = await sdkClient(sse, 'text/event-stream').responses.create({ model: 'm', input: 'x', stream: true });
  const types: string[] = [];
  for await (const event of raw) types.push(event.type);
  expect(types).toStrictEqual(all.map((f) => f.data.type));

  const final = sdkClient(sse, 'text/event-stream').responses.stream({ model: 'm', input: 'x' }).finalResponse();
  const error = all.find((f) => f.event === 'error');
  if (error) {
    await expect(final).rejects.toThrow(String(error.data.message));
    return;
  }
  const last = all.at(-1)?.data.response as { output: Array<{ id: string; type: string }>; status: string };
  const response = await final;
  expect(response.status).toBe(last.status);
  expect(response.output.map((o) => [o.type, o.id])).toStrictEqual(last.output.map((o) => [o.type, o.id]));
  const text = all.filter((f) => f.event === 'response.output_text.done').map((f) => String(f.data.text));
  expect(response.output_text).toBe(text.join(''));
}

// ───────────────────────────── stream encoder ─────────────────────────────

describe('openai-responses stream encoder', () => {
  /** The order an OpenAI Chat upstream produces: usage only after finish. */
  const chatLike: IrStreamEvent[] = [
    { type: 'start', id: 'chatcmpl-BqT7x2LmN9', model: 'gpt-4o-mini-2024-07-18', created: 1757500000 },
    { type: 'text-delta', index: 0, text: 'Let me check' },
    { type: 'text-delta', index: 0, text: ' the weather in Oslo.' },
    { type: 'tool-call-start', index: 1, id: 'call_Zx81QvB2', name: 'get_weather' },
    { type: 'tool-call-delta', index: 1, arguments: '{"city":' },
    { type: 'tool-call-delta', index: 1, arguments: '"Oslo"}' },
    { type: 'finish', stopReason: 'tool-calls' },
    { type: 'usage', usage: { input: 57, output: 23, cachedInput: 12 } },
  ];

  it('holds response.completed until usage arrives, then sends exactly one with full output and usage', async () => {
    const encoder = codec.createStreamEncoder({ model: 'my-gpt' });
    const chunks = chatLike.map((e) => encoder.push(e));
    expect(chunks.at(-2)).not.toContain('response.completed'); // finish
    expect(chunks.at(-1)).toContain('event: response.completed'); // usage
    expect(encoder.end()).toBe('');
    expect(encoder.end()).toBe('');
    const sse = chunks.join('');
    const all = frames(sse);

    expect(all.map((f) => f.data.sequence_number)).toStrictEqual(all.map((_, i) => i));
    for (const f of all) expect(f.data.type).toBe(f.event);
    expect(all.map((f) => f.event)).toStrictEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(all.filter((f) => f.event === 'response.completed')).toHaveLength(1);
    expect(sse).not.toContain('[DONE]');

    const completed = all.at(-1)?.data.response;
    expect(completed).toMatchObject({
      id: 'resp_chatcmpl-BqT7x2LmN9',
      status: 'completed',
      model: 'my-gpt',
      output: [
        {
          type: 'message',
          id: 'msg_chatcmpl-BqT7x2LmN9_0',
          content: [{ type: 'output_text', text: 'Let me check the weather in Oslo.', annotations: [] }],
        },
        {
          type: 'function_call',
          id: 'fc_chatcmpl-BqT7x2LmN9_1',
          call_id: 'call_Zx81QvB2',
          name: 'get_weather',
          arguments: '{"city":"Oslo"}',
          status: 'completed',
        },
      ],
      usage: {
        input_tokens: 57,
        input_tokens_details: { cached_tokens: 12 },
        output_tokens: 23,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 80,
      },
    });

    const stream = sdkClient(sse, 'text/event-stream').responses.stream({ model: 'my-gpt', input: 'x' });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('Let me check the weather in Oslo.');
    expect(final.usage?.total_tokens).toBe(80);
  });

  it('end() sends the final event when usage never comes', () => {
    const encoder = codec.createStreamEncoder({ model: 'm' });
    let sse = chatLike.slice(0, 7).map((e) => encoder.push(e)).join('');
    expect(sse).not.toContain('response.completed');
    sse += encoder.end();
    const last = frames(sse).at(-1);
    expect(last?.event).toBe('response.completed');
    expect(last?.data.response).toMatchObject({ status: 'completed', usage: null });
    expect(encoder.end()).toBe('');
  });

  it('usage before finish (Anthropic order) is kept for the final event', () => {
    const sse = encodeStream(
      [
        { type: 'start', id: 'msg_01XFDUDYJgAACzvnptvVoYEL', model: 'claude', created: 1757500001 },
        { type: 'reasoning-delta', index: 0, text: 'The user greets me.' },
        { type: 'reasoning-signature', index: 0, signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' },
        { type: 'text-delta', index: 1, text: 'Hello!' },
        { type: 'usage', usage: { input: 10, output: 5 } },
        { type: 'finish', stopReason: 'end' },
      ],
      'claude-x',
    );
    const all = frames(sse);
    const done = all.filter((f) => f.event === 'response.output_item.done').map((f) => f.data.item);
    expect(done[0]).toStrictEqual({
      id: 'rs_msg_01XFDUDYJgAACzvnptvVoYEL_0',
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: 'The user greets me.' }],
      encrypted_content: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds',
    });
    expect(all.at(-1)?.data.response).toMatchObject({ status: 'completed', usage: { input_tokens: 10, output_tokens: 5 } });
  });

  it('length → response.incomplete with max_output_tokens', () => {
    const sse = encodeStream(
      [
        { type: 'start', id: 'resp_abc', model: 'x', created: 1 },
        { type: 'text-delta', index: 0, text: 'Once upon a' },
        { type: 'finish', stopReason: 'length' },
        { type: 'usage', usage: { input: 3, output: 16 } },
      ],
      'x',
    );
    const last = frames(sse).at(-1);
    expect(last?.event).toBe('response.incomplete');
    expect(last?.data.response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  it('error → error event (documented shape) then response.failed; nothing after', () => {
    const encoder = codec.createStreamEncoder({ model: 'x' });
    let sse = encoder.push({ type: 'start', id: 'resp_e1', model: 'x', created: 1 });
    sse += encoder.push({ type: 'text-delta', index: 0, text: 'Hel' });
    sse += encoder.push({ type: 'error', message: 'upstream overloaded', code: 'overloaded' });
    expect(encoder.push({ type: 'text-delta', index: 0, text: 'lo' })).toBe('');
    expect(encoder.end()).toBe('');
    const all = frames(sse);
    const error = all.find((f) => f.event === 'error');
    expect(error?.data).toStrictEqual({
      type: 'error',
      sequence_number: 5,
      code: 'overloaded',
      message: 'upstream overloaded',
      param: null,
    });
    expect(all.at(-1)?.event).toBe('response.failed');
    expect(all.at(-1)?.data.response).toMatchObject({
      status: 'failed',
      error: { code: 'overloaded', message: 'upstream overloaded' },
      output: [{ type: 'message', status: 'incomplete', content: [{ type: 'output_text', text: 'Hel' }] }],
    });
  });
});

describe('openai-responses stream encoder: early error', () => {
  it('announces the response before an error that comes first, so the SDK reports that error', async () => {
    const sse = encodeStream([{ type: 'error', message: 'no channel available', code: 'upstream_unavailable' }], 'x');
    expect(frames(sse).map((f) => f.event)).toStrictEqual([
      'response.created',
      'response.in_progress',
      'error',
      'response.failed',
    ]);
    await expectSdkAccepts(sse);
  });
});

// ───────────────────────────── stream decoder ─────────────────────────────

describe('openai-responses stream decoder', () => {
  const created =
    'event: response.created\ndata: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","created_at":5,"status":"in_progress","model":"gpt-x","output":[]}}\n\n';

  it('an `error` event becomes an IR error and ends the stream', () => {
    const events = decodeStream([
      created,
      'event: error\ndata: {"type":"error","sequence_number":1,"code":"rate_limit_exceeded","message":"Slow down","param":null}\n\n',
    ]);
    expect(events).toStrictEqual([
      { type: 'start', id: 'resp_1', model: 'gpt-x', created: 5 },
      { type: 'error', message: 'Slow down', code: 'rate_limit_exceeded' },
    ]);
  });

  it('a stream cut off before response.completed ends with an error', () => {
    const events = decodeStream([created]);
    expect(events.at(-1)).toStrictEqual({
      type: 'error',
      message: 'the upstream stream ended before response.completed',
      code: 'stream_incomplete',
    });
  });

  it('response.incomplete maps to length and carries usage', () => {
    const events = decodeStream([
      created,
      'event: response.incomplete\ndata: {"type":"response.incomplete","sequence_number":1,"response":{"id":"resp_1","created_at":5,"model":"gpt-x","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[],"usage":{"input_tokens":9,"output_tokens":16,"total_tokens":25}}}\n\n',
    ]);
    expect(events.slice(1)).toStrictEqual([
      { type: 'finish', stopReason: 'length' },
      { type: 'usage', usage: { input: 9, output: 16 } },
    ]);
  });

  it('uses .done events when a server sends no deltas', () => {
    const events = decodeStream([
      created,
      'data: {"type":"response.output_item.added","output_index":0,"item":{"id":"m1","type":"message","role":"assistant","content":[]}}\n\n',
      'data: {"type":"response.output_text.done","item_id":"m1","output_index":0,"content_index":0,"text":"Hi there"}\n\n',
      'data: {"type":"response.output_item.done","output_index":1,"item":{"id":"f1","type":"function_call","call_id":"c1","name":"f","arguments":"{\\"a\\":1}"}}\n\n',
      'data: {"type":"response.completed","response":{"id":"resp_1","created_at":5,"model":"gpt-x","status":"completed","output":[]}}\n\n',
    ]);
    expect(events.slice(1)).toStrictEqual([
      { type: 'text-delta', index: 0, text: 'Hi there' },
      { type: 'tool-call-start', index: 1, id: 'c1', name: 'f' },
      { type: 'tool-call-delta', index: 1, arguments: '{"a":1}' },
      { type: 'finish', stopReason: 'tool-calls' },
    ]);
  });

  it('skips built-in tool items when numbering IR parts', () => {
    const events = decodeStream([
      created,
      'data: {"type":"response.output_item.added","output_index":0,"item":{"id":"ws_1","type":"web_search_call","status":"in_progress"}}\n\n',
      'data: {"type":"response.output_item.done","output_index":0,"item":{"id":"ws_1","type":"web_search_call","status":"completed"}}\n\n',
      'data: {"type":"response.output_item.added","output_index":1,"item":{"id":"m1","type":"message","role":"assistant","content":[]}}\n\n',
      'data: {"type":"response.output_text.delta","item_id":"m1","output_index":1,"content_index":0,"delta":"Found it."}\n\n',
      'data: {"type":"response.completed","response":{"id":"resp_1","created_at":5,"model":"gpt-x","status":"completed","output":[]}}\n\n',
    ]);
    expect(events.slice(1)).toStrictEqual([
      { type: 'text-delta', index: 0, text: 'Found it.' },
      { type: 'finish', stopReason: 'end' },
    ]);
  });
});

// ───────────────────────────── requests ─────────────────────────────

describe('openai-responses request decoding', () => {
  const expectInputError = (body: unknown, fragment: string) => {
    let error: unknown;
    try {
      codec.decodeRequest(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IrInputError);
    expect((error as Error).message).toContain(fragment);
  };

  it('rejects bad bodies with a message naming the field', () => {
    expectInputError('hello', 'JSON object');
    expectInputError({ input: 'hi' }, 'model');
    expectInputError({ model: 'm' }, 'input');
    expectInputError({ model: 'm', input: 42 }, 'input');
    expectInputError({ model: 'm', input: [{ role: 7, content: 'x' }] }, 'input.0.role');
    expectInputError({ model: 'm', input: [{ type: 'function_call', name: 'f', arguments: '{}' }] }, 'input.0.call_id');
    expectInputError({ model: 'm', input: 'x', temperature: 5 }, 'temperature');
    expectInputError({ model: 'm', input: 'x', tools: [{ type: 'function', parameters: {} }] }, 'tools.0.name');
    expectInputError({ model: 'm', input: 'x', text: { format: { type: 'json_schema', schema: {} } } }, 'text.format.name');
  });

  it('leaves out what the IR cannot hold and records it, instead of refusing the request', () => {
    const dropped = new DroppedFeatures();
    const ir = codec.decodeRequest(
      {
        model: 'm',
        input: [
          { role: 'robot', content: 'x' },
          { type: 'item_reference', id: 'msg_1' },
          { type: 'web_search_call', id: 'ws_1', status: 'completed' },
          { role: 'user', content: [{ type: 'input_image', file_id: 'file-1', detail: 'auto' }, { type: 'input_video', url: 'v' }, { type: 'input_text', text: 'hi' }] },
        ],
      },
      { dropped },
    );
    expect(ir.messages).toStrictEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
    expect(dropped.list()).toStrictEqual(['role.robot', 'input.item_reference', 'input.web_search_call', 'content.image_file', 'content.input_video']);
  });

  it('takes model and stream from the context when the body has none', () => {
    const ir = codec.decodeRequest({ input: 'hi' }, { model: 'ctx-model', stream: true });
    expect(ir).toMatchObject({ model: 'ctx-model', stream: true, streamUsage: true });
  });

  it('continues a stored conversation without input when previous_response_id is given', () => {
    const ir = codec.decodeRequest({ model: 'm', previous_response_id: 'resp_prev' });
    expect(ir.messages).toStrictEqual([]);
    expect(ir.extra).toStrictEqual({ protocol: 'openai-responses', fields: { previous_response_id: 'resp_prev' } });
  });

  it('keeps built-in tools, verbosity and exact reasoning options in extra and writes them back', () => {
    const body = {
      model: 'gpt-5',
      input: 'Search the news',
      tools: [{ type: 'web_search' }, { type: 'function', name: 'f', parameters: { type: 'object' } }],
      tool_choice: { type: 'web_search' },
      reasoning: { effort: 'xhigh', summary: 'detailed' },
      text: { verbosity: 'low' },
      safety_identifier: 'user-7',
      store: true,
      previous_response_id: 'resp_9',
    };
    const ir = codec.decodeRequest(body);
    expect(ir.reasoning).toStrictEqual({ effort: 'high', includeThoughts: true });
    expect(ir.user).toBe('user-7');
    expect(ir.tools).toStrictEqual([{ name: 'f', parameters: { type: 'object' } }]);
    const out = codec.encodeRequest(ir);
    expect(out).toMatchObject({
      tools: [{ type: 'function', name: 'f', strict: false }, { type: 'web_search' }],
      tool_choice: { type: 'web_search' },
      reasoning: { effort: 'xhigh', summary: 'detailed' },
      text: { verbosity: 'low' },
      safety_identifier: 'user-7',
      store: true,
      previous_response_id: 'resp_9',
    });
    expect(out).not.toHaveProperty('user');
    expect(out).not.toHaveProperty('include');
  });

  it('ignores extra from other protocols and drops what Responses cannot express', () => {
    const ir: IrRequest = {
      model: 'gpt-4.1',
      system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Use metric units.' }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise', cacheControl: { type: 'ephemeral' } },
            { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0x' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'plain thoughts, no signature' },
            { type: 'text', text: 'Calling.' },
            { type: 'tool-call', id: 'toolu_1', name: 'lookup', arguments: '{}' },
          ],
        },
        { role: 'tool', toolCallId: 'toolu_1', name: 'lookup', isError: true, content: [{ type: 'text', text: 'not found' }] },
      ],
      maxOutputTokens: 8,
      stop: ['END'],
      seed: 7,
      topK: 40,
      presencePenalty: 0.5,
      n: 2,
      reasoning: { budgetTokens: 4000 },
      stream: true,
      streamUsage: true,
      extra: { protocol: 'anthropic', fields: { top_k: 40, store: true } },
    };
    expect(codec.encodeRequest(ir)).toStrictEqual({
      model: 'gpt-4.1',
      instructions: 'Be brief.\n\nUse metric units.',
      input: [
        {
          type: 'message',
          role: 'user',
          content: [
            { type: 'input_text', text: 'Summarise' },
            { type: 'input_file', filename: 'document.pdf', file_data: 'data:application/pdf;base64,JVBERi0x' },
          ],
        },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Calling.' }] },
        { type: 'function_call', call_id: 'toolu_1', name: 'lookup', arguments: '{}' },
        { type: 'function_call_output', call_id: 'toolu_1', output: 'not found' },
      ],
      max_output_tokens: 16,
      reasoning: { effort: 'medium' },
      stream: true,
      store: false,
      include: ['reasoning.encrypted_content'],
    });
  });
});

// ───────────────────────────── responses and errors ─────────────────────────────

describe('openai-responses answers', () => {
  const base = { id: 'resp_x1', object: 'response', created_at: 10, model: 'gpt-x' };

  it('maps status and output to the IR stop reason', () => {
    const stop = (extra: Record<string, unknown>) => codec.decodeResponse({ ...base, output: [], ...extra }).stopReason;
    expect(stop({ status: 'completed' })).toBe('end');
    expect(stop({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } })).toBe('length');
    expect(stop({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } })).toBe('content-filter');
    expect(stop({ status: 'failed', error: { code: 'server_error', message: 'boom' } })).toBe('error');
    expect(
      stop({
        status: 'completed',
        output: [{ type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: "I can't help with that." }] }],
      }),
    ).toBe('refusal');
  });

  it('encodes a refusal as a refusal part and round-trips it', () => {
    const ir: IrResponse = {
      id: 'resp_r',
      model: 'm',
      created: 1,
      content: [{ type: 'text', text: "I can't help with that." }],
      stopReason: 'refusal',
    };
    const body = codec.encodeResponse(ir, { model: 'm' });
    expect(body.output).toStrictEqual([
      {
        id: 'msg_r_0',
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'refusal', refusal: "I can't help with that." }],
      },
    ]);
    expect(codec.decodeResponse(body)).toStrictEqual(ir);
  });

  it('rejects a body that is not a Response', () => {
    expect(() => codec.decodeResponse({ id: 'x', output: 'nope' })).toThrow(IrInputError);
  });
});

describe('openai-responses errors', () => {
  it('encodes OpenAI error envelopes by status', () => {
    expect(codec.encodeError(400, 'bad input')).toStrictEqual({
      error: { message: 'bad input', type: 'invalid_request_error', param: null, code: null },
    });
    expect(codec.encodeError(401, 'no key', 'invalid_api_key')).toMatchObject({
      error: { type: 'authentication_error', code: 'invalid_api_key' },
    });
    expect(codec.encodeError(403, 'x')).toMatchObject({ error: { type: 'permission_error' } });
    expect(codec.encodeError(404, 'x')).toMatchObject({ error: { type: 'invalid_request_error' } });
    expect(codec.encodeError(429, 'x')).toMatchObject({ error: { type: 'rate_limit_error' } });
    expect(codec.encodeError(503, 'x')).toMatchObject({ error: { type: 'server_error' } });
  });

  it('decodes every error shape the API uses', () => {
    expect(
      codec.decodeError({
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
      }),
    ).toStrictEqual({ message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' });
    expect(codec.decodeError({ type: 'error', code: 'server_error', message: 'oops', param: null, sequence_number: 3 })).toStrictEqual({
      message: 'oops',
      type: 'error',
      code: 'server_error',
    });
    expect(
      codec.decodeError({ type: 'response.failed', response: { id: 'r', status: 'failed', error: { code: 'server_error', message: 'boom' } } }),
    ).toStrictEqual({ message: 'boom', code: 'server_error' });
    expect(codec.decodeError(readJson('response-text.json'))).toBeUndefined();
    expect(codec.decodeError('nope')).toBeUndefined();
  });
});
