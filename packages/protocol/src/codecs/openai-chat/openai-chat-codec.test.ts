import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IrInputError, type IrRequest, type IrStreamEvent } from '../../ir.js';
import { DroppedFeatures } from '../../dropped.js';
import { SseDecoder } from '../../sse.js';
import { openaiChatCodec as codec } from './index.js';

// Golden files live in __fixtures__. The inputs (`<name>.json`, `<name>.sse.txt`) are
// written by hand from the documented wire format; the expected outputs (`.ir.json`,
// `.encoded.*`) are generated with UPDATE_GOLDEN=1 and reviewed by eye.
const FIXTURES = new URL('./__fixtures__/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const readJson = (name: string): unknown => JSON.parse(read(name));

function goldenJson(name: string, actual: unknown): void {
  if (UPDATE) writeFileSync(new URL(name, FIXTURES), `${JSON.stringify(actual, null, 2)}\n`);
  else expect(actual).toStrictEqual(readJson(name));
}

function goldenText(name: string, actual: string): void {
  if (UPDATE) writeFileSync(new URL(name, FIXTURES), actual);
  else expect(actual).toBe(read(name));
}

/** Bytes → SseDecoder → codec stream decoder, exactly as the relay reads an upstream. */
function decodeStream(chunks: ReadonlyArray<Uint8Array | string>): IrStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = codec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  const feed = (events: ReturnType<SseDecoder['push']>): void => {
    for (const e of events) out.push(...decoder.push(e));
  };
  for (const c of chunks) feed(sse.push(c));
  feed(sse.end());
  out.push(...decoder.end());
  return out;
}

function encodeStream(events: readonly IrStreamEvent[], model: string, includeUsage = true): string {
  const encoder = codec.createStreamEncoder({ model, includeUsage });
  let out = '';
  for (const e of events) out += encoder.push(e);
  return out + encoder.end();
}

function modelOf(events: readonly IrStreamEvent[]): string {
  const start = events.find((e) => e.type === 'start');
  return start?.type === 'start' ? start.model : 'unknown';
}

/** The JSON payloads of `data:` frames (everything but `[DONE]`). */
function frames(sse: string): Array<Record<string, unknown>> {
  expect(sse.endsWith('\n\n')).toBe(true);
  return sse
    .split('\n\n')
    .filter((f) => f !== '')
    .map((f) => {
      expect(f.startsWith('data: ')).toBe(true);
      return f.slice(6);
    })
    .filter((d) => d !== '[DONE]')
    .map((d) => JSON.parse(d) as Record<string, unknown>);
}

const baseRequest = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };
const decode = (body: unknown): IrRequest => codec.decodeRequest(body);
const decodeWith = (fields: Record<string, unknown>): IrRequest => decode({ ...baseRequest, ...fields });

// ───────────────────────────── golden files ─────────────────────────────

describe('openai-chat golden requests', () => {
  for (const name of ['request-basic', 'request-vision', 'request-tools', 'request-reasoning']) {
    it(name, () => {
      const ir = codec.decodeRequest(readJson(`${name}.json`));
      goldenJson(`${name}.ir.json`, ir);
      const encoded = codec.encodeRequest(ir);
      goldenJson(`${name}.encoded.json`, encoded);
      // The encoding is a fixed point: what it writes decodes and encodes to itself.
      expect(codec.encodeRequest(codec.decodeRequest(encoded))).toStrictEqual(encoded);
    });
  }
});

describe('openai-chat golden responses', () => {
  for (const name of ['response-text', 'response-tools', 'response-reasoning']) {
    it(name, () => {
      const body = readJson(`${name}.json`) as { model: string };
      const ir = codec.decodeResponse(body);
      goldenJson(`${name}.ir.json`, ir);
      const encoded = codec.encodeResponse(ir, { model: body.model });
      goldenJson(`${name}.encoded.json`, encoded);
      expect(codec.decodeResponse(encoded)).toStrictEqual(ir);
    });
  }
});

describe('openai-chat golden streams', () => {
  for (const name of ['stream-text', 'stream-tools', 'stream-reasoning', 'stream-error']) {
    it(name, () => {
      const events = decodeStream([readFileSync(new URL(`${name}.sse.txt`, FIXTURES))]);
      goldenJson(`${name}.ir.json`, events);
      const encoded = encodeStream(events, modelOf(events));
      goldenText(`${name}.encoded.sse.txt`, encoded);
      // Our own output decodes to the same events.
      expect(decodeStream([encoded])).toStrictEqual(events);
    });
  }

  it('stream-tools split at every byte offset decodes identically', () => {
    const bytes = readFileSync(new URL('stream-tools.sse.txt', FIXTURES));
    const whole = decodeStream([bytes]);
    for (let k = 0; k <= bytes.length; k++) {
      expect(decodeStream([bytes.subarray(0, k), bytes.subarray(k)])).toStrictEqual(whole);
    }
    const oneByOne: Uint8Array[] = [];
    for (let k = 0; k < bytes.length; k++) oneByOne.push(bytes.subarray(k, k + 1));
    expect(decodeStream(oneByOne)).toStrictEqual(whole);
  });
});

// ───────────────────────────── request decode ─────────────────────────────

describe('openai-chat decodeRequest validation', () => {
  const rejects = (body: unknown, message: RegExp): void => {
    let error: unknown;
    try {
      codec.decodeRequest(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IrInputError);
    expect((error as Error).message).toMatch(message);
  };

  it('names the field and the problem', () => {
    rejects('nope', /request body must be a JSON object/);
    rejects({ messages: baseRequest.messages }, /^model: Required \(expected string\)/);
    rejects({ model: '  ', messages: baseRequest.messages }, /^model: model is required/);
    rejects({ model: 'm', messages: [] }, /^messages: messages must contain at least one message/);
    rejects({ model: 'm' }, /^messages: Required \(expected array\)/);
    rejects({ ...baseRequest, temperature: 'hot' }, /^temperature: .*expected number, received string/);
    rejects({ ...baseRequest, temperature: 3 }, /^temperature: .*<=2/);
    rejects({ ...baseRequest, max_tokens: 1.5 }, /^max_tokens: .*expected int/);
    rejects({ ...baseRequest, stream: 'yes' }, /^stream: .*expected boolean/);
    rejects({ model: 'm', messages: [{ role: 'user', content: 5 }] }, /^messages\.0\.content: Invalid input: expected string or array, received number/);
    rejects({ model: 'm', messages: [{ role: 'user' }] }, /^messages\.0\.content: Required/);
    rejects(
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 7 } }] }] },
      /^messages\.0\.content\.0\.image_url\.url: .*expected string/,
    );
    rejects({ model: 'm', messages: [{ role: 'tool', content: 'x' }] }, /^messages\.0\.tool_call_id: Required/);
    rejects(
      {
        model: 'm',
        messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'x', input: '' } }] }],
      },
      /^messages\.0\.tool_calls\.0\.type: only "function" tool calls are supported/,
    );
    rejects({ ...baseRequest, tools: [{ type: 'function', function: { description: 'x' } }] }, /^tools\.0\.function\.name: Required/);
    rejects({ ...baseRequest, tool_choice: 'sometimes' }, /^tool_choice: /);
    rejects({ ...baseRequest, response_format: { type: 'yaml' } }, /^response_format\.type: /);
    rejects(
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'file', file: { filename: 'a.pdf' } }] }] },
      /^messages\.0\.content\.0\.file: needs file_data or file_id/,
    );
  });

  it('leaves out unknown roles, part types and tool types and records them, instead of refusing', () => {
    const dropped = new DroppedFeatures();
    const ir = codec.decodeRequest(
      {
        model: 'm',
        messages: [
          { role: 'robot', content: 'x' },
          { role: 'user', content: [{ type: 'video_url', video_url: {} }, { type: 'text', text: 'hi' }] },
        ],
        tools: [{ type: 'web_search_preview' }, { type: 'function', function: { name: 'f' } }],
      },
      { dropped },
    );
    expect(ir.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
    expect(ir.tools).toEqual([{ name: 'f', parameters: { type: 'object', properties: {} } }]);
    expect(dropped.list()).toEqual(['role.robot', 'content.video_url', 'tools.web_search_preview']);
  });

  it('takes the model from the context when the body has none', () => {
    expect(codec.decodeRequest({ messages: baseRequest.messages }, { model: 'from-url' }).model).toBe('from-url');
    expect(codec.decodeRequest({ ...baseRequest }, { model: 'from-url' }).model).toBe('gpt-4o-mini');
  });
});

describe('openai-chat decodeRequest mapping', () => {
  it('moves a late system message into system, in order', () => {
    const ir = decode({
      model: 'm',
      messages: [
        { role: 'system', content: 'first' },
        { role: 'user', content: 'q' },
        { role: 'developer', content: [{ type: 'text', text: 'second' }] },
      ],
    });
    expect(ir.system).toStrictEqual([
      { type: 'text', text: 'first' },
      { type: 'text', text: 'second' },
    ]);
    expect(ir.messages).toStrictEqual([{ role: 'user', content: [{ type: 'text', text: 'q' }] }]);
  });

  it('reads audio, files and cache_control', () => {
    const ir = decode({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'long prefix', cache_control: { type: 'ephemeral' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
            { type: 'file', file: { file_data: 'JVBERi0=' } },
            { type: 'file', file: { file_id: 'file-abc' } },
          ],
        },
      ],
    });
    expect(ir.messages[0]!.content).toStrictEqual([
      { type: 'text', text: 'long prefix', cacheControl: { type: 'ephemeral' } },
      { type: 'audio', data: 'UklGRg==', format: 'wav' },
      { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'a.pdf' },
      { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' } },
      { type: 'file', source: { kind: 'file-id', fileId: 'file-abc' } },
    ]);
  });

  it('reads legacy functions, function_call and role "function"', () => {
    const ir = decode({
      model: 'm',
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        { role: 'function', name: 'get_weather', content: '{"temp":3}' },
      ],
      functions: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      function_call: { name: 'get_weather' },
    });
    expect(ir.messages.slice(1)).toStrictEqual([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', id: 'call_legacy_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
      },
      { role: 'tool', toolCallId: 'call_legacy_1', name: 'get_weather', content: [{ type: 'text', text: '{"temp":3}' }] },
    ]);
    expect(ir.tools).toStrictEqual([
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    ]);
    expect(ir.toolChoice).toStrictEqual({ type: 'tool', name: 'get_weather' });
  });

  it('reads the remaining options', () => {
    const ir = decodeWith({
      max_tokens: 10,
      max_completion_tokens: 20,
      top_p: 0.9,
      top_k: 40,
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      n: 2,
      stop: ['a', 'b'],
      tool_choice: 'required',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema: { type: 'object' }, strict: true, description: 'd' },
      },
      stream: true,
      stream_options: { include_usage: false },
      enable_thinking: true,
      temperature: null,
    });
    expect(ir).toMatchObject({
      maxOutputTokens: 20,
      topP: 0.9,
      topK: 40,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      n: 2,
      stop: ['a', 'b'],
      toolChoice: { type: 'required' },
      responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true, description: 'd' },
      stream: true,
      streamUsage: false,
      extra: { protocol: 'openai-chat', fields: { enable_thinking: true } },
    });
    expect('temperature' in ir).toBe(false);
    expect('topK' in decodeWith({ top_k: -1 })).toBe(false);
    expect(decodeWith({ response_format: { type: 'json_object' } }).responseFormat).toStrictEqual({ type: 'json_object' });
  });

  it('maps reasoning_effort values outside the IR scale and restores them for OpenAI', () => {
    const xhigh = decodeWith({ reasoning_effort: 'xhigh', max_completion_tokens: 100 });
    expect(xhigh.reasoning).toStrictEqual({ effort: 'high' });
    expect(codec.encodeRequest(xhigh)).toMatchObject({ reasoning_effort: 'xhigh', max_completion_tokens: 100 });
    // The gateway changed the effort: the IR wins over the remembered spelling.
    expect(codec.encodeRequest({ ...xhigh, reasoning: { effort: 'low' } })).toMatchObject({ reasoning_effort: 'low' });

    const none = decodeWith({ reasoning_effort: 'none' });
    expect(none.reasoning).toStrictEqual({ budgetTokens: 0 });
    expect(codec.encodeRequest(none).reasoning_effort).toBe('none');
    // Another protocol's "thinking off" is not sent as "none" (not every upstream knows it).
    expect(codec.encodeRequest({ ...none, extra: undefined }).reasoning_effort).toBeUndefined();
  });
});

// ───────────────────────────── request encode ─────────────────────────────

describe('openai-chat encodeRequest', () => {
  const ir = (fields: Partial<IrRequest>): IrRequest => ({
    model: 'm',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    stream: false,
    ...fields,
  });

  it('uses max_tokens unless reasoning effort is set', () => {
    expect(codec.encodeRequest(ir({ maxOutputTokens: 50 }))).toMatchObject({ max_tokens: 50 });
    const reasoning = codec.encodeRequest(ir({ maxOutputTokens: 50, reasoning: { effort: 'low' } }));
    expect(reasoning).toMatchObject({ max_completion_tokens: 50, reasoning_effort: 'low' });
    expect('max_tokens' in reasoning).toBe(false);
    // Budget-only reasoning (Anthropic, Gemini) has no OpenAI Chat equivalent.
    expect(codec.encodeRequest(ir({ maxOutputTokens: 50, reasoning: { budgetTokens: 2048 } }))).toStrictEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 50,
    });
  });

  it('always asks for usage when streaming', () => {
    expect(codec.encodeRequest(ir({ stream: true, streamUsage: false }))).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    expect('stream' in codec.encodeRequest(ir({}))).toBe(false);
  });

  it('copies extra fields back only for openai-chat and never over IR fields', () => {
    const fields = { enable_thinking: false, temperature: 1.5 };
    expect(codec.encodeRequest(ir({ temperature: 0.1, extra: { protocol: 'openai-chat', fields } }))).toStrictEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.1,
      enable_thinking: false,
    });
    expect(codec.encodeRequest(ir({ extra: { protocol: 'anthropic', fields: { enable_thinking: false } } }))).toStrictEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('writes what OpenAI cannot take back as text or drops it', () => {
    const body = codec.encodeRequest(
      ir({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'see', cacheControl: { type: 'ephemeral' } },
              { type: 'image', source: { kind: 'base64', mediaType: 'image/jpeg', data: '/9j/' }, detail: 'auto' },
              { type: 'file', source: { kind: 'url', url: 'https://example.com/a.pdf' } },
              { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'a.pdf' },
            ],
          },
          {
            role: 'assistant',
            content: [
              { type: 'reasoning', text: 'thinking', signature: 'sig' },
              { type: 'text', text: 'Let me look. ' },
              { type: 'tool-call', id: 'toolu_1', name: 'look', arguments: '{}', signature: 'ts' },
              { type: 'text', text: 'Done.' },
            ],
          },
          {
            role: 'tool',
            toolCallId: 'toolu_1',
            name: 'look',
            isError: true,
            content: [
              { type: 'text', text: 'result' },
              { type: 'image', source: { kind: 'url', url: 'https://example.com/i.png' } },
            ],
          },
        ],
      }),
    );
    expect(body.messages).toStrictEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'see' },
          { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/', detail: 'auto' } },
          { type: 'text', text: '[file: https://example.com/a.pdf]' },
          { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
        ],
      },
      {
        role: 'assistant',
        content: 'Let me look. Done.',
        tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'look', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'result\n[image]' },
    ]);
  });
});

// ───────────────────────────── responses ─────────────────────────────

describe('openai-chat responses', () => {
  const completion = (message: Record<string, unknown>, finish = 'stop'): Record<string, unknown> => ({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, logprobs: null, finish_reason: finish }],
  });

  it('keeps choice 0 only', () => {
    const body = completion({ content: 'one' });
    (body.choices as unknown[]).push({ index: 1, message: { role: 'assistant', content: 'two' }, finish_reason: 'stop' });
    expect(codec.decodeResponse(body).content).toStrictEqual([{ type: 'text', text: 'one' }]);
  });

  it('reads OpenRouter reasoning, refusals and vendor usage', () => {
    const ir = codec.decodeResponse({
      ...completion({ content: 'ok', reasoning: 'hmm' }),
      usage: { prompt_tokens: 10, completion_tokens: 5, prompt_cache_hit_tokens: 4 },
    });
    expect(ir.content).toStrictEqual([
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: 'ok' },
    ]);
    expect(ir.usage).toStrictEqual({ input: 10, output: 5, cachedInput: 4 });

    const refusal = codec.decodeResponse(completion({ content: null, refusal: "I can't help with that." }));
    expect(refusal).toMatchObject({ stopReason: 'refusal', content: [{ type: 'text', text: "I can't help with that." }] });
    expect(codec.encodeResponse(refusal, { model: 'm' })).toMatchObject({
      choices: [{ message: { content: null, refusal: "I can't help with that." }, finish_reason: 'stop' }],
    });
  });

  it('maps every finish_reason', () => {
    const stop = (finish: string, message: Record<string, unknown> = { content: 'x' }): string =>
      codec.decodeResponse(completion(message, finish)).stopReason;
    expect(stop('stop')).toBe('end');
    expect(stop('length')).toBe('length');
    expect(stop('content_filter')).toBe('content-filter');
    expect(stop('tool_calls')).toBe('tool-calls');
    expect(stop('function_call', { content: null, function_call: { name: 'f', arguments: '{}' } })).toBe('tool-calls');
    // Some compatible servers say "stop" after tool calls.
    expect(stop('stop', { content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '' } }] })).toBe(
      'tool-calls',
    );
    expect(stop('insufficient_system_resource')).toBe('error');
  });

  it('rejects what is not a chat completion', () => {
    expect(() => codec.decodeResponse({ object: 'list', data: [] })).toThrow(IrInputError);
    expect(() => codec.decodeResponse({ choices: [{ message: { content: 5 } }] })).toThrow(/choices\.0\.message\.content/);
  });

  it('encodes null content for tool calls only and omits unknown usage', () => {
    const body = codec.encodeResponse(
      { id: 'msg_1', model: 'claude', created: 5, content: [{ type: 'tool-call', id: 't', name: 'f', arguments: '{}' }], stopReason: 'tool-calls' },
      { model: 'alias' },
    );
    expect(body).toStrictEqual({
      id: 'msg_1',
      object: 'chat.completion',
      created: 5,
      model: 'alias',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            refusal: null,
            tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{}' } }],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
    });
  });
});

// ───────────────────────────── stream decode ─────────────────────────────

describe('openai-chat stream decoder', () => {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 3, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;

  it('gives a new index whenever the kind of content changes', () => {
    const events = decodeStream([
      chunk({ reasoning_content: 'a' }),
      chunk({ content: 'b' }),
      chunk({ reasoning: 'c' }),
      chunk({ content: 'd' }),
      chunk({ tool_calls: [{ index: 0, id: 'x', function: { name: 'f', arguments: '{' } }] }),
      chunk({ content: 'e' }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '}' } }] }),
      chunk({}, 'tool_calls'),
      'data: [DONE]\n\n',
    ]);
    expect(events.map((e) => ('index' in e ? `${e.type}@${e.index}` : e.type))).toStrictEqual([
      'start',
      'reasoning-delta@0',
      'text-delta@1',
      'reasoning-delta@2',
      'text-delta@3',
      'tool-call-start@4',
      'tool-call-delta@4',
      'text-delta@5',
      'tool-call-delta@4',
      'finish',
    ]);
  });

  it('treats a new id at a known tool index as a new call; ignores other choices and empty chunks', () => {
    const events = decodeStream([
      'data: {}\n\n',
      chunk({ tool_calls: [{ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'b', type: 'function', function: { name: 'g', arguments: '{}' } }] }),
      `data: ${JSON.stringify({ id: 'c1', choices: [{ index: 1, delta: { content: 'other choice' } }] })}\n\n`,
      chunk({}),
      chunk({}, 'tool_calls'),
    ]);
    expect(events).toStrictEqual([
      { type: 'start', id: 'c1', model: 'm', created: 3 },
      { type: 'tool-call-start', index: 0, id: 'a', name: 'f' },
      { type: 'tool-call-delta', index: 0, arguments: '{}' },
      { type: 'tool-call-start', index: 1, id: 'b', name: 'g' },
      { type: 'tool-call-delta', index: 1, arguments: '{}' },
      { type: 'finish', stopReason: 'tool-calls' },
    ]);
  });

  it('starts at the first real chunk, not at an Azure prompt-filter chunk', () => {
    const events = decodeStream([
      `data: ${JSON.stringify({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [] })}\n\n`,
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'hi' }, 'stop'),
    ]);
    expect(events).toStrictEqual([
      { type: 'start', id: 'c1', model: 'm', created: 3 },
      { type: 'text-delta', index: 0, text: 'hi' },
      { type: 'finish', stopReason: 'end' },
    ]);
  });

  it('implies the finish at the end of the stream', () => {
    expect(decodeStream([chunk({ content: 'x' }), 'data: [DONE]\n\n']).at(-1)).toStrictEqual({ type: 'finish', stopReason: 'end' });
    // Cut off: no finish_reason and no [DONE].
    expect(decodeStream([chunk({ content: 'x' })]).at(-1)).toStrictEqual({ type: 'finish', stopReason: 'error' });
    expect(decodeStream([])).toStrictEqual([]);
  });

  it('reports error events, including data that is not JSON', () => {
    expect(decodeStream(['data: {"error":{"message":"boom","code":502}}\n\n'])).toStrictEqual([
      { type: 'error', message: 'boom', code: '502' },
    ]);
    const bad = decodeStream([chunk({ content: 'x' }), 'data: {not json\n\n', chunk({ content: 'ignored' })]);
    expect(bad.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('not JSON') });
    expect(bad.filter((e) => e.type === 'text-delta')).toHaveLength(1);
  });

  it('reads usage from the finish chunk too (DeepSeek style) and a refusal', () => {
    const events = decodeStream([
      chunk({ refusal: 'No.' }),
      chunk({}, 'stop', { usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }),
    ]);
    expect(events.slice(1)).toStrictEqual([
      { type: 'text-delta', index: 0, text: 'No.' },
      { type: 'finish', stopReason: 'refusal' },
      { type: 'usage', usage: { input: 3, output: 2 } },
    ]);
  });
});

// ───────────────────────────── stream encode ─────────────────────────────

describe('openai-chat stream encoder', () => {
  const events = (): IrStreamEvent[] => decodeStream([readFileSync(new URL('stream-tools.sse.txt', FIXTURES))]);

  it('ends with exactly one [DONE], however often end() is called', () => {
    const encoder = codec.createStreamEncoder({ model: 'alias' });
    let out = '';
    for (const e of events()) out += encoder.push(e);
    out += encoder.end() + encoder.end();
    out += encoder.push({ type: 'text-delta', index: 9, text: 'late' });
    expect(out.split('data: [DONE]\n\n')).toHaveLength(2);
    expect(out.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('sends the usage chunk only when includeUsage, once, with the last usage', () => {
    const withUsage = [
      ...events(),
      { type: 'usage', usage: { input: 1, output: 1 } },
      { type: 'usage', usage: { input: 142, output: 60, cachedInput: 100 } },
    ] satisfies IrStreamEvent[];
    expect(encodeStream(withUsage, 'alias', false)).not.toContain('"usage"');
    const chunks = frames(encodeStream(withUsage, 'alias', true));
    const usageChunks = chunks.filter((c) => c.usage !== undefined);
    expect(usageChunks).toHaveLength(1);
    expect(usageChunks[0]).toStrictEqual({
      id: 'chatcmpl-C3xT0aPq4Lm8Nz2Rb6Vc1Xw9Ye5Hu',
      object: 'chat.completion.chunk',
      created: 1754932260,
      model: 'alias',
      choices: [],
      usage: {
        prompt_tokens: 142,
        completion_tokens: 60,
        total_tokens: 202,
        prompt_tokens_details: { cached_tokens: 100 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
    expect(chunks.at(-1)).toBe(usageChunks[0]);
  });

  it('gives every chunk the start id, created and the caller-facing model', () => {
    for (const c of frames(encodeStream(events(), 'my-alias'))) {
      expect(c).toMatchObject({ id: 'chatcmpl-C3xT0aPq4Lm8Nz2Rb6Vc1Xw9Ye5Hu', object: 'chat.completion.chunk', created: 1754932260, model: 'my-alias' });
    }
  });

  it('numbers tool calls among tool calls, not among parts', () => {
    const out = frames(
      encodeStream(
        [
          { type: 'start', id: 'msg_1', model: 'claude', created: 9 },
          { type: 'reasoning-delta', index: 0, text: 'think' },
          { type: 'reasoning-signature', index: 0, signature: 'sig' },
          { type: 'text-delta', index: 1, text: 'Checking.' },
          { type: 'tool-call-start', index: 2, id: 'toolu_a', name: 'f' },
          { type: 'tool-call-delta', index: 2, arguments: '{"a":1}' },
          { type: 'tool-call-start', index: 3, id: 'toolu_b', name: 'g' },
          { type: 'tool-call-delta', index: 3, arguments: '{}' },
          { type: 'finish', stopReason: 'tool-calls' },
        ],
        'alias',
      ),
    );
    expect(out.map((c) => (c.choices as Array<{ delta: unknown; finish_reason: unknown }>)[0])).toStrictEqual([
      { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { reasoning_content: 'think' }, logprobs: null, finish_reason: null },
      { index: 0, delta: { content: 'Checking.' }, logprobs: null, finish_reason: null },
      {
        index: 0,
        delta: { tool_calls: [{ index: 0, id: 'toolu_a', type: 'function', function: { name: 'f', arguments: '' } }] },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] }, logprobs: null, finish_reason: null },
      {
        index: 0,
        delta: { tool_calls: [{ index: 1, id: 'toolu_b', type: 'function', function: { name: 'g', arguments: '' } }] },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: { tool_calls: [{ index: 1, function: { arguments: '{}' } }] }, logprobs: null, finish_reason: null },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' },
    ]);
  });

  it('sends errors as error data, and an abnormal finish as an error', () => {
    const error = encodeStream([{ type: 'error', message: 'overloaded', code: 'overloaded_error' }], 'alias');
    expect(error).toBe('data: {"error":{"message":"overloaded","type":"server_error","code":"overloaded_error"}}\n\ndata: [DONE]\n\n');
    const abnormal = frames(
      encodeStream(
        [
          { type: 'start', id: 'x', model: 'm', created: 1 },
          { type: 'finish', stopReason: 'error' },
          { type: 'usage', usage: { input: 1, output: 1 } },
        ],
        'alias',
      ),
    );
    expect(abnormal.at(-1)).toMatchObject({ error: { type: 'server_error' } });
    expect(abnormal.some((c) => c.usage !== undefined)).toBe(false);
  });
});

// ───────────────────────────── errors ─────────────────────────────

describe('openai-chat errors', () => {
  it('reads the error shapes vendors send', () => {
    expect(
      codec.decodeError({ error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } }),
    ).toStrictEqual({ message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' });
    expect(codec.decodeError({ error: { message: 'Provider returned error', code: 429, metadata: {} } })).toStrictEqual({
      message: 'Provider returned error',
      code: '429',
    });
    expect(codec.decodeError({ error: 'model not found' })).toStrictEqual({ message: 'model not found' });
    expect(codec.decodeError({ object: 'error', message: 'bad', type: 'BadRequestError', param: null, code: 400 })).toStrictEqual({
      message: 'bad',
      type: 'BadRequestError',
      code: '400',
    });
    expect(codec.decodeError({ detail: 'Not Found' })).toStrictEqual({ message: 'Not Found' });
    expect(codec.decodeError({ id: 'x', choices: [] })).toBeUndefined();
    expect(codec.decodeError('<html>502</html>')).toBeUndefined();
  });

  it('writes the OpenAI envelope with a type per status', () => {
    expect(codec.encodeError(401, 'bad key', 'invalid_api_key')).toStrictEqual({
      error: { message: 'bad key', type: 'authentication_error', param: null, code: 'invalid_api_key' },
    });
    const type = (status: number): unknown => (codec.encodeError(status, 'm').error as { type: unknown }).type;
    expect([400, 404, 413, 422].map(type)).toStrictEqual(Array(4).fill('invalid_request_error'));
    expect([403, 429, 500, 503].map(type)).toStrictEqual(['permission_error', 'rate_limit_error', 'server_error', 'server_error']);
    expect(codec.encodeError(400, 'm')).toMatchObject({ error: { code: null } });
  });
});
