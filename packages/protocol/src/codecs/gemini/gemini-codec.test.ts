import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  IrInputError,
  type IrAssistantPart,
  type IrDecodeContext,
  type IrRequest,
  type IrResponse,
  type IrStopReason,
  type IrStreamEvent,
  type IrUsage,
} from '../../ir.js';
import { DroppedFeatures } from '../../dropped.js';
import { SseDecoder } from '../../sse.js';
import { anthropicCodec } from '../anthropic/index.js';
import { EFFORT_THINKING_BUDGET, geminiCodec } from './index.js';
import { generateContentResponseSchema } from './schema.js';

// Golden files live in __fixtures__. `UPDATE_GOLDEN=1 npx vitest run …` rewrites the
// expected files (`*.ir.json`, `*.encoded.json`, `*.encoded.sse.txt`); without it every
// test compares. Provider inputs (`request-*.json`, `response-*.json`, `stream-*.sse.txt`)
// are hand-written from Google's documented wire format and never rewritten.

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function read(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

function readJson(name: string): unknown {
  return JSON.parse(read(name)) as unknown;
}

function goldenJson(name: string, actual: unknown): void {
  if (UPDATE) {
    writeFileSync(FIXTURES + name, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  if (!existsSync(FIXTURES + name)) throw new Error(`missing golden file ${name}; run with UPDATE_GOLDEN=1`);
  // toStrictEqual also catches optional fields present with an `undefined` value.
  expect(actual).toStrictEqual(readJson(name));
}

function goldenText(name: string, actual: string): void {
  if (UPDATE) {
    writeFileSync(FIXTURES + name, actual);
    return;
  }
  if (!existsSync(FIXTURES + name)) throw new Error(`missing golden file ${name}; run with UPDATE_GOLDEN=1`);
  expect(actual).toBe(read(name));
}

interface RequestFixture {
  model: string;
  stream: boolean;
  body: unknown;
}

function decodeStream(chunks: ReadonlyArray<string | Uint8Array>): IrStreamEvent[] {
  const sse = new SseDecoder();
  const decoder = geminiCodec.createStreamDecoder();
  const out: IrStreamEvent[] = [];
  const feed = (events: ReturnType<SseDecoder['push']>): void => {
    for (const e of events) out.push(...decoder.push(e.event === undefined ? { data: e.data } : { event: e.event, data: e.data }));
  };
  for (const chunk of chunks) feed(sse.push(chunk));
  feed(sse.end());
  out.push(...decoder.end());
  return out;
}

function encodeStream(events: readonly IrStreamEvent[], model: string): string {
  const encoder = geminiCodec.createStreamEncoder({ model });
  let out = '';
  for (const e of events) out += encoder.push(e);
  out += encoder.end();
  expect(encoder.end()).toBe(''); // idempotent
  return out;
}

function modelOf(events: readonly IrStreamEvent[]): string {
  const start = events.find((e) => e.type === 'start');
  return start?.type === 'start' ? start.model : 'gemini';
}

interface Accumulated {
  content: IrAssistantPart[];
  stopReason?: IrStopReason;
  usage?: IrUsage;
  error?: string;
}

/** Folds IR stream events into the final answer they describe. */
function accumulate(events: readonly IrStreamEvent[]): Accumulated {
  const parts: IrAssistantPart[] = [];
  const acc: Accumulated = { content: parts };
  for (const e of events) {
    switch (e.type) {
      case 'text-delta': {
        const p = (parts[e.index] ??= { type: 'text', text: '' });
        if (p.type === 'text') p.text += e.text;
        break;
      }
      case 'reasoning-delta':
      case 'reasoning-signature': {
        const p = (parts[e.index] ??= { type: 'reasoning', text: '' });
        if (p.type !== 'reasoning') break;
        if (e.type === 'reasoning-delta') p.text += e.text;
        else p.signature = e.signature;
        break;
      }
      case 'tool-call-start':
        parts[e.index] =
          e.signature === undefined
            ? { type: 'tool-call', id: e.id, name: e.name, arguments: '' }
            : { type: 'tool-call', id: e.id, name: e.name, arguments: '', signature: e.signature };
        break;
      case 'tool-call-delta': {
        const p = parts[e.index];
        if (p?.type === 'tool-call') p.arguments += e.arguments;
        break;
      }
      case 'finish':
        acc.stopReason = e.stopReason;
        break;
      case 'usage':
        acc.usage = e.usage;
        break;
      case 'error':
        acc.error = e.message;
        break;
      default:
        break;
    }
  }
  acc.content = parts.filter((p) => p !== undefined);
  return acc;
}

function withoutUnsignedReasoning(ir: IrRequest): IrRequest {
  return {
    ...ir,
    messages: ir.messages.map((m) =>
      m.role === 'assistant' ? { ...m, content: m.content.filter((p) => p.type !== 'reasoning' || p.signature !== undefined) } : m,
    ),
  };
}

/** Parses the frames an encoder produced: every frame is `data: <json>\n\n`. */
function frames(sse: string): unknown[] {
  const decoder = new SseDecoder();
  const events = [...decoder.push(sse), ...decoder.end()];
  expect(events.map((e) => `data: ${e.data}\n\n`).join('')).toBe(sse);
  return events.map((e) => JSON.parse(e.data) as unknown);
}

// ───────────────────────────── golden files ─────────────────────────────

describe('gemini codec: request fixtures', () => {
  for (const name of ['request-basic', 'request-vision', 'request-tools', 'request-reasoning']) {
    it(`${name}: decodes and encodes as recorded`, () => {
      const fixture = readJson(`${name}.json`) as RequestFixture;
      const ctx = { model: fixture.model, stream: fixture.stream };
      const ir = geminiCodec.decodeRequest(fixture.body, ctx);
      goldenJson(`${name}.ir.json`, ir);
      const encoded = geminiCodec.encodeRequest(ir);
      goldenJson(`${name}.encoded.json`, encoded);
      // Gemini → IR → Gemini → IR is stable, except that unsigned thought summaries in
      // the history are not sent back (Gemini only needs its signatures).
      expect(geminiCodec.decodeRequest(encoded, ctx)).toStrictEqual(withoutUnsignedReasoning(ir));
    });
  }
});

describe('gemini codec: response fixtures', () => {
  for (const name of ['response-text', 'response-tools', 'response-reasoning']) {
    it(`${name}: decodes and encodes as recorded`, () => {
      const ir = geminiCodec.decodeResponse(readJson(`${name}.json`));
      goldenJson(`${name}.ir.json`, ir);
      const encoded = geminiCodec.encodeResponse(ir, { model: ir.model });
      goldenJson(`${name}.encoded.json`, encoded);
      expect(generateContentResponseSchema.safeParse(encoded).success).toBe(true);
      expect(geminiCodec.decodeResponse(encoded)).toStrictEqual(ir);
    });
  }
});

describe('gemini codec: stream fixtures', () => {
  for (const name of ['stream-text', 'stream-tools', 'stream-reasoning', 'stream-error']) {
    it(`${name}: decodes and encodes as recorded`, () => {
      const events = decodeStream([read(`${name}.sse.txt`)]);
      goldenJson(`${name}.ir.json`, events);
      const encoded = encodeStream(events, modelOf(events));
      goldenText(`${name}.encoded.sse.txt`, encoded);
      for (const frame of frames(encoded)) {
        if (typeof frame === 'object' && frame !== null && 'error' in frame) continue;
        expect(generateContentResponseSchema.safeParse(frame).success).toBe(true);
      }
      // What the encoded stream says is what the upstream said. (Usage reported before a
      // finish that never comes is not shown: Gemini error frames carry no usage.)
      const upstream = accumulate(events);
      if (upstream.stopReason === undefined) delete upstream.usage;
      expect(accumulate(decodeStream([encoded]))).toStrictEqual(upstream);
    });
  }

  it('gives identical IR when the upstream bytes are split at any offset', () => {
    for (const name of ['stream-reasoning', 'stream-tools']) {
      const bytes = new TextEncoder().encode(read(`${name}.sse.txt`));
      const whole = decodeStream([bytes]);
      for (let i = 1; i < bytes.length; i++) {
        expect(decodeStream([bytes.slice(0, i), bytes.slice(i)])).toStrictEqual(whole);
      }
    }
  });

  it('accumulates to the same answer as the matching non-streamed response', () => {
    const pairs: Array<[string, string]> = [
      ['stream-text', 'response-text'],
      ['stream-tools', 'response-tools'],
    ];
    for (const [stream, response] of pairs) {
      const streamed = accumulate(decodeStream([read(`${stream}.sse.txt`)]));
      const whole = geminiCodec.decodeResponse(readJson(`${response}.json`));
      expect(streamed.content).toStrictEqual(whole.content);
      expect(streamed.stopReason).toBe(whole.stopReason);
      expect(streamed.usage).toStrictEqual(whole.usage);
    }
  });
});

// ───────────────────────────── stream encoder ─────────────────────────────

describe('gemini codec: stream encoder', () => {
  it('turns OpenAI-style deltas (args in pieces, usage after finish) into whole Gemini chunks', () => {
    const events: IrStreamEvent[] = [
      { type: 'start', id: 'chatcmpl-9', model: 'gpt-4o', created: 1_700_000_000 },
      { type: 'text-delta', index: 0, text: 'Let me check ' },
      { type: 'text-delta', index: 0, text: 'both cities.' },
      { type: 'tool-call-start', index: 1, id: 'call_a', name: 'get_weather' },
      { type: 'tool-call-delta', index: 1, arguments: '{"ci' },
      { type: 'tool-call-delta', index: 1, arguments: 'ty": "Par' },
      { type: 'tool-call-delta', index: 1, arguments: 'is"}' },
      { type: 'tool-call-start', index: 2, id: 'call_b', name: 'get_weather' },
      { type: 'tool-call-delta', index: 2, arguments: '{"city":' },
      { type: 'tool-call-delta', index: 2, arguments: ' "Tokyo", "unit": "celsius"}' },
      { type: 'finish', stopReason: 'tool-calls' },
      { type: 'usage', usage: { input: 80, output: 40, cachedInput: 64 } },
    ];
    const encoder = geminiCodec.createStreamEncoder({ model: 'gemini-2.5-flash' });
    const outputs = events.map((e) => encoder.push(e));
    // start, the argument deltas and finish produce nothing yet: the calls wait until they
    // are complete, and the finish chunk waits for the usage that follows it.
    expect(outputs[0]).toBe('');
    expect(outputs.slice(3, 11).every((o) => o === '')).toBe(true);
    expect(encoder.end()).toBe('');
    const sse = outputs.join('');
    const chunks = frames(sse);
    expect(chunks).toHaveLength(3);
    for (const c of chunks) expect(generateContentResponseSchema.safeParse(c).success).toBe(true);
    expect(chunks[0]).toStrictEqual({
      candidates: [{ content: { parts: [{ text: 'Let me check ' }], role: 'model' }, index: 0 }],
      modelVersion: 'gemini-2.5-flash',
      responseId: 'chatcmpl-9',
    });
    expect(chunks[2]).toStrictEqual({
      candidates: [
        {
          content: {
            parts: [
              { functionCall: { id: 'call_a', name: 'get_weather', args: { city: 'Paris' } } },
              { functionCall: { id: 'call_b', name: 'get_weather', args: { city: 'Tokyo', unit: 'celsius' } } },
            ],
            role: 'model',
          },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 80, candidatesTokenCount: 40, totalTokenCount: 120, cachedContentTokenCount: 64 },
      modelVersion: 'gemini-2.5-flash',
      responseId: 'chatcmpl-9',
    });
    expect(sse.includes('[DONE]')).toBe(false);
  });

  it('sends the finish chunk at end() without usage, and a usage that comes later on its own', () => {
    const encoder = geminiCodec.createStreamEncoder({ model: 'm' });
    encoder.push({ type: 'start', id: 'r1', model: 'x', created: 0 });
    encoder.push({ type: 'text-delta', index: 0, text: 'hi' });
    encoder.push({ type: 'usage', usage: { input: 5, output: 1 } });
    expect(encoder.push({ type: 'finish', stopReason: 'length' })).toBe('');
    const rest = frames(encoder.push({ type: 'usage', usage: { input: 5, output: 2 } }) + encoder.push({ type: 'usage', usage: { input: 5, output: 3 } }));
    expect(rest).toStrictEqual([
      {
        candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'MAX_TOKENS', index: 0 }],
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2, totalTokenCount: 7 },
        modelVersion: 'm',
        responseId: 'r1',
      },
      { usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 }, modelVersion: 'm', responseId: 'r1' },
    ]);

    const plain = geminiCodec.createStreamEncoder({ model: 'm' });
    plain.push({ type: 'start', id: 'r2', model: 'x', created: 0 });
    expect(plain.push({ type: 'finish', stopReason: 'end' })).toBe('');
    expect(frames(plain.end())).toStrictEqual([
      { candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }], modelVersion: 'm', responseId: 'r2' },
    ]);
  });

  it('flushes the calls of a stream that ends without finish', () => {
    const cut = geminiCodec.createStreamEncoder({ model: 'm' });
    cut.push({ type: 'tool-call-start', index: 0, id: 'c', name: 'f', signature: 'sig' });
    expect(cut.push({ type: 'tool-call-delta', index: 0, arguments: '{"a":1}' })).toBe('');
    expect(frames(cut.end())[0]).toStrictEqual({
      candidates: [{ content: { parts: [{ functionCall: { id: 'c', name: 'f', args: { a: 1 } }, thoughtSignature: 'sig' }], role: 'model' }, index: 0 }],
      modelVersion: 'm',
    });
    expect(cut.end()).toBe('');
  });

  it('maps in-stream errors of other protocols to Google statuses', () => {
    const encoder = geminiCodec.createStreamEncoder({ model: 'm' });
    expect(encoder.push({ type: 'error', message: 'Overloaded', code: 'overloaded_error' })).toBe(
      'data: {"error":{"code":503,"message":"Overloaded","status":"UNAVAILABLE"}}\n\n',
    );
  });
});

// ───────────────────────────── request details ─────────────────────────────

const ctx = { model: 'gemini-2.5-flash' };

describe('gemini codec: request decoding', () => {
  it('accepts snake_case field names and gives the same IR as camelCase', () => {
    const camel = {
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'hi' }, { inlineData: { mimeType: 'audio/mpeg', data: 'AAAA' } }] },
        { role: 'model', parts: [{ functionCall: { name: 'f', args: { a_b: 1 } }, thoughtSignature: 's1' }] },
        { role: 'user', parts: [{ functionResponse: { name: 'f', response: { some_key: true } } }] },
      ],
      tools: [{ functionDeclarations: [{ name: 'f', parametersJsonSchema: { type: 'object', properties: { a_b: { type: 'integer' } } } }] }],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['f'] } },
      generationConfig: { maxOutputTokens: 100, topK: 40, thinkingConfig: { thinkingBudget: 0 } },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
    };
    const snake = {
      system_instruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'hi' }, { inline_data: { mime_type: 'audio/mpeg', data: 'AAAA' } }] },
        { role: 'model', parts: [{ function_call: { name: 'f', args: { a_b: 1 } }, thought_signature: 's1' }] },
        { role: 'user', parts: [{ function_response: { name: 'f', response: { some_key: true } } }] },
      ],
      tools: [{ function_declarations: [{ name: 'f', parameters_json_schema: { type: 'object', properties: { a_b: { type: 'integer' } } } }] }],
      tool_config: { function_calling_config: { mode: 'any', allowed_function_names: ['f'] } },
      generation_config: { max_output_tokens: 100, top_k: 40, thinking_config: { thinking_budget: 0 } },
      safety_settings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
    };
    const ir = geminiCodec.decodeRequest(snake, ctx);
    expect(ir).toStrictEqual(geminiCodec.decodeRequest(camel, ctx));
    // User data keeps its own keys.
    expect(ir.messages[1]).toStrictEqual({
      role: 'assistant',
      content: [{ type: 'tool-call', id: 'call_1', name: 'f', arguments: '{"a_b":1}', signature: 's1' }],
    });
    expect(ir.messages[0]?.content[1]).toStrictEqual({ type: 'audio', data: 'AAAA', format: 'mp3' });
    expect(ir.toolChoice).toStrictEqual({ type: 'tool', name: 'f' });
    expect(ir.reasoning).toStrictEqual({ budgetTokens: 0 });
    expect(ir.extra).toStrictEqual({ protocol: 'gemini', fields: { safetySettings: camel.safetySettings } });
  });

  it('matches each functionResponse to the earliest unanswered call of that name, or to its id', () => {
    const ir = geminiCodec.decodeRequest(
      {
        contents: [
          { role: 'user', parts: [{ text: 'go' }] },
          {
            role: 'model',
            parts: [
              { functionCall: { name: 'weather', args: { city: 'A' } } },
              { functionCall: { name: 'time', args: {} } },
              { functionCall: { name: 'weather', args: { city: 'B' } } },
              { functionCall: { id: 'call_2', name: 'lookup', args: {} } },
            ],
          },
          {
            role: 'user',
            parts: [
              { functionResponse: { name: 'time', response: { output: '12:00' } } },
              { functionResponse: { name: 'weather', response: { t: 1 } } },
              { functionResponse: { name: 'weather', response: { error: 'city B unknown' } } },
              { functionResponse: { id: 'call_2', name: 'lookup', response: { hits: [] } } },
              { text: 'and now?' },
            ],
          },
        ],
      },
      ctx,
    );
    const calls = ir.messages[1]?.role === 'assistant' ? ir.messages[1].content.map((p) => (p.type === 'tool-call' ? p.id : '')) : [];
    // Ids are deterministic, in order of appearance, and skip the id the request already uses.
    expect(calls).toStrictEqual(['call_1', 'call_3', 'call_4', 'call_2']);
    expect(ir.messages.slice(2)).toStrictEqual([
      { role: 'tool', toolCallId: 'call_3', name: 'time', content: [{ type: 'text', text: '12:00' }] },
      { role: 'tool', toolCallId: 'call_1', name: 'weather', content: [{ type: 'text', text: '{"t":1}' }] },
      { role: 'tool', toolCallId: 'call_4', name: 'weather', content: [{ type: 'text', text: 'city B unknown' }], isError: true },
      { role: 'tool', toolCallId: 'call_2', name: 'lookup', content: [{ type: 'text', text: '{"hits":[]}' }] },
      { role: 'user', content: [{ type: 'text', text: 'and now?' }] },
    ]);
  });

  it('maps generation settings, response formats, thinking and tool choice', () => {
    const ir = geminiCodec.decodeRequest(
      {
        contents: [{ parts: [{ text: 'x' }] }],
        tools: [{ functionDeclarations: [{ name: 'a' }, { name: 'b' }] }, { googleSearch: {} }],
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['a', 'b'] } },
        generationConfig: {
          topP: 0.9,
          candidateCount: 2,
          seed: 7,
          presencePenalty: 0.5,
          frequencyPenalty: 0.25,
          responseMimeType: 'application/json',
          responseSchema: { type: 'OBJECT', properties: { n: { type: 'INTEGER', nullable: true } }, propertyOrdering: ['n'] },
          responseModalities: ['TEXT'],
          thinkingConfig: { thinkingLevel: 'LOW', includeThoughts: false },
        },
        cachedContent: 'cachedContents/abc123',
      },
      { model: 'models/gemini-3-pro-preview', stream: true },
    );
    expect(ir).toStrictEqual({
      model: 'gemini-3-pro-preview',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
      tools: [
        { name: 'a', parameters: { type: 'object', properties: {} } },
        { name: 'b', parameters: { type: 'object', properties: {} } },
      ],
      toolChoice: { type: 'required' },
      topP: 0.9,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
      n: 2,
      reasoning: { effort: 'low', includeThoughts: false },
      responseFormat: {
        type: 'json_schema',
        name: 'response',
        schema: { type: 'object', properties: { n: { type: ['integer', 'null'] } } },
      },
      stream: true,
      streamUsage: true,
      extra: {
        protocol: 'gemini',
        fields: {
          cachedContent: 'cachedContents/abc123',
          tools: [{ googleSearch: {} }],
          toolConfig: { functionCallingConfig: { allowedFunctionNames: ['a', 'b'] } },
          generationConfig: { responseModalities: ['TEXT'], thinkingConfig: { thinkingLevel: 'LOW' } },
        },
      },
    });
    // Back to Gemini: the level is kept (no budget next to it), built-in tools and the
    // allowed names come back, and ids stay out of the request.
    expect(geminiCodec.encodeRequest(ir)).toStrictEqual({
      contents: [{ role: 'user', parts: [{ text: 'x' }] }],
      tools: [{ functionDeclarations: [{ name: 'a' }, { name: 'b' }] }, { googleSearch: {} }],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['a', 'b'] } },
      generationConfig: {
        topP: 0.9,
        candidateCount: 2,
        presencePenalty: 0.5,
        frequencyPenalty: 0.25,
        seed: 7,
        responseMimeType: 'application/json',
        responseJsonSchema: { type: 'object', properties: { n: { type: ['integer', 'null'] } } },
        thinkingConfig: { includeThoughts: false, thinkingLevel: 'LOW' },
        responseModalities: ['TEXT'],
      },
      cachedContent: 'cachedContents/abc123',
    });
  });

  it('keeps dynamic thinking (-1) for Gemini only', () => {
    const ir = geminiCodec.decodeRequest(
      { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { thinkingConfig: { thinkingBudget: -1, includeThoughts: true } } },
      ctx,
    );
    expect(ir.reasoning).toStrictEqual({ includeThoughts: true });
    expect(geminiCodec.encodeRequest(ir).generationConfig).toStrictEqual({
      thinkingConfig: { includeThoughts: true, thinkingBudget: -1 },
    });
  });

  const bad: Array<[string, unknown, IrDecodeContext, RegExp]> = [
    ['a non-object body', 'hello', ctx, /Invalid Gemini generateContent request/],
    ['missing contents', { generationConfig: {} }, ctx, /contents/],
    ['empty contents', { contents: [] }, ctx, /contents must contain at least one Content/],
    ['a role that is not a string', { contents: [{ role: 7, parts: [{ text: 'x' }] }] }, ctx, /contents\[0\]\.role/],
    ['inlineData without data', { contents: [{ parts: [{ inlineData: { mimeType: 'image/png' } }] }] }, ctx, /contents\[0\]\.parts\[0\]\.inlineData\.data/],
    ['a wrong type', { contents: [{ parts: [{ text: 42 }] }] }, ctx, /contents\[0\]\.parts\[0\]\.text/],
    ['an empty part', { contents: [{ parts: [{}] }] }, ctx, /contents\[0\]\.parts\[0\] is empty/],
    ['a functionCall in a user turn', { contents: [{ role: 'user', parts: [{ functionCall: { name: 'f' } }] }] }, ctx, /only allowed in "model" turns/],
    ['a functionResponse in a model turn', { contents: [{ role: 'model', parts: [{ functionResponse: { name: 'f', response: {} } }] }] }, ctx, /only allowed in "user" turns/],
    ['an out-of-range temperature', { contents: [{ parts: [{ text: 'x' }] }], generationConfig: { temperature: 3 } }, ctx, /generationConfig\.temperature/],
    ['an unknown function calling mode', { contents: [{ parts: [{ text: 'x' }] }], toolConfig: { functionCallingConfig: { mode: 'SOMETIMES' } } }, ctx, /toolConfig\.functionCallingConfig\.mode/],
    ['no model', { contents: [{ parts: [{ text: 'x' }] }] }, {}, /model is missing/],
  ];
  it('leaves out unknown roles and part kinds and records them, instead of refusing', () => {
    const dropped = new DroppedFeatures();
    const ir = geminiCodec.decodeRequest(
      {
        contents: [
          { role: 'critic', parts: [{ text: 'x' }] },
          { role: 'user', parts: [{ text: 'hi' }, { executableCode: { language: 'PYTHON', code: 'print(1)' } }] },
        ],
        tools: [{ googleSearch: {} }],
      },
      { ...ctx, dropped },
    );
    expect(ir.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
    expect(dropped.list()).toEqual(['role.critic', 'content.executablecode']);
    // The built-in tool is Gemini's own: only an encoder for another protocol drops it.
    const anthropic = new DroppedFeatures();
    anthropicCodec.encodeRequest(ir, { dropped: anthropic });
    expect(anthropic.list()).toEqual(['tools.googlesearch']);
  });

  for (const [what, body, context, message] of bad) {
    it(`rejects ${what} with a readable IrInputError`, () => {
      expect(() => geminiCodec.decodeRequest(body, context)).toThrow(IrInputError);
      expect(() => geminiCodec.decodeRequest(body, context)).toThrow(message);
    });
  }
});


describe('gemini codec: request encoding from other protocols', () => {
  const base: IrRequest = { model: 'gpt-4o', messages: [], stream: false };

  it('merges roles, names tool results from earlier calls, and wraps non-object results', () => {
    const body = geminiCodec.encodeRequest({
      ...base,
      system: [{ type: 'text', text: 'sys 1' }, { type: 'text', text: 'sys 2', cacheControl: { type: 'ephemeral' } }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.png?size=large' }, detail: 'high' },
            { type: 'image', source: { kind: 'url', url: 'https://example.com/photo' } },
            { type: 'image', source: { kind: 'url', url: 'data:image/webp;base64,UklGRg==' } },
            { type: 'file', source: { kind: 'base64', mediaType: 'application/pdf', data: 'JVBERi0=' }, filename: 'a.pdf' },
            { type: 'file', source: { kind: 'file-id', fileId: 'file-abc' } },
            { type: 'audio', data: 'UklGRg==', format: 'wav' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'unsigned thoughts' },
            { type: 'text', text: 'Calling.' },
            { type: 'tool-call', id: 'call_x', name: 'search', arguments: '{"q":"cats"}' },
            { type: 'tool-call', id: 'call_y', name: 'fetch', arguments: 'not json' },
          ],
        },
        { role: 'tool', toolCallId: 'call_x', content: [{ type: 'text', text: 'plain text result' }] },
        { role: 'tool', toolCallId: 'call_y', content: [{ type: 'text', text: '{"status":404}' }], isError: true },
        { role: 'user', content: [{ type: 'text', text: 'thanks' }] },
      ],
      tools: [
        { name: 'search', description: 'Search', parameters: { type: 'object', properties: { q: { type: 'string' } } }, strict: true },
        { name: 'fetch', parameters: { type: 'object', properties: {} } },
      ],
      toolChoice: { type: 'tool', name: 'search' },
      parallelToolCalls: false,
      stop: ['STOP'],
      reasoning: { effort: 'medium' },
      responseFormat: { type: 'json_object' },
      extra: { protocol: 'openai-chat', fields: { logprobs: true } },
    });
    expect(body).toStrictEqual({
      systemInstruction: { parts: [{ text: 'sys 1' }, { text: 'sys 2' }] },
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'look' },
            { fileData: { mimeType: 'image/png', fileUri: 'https://example.com/cat.png?size=large' } },
            { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/photo' } },
            { inlineData: { mimeType: 'image/webp', data: 'UklGRg==' } },
            { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
            { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
          ],
        },
        {
          role: 'model',
          parts: [
            { text: 'Calling.' },
            { functionCall: { name: 'search', args: { q: 'cats' } } },
            { functionCall: { name: 'fetch', args: {} } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'search', response: { output: 'plain text result' } } },
            { functionResponse: { name: 'fetch', response: { error: { status: 404 } } } },
            { text: 'thanks' },
          ],
        },
      ],
      tools: [
        {
          functionDeclarations: [
            { name: 'search', description: 'Search', parametersJsonSchema: { type: 'object', properties: { q: { type: 'string' } } } },
            { name: 'fetch' },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['search'] } },
      generationConfig: {
        stopSequences: ['STOP'],
        responseMimeType: 'application/json',
        thinkingConfig: { thinkingBudget: EFFORT_THINKING_BUDGET.medium, includeThoughts: true },
      },
    });
  });

  it('sends signatures back on the parts they came on', () => {
    const body = geminiCodec.encodeRequest({
      ...base,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'q' }] },
        {
          role: 'assistant',
          content: [
            { type: 'reasoning', text: 'thinking…', signature: 'sigA' },
            { type: 'tool-call', id: '1', name: 'f', arguments: '{}', signature: 'sigB' },
            { type: 'reasoning', text: '', signature: 'sigC' },
            { type: 'text', text: 'answer' },
            { type: 'reasoning', text: '', signature: 'sigD' },
            { type: 'reasoning', text: '', redacted: 'opaque' },
          ],
        },
      ],
    });
    expect(body.contents).toStrictEqual([
      { role: 'user', parts: [{ text: 'q' }] },
      {
        role: 'model',
        parts: [
          { text: 'thinking…', thought: true, thoughtSignature: 'sigA' },
          { functionCall: { name: 'f', args: {} }, thoughtSignature: 'sigB' },
          { text: 'answer', thoughtSignature: 'sigC' },
          { text: '', thoughtSignature: 'sigD' },
        ],
      },
    ]);
  });

  it('maps budgets, thinking off and tool choices', () => {
    const gc = (reasoning: IrRequest['reasoning']) => geminiCodec.encodeRequest({ ...base, reasoning }).generationConfig;
    expect(gc({ budgetTokens: 2048 })).toStrictEqual({ thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } });
    expect(gc({ budgetTokens: 100_000 })).toStrictEqual({ thinkingConfig: { thinkingBudget: 32768, includeThoughts: true } });
    expect(gc({ budgetTokens: 0 })).toStrictEqual({ thinkingConfig: { thinkingBudget: 0 } });
    expect(gc({ effort: 'high', includeThoughts: false })).toStrictEqual({ thinkingConfig: { thinkingBudget: 24576, includeThoughts: false } });
    const tc = (toolChoice: IrRequest['toolChoice']) => geminiCodec.encodeRequest({ ...base, toolChoice }).toolConfig;
    expect(tc({ type: 'auto' })).toStrictEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(tc({ type: 'none' })).toStrictEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(tc({ type: 'required' })).toStrictEqual({ functionCallingConfig: { mode: 'ANY' } });
  });

  it('rejects a tool result whose function name cannot be found', () => {
    expect(() =>
      geminiCodec.encodeRequest({ ...base, messages: [{ role: 'tool', toolCallId: 'nope', content: [{ type: 'text', text: 'x' }] }] }),
    ).toThrow(/messages\[0\]: the tool result for call "nope"/);
  });
});

// ───────────────────────────── responses, finish reasons, errors ─────────────────────────────

describe('gemini codec: responses', () => {
  it('reports a blocked prompt as content-filter with empty content', () => {
    const ir = geminiCodec.decodeResponse({
      promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] },
      usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 },
      modelVersion: 'gemini-2.5-flash',
    });
    expect(ir.content).toStrictEqual([]);
    expect(ir.stopReason).toBe('content-filter');
    expect(ir.usage).toStrictEqual({ input: 8, output: 0 });
    expect(ir.id).toMatch(/^gemini-[0-9a-f]{8}$/);
  });

  it('maps finish reasons', () => {
    const stop = (finishReason: string, parts: unknown[] = [{ text: 'x' }]) =>
      geminiCodec.decodeResponse({ candidates: [{ content: { role: 'model', parts }, finishReason }], responseId: 'r' }).stopReason;
    expect(stop('STOP')).toBe('end');
    expect(stop('STOP', [{ functionCall: { name: 'f', args: {} } }])).toBe('tool-calls');
    expect(stop('MAX_TOKENS')).toBe('length');
    for (const r of ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']) expect(stop(r)).toBe('content-filter');
    for (const r of ['MALFORMED_FUNCTION_CALL', 'OTHER', 'LANGUAGE']) expect(stop(r)).toBe('error');
    expect(stop('FINISH_REASON_UNSPECIFIED')).toBe('end');
  });

  it('uses candidate 0 only and rejects bodies that are not answers', () => {
    const ir = geminiCodec.decodeResponse({
      candidates: [
        { content: { parts: [{ text: 'second' }] }, finishReason: 'STOP', index: 1 },
        { content: { parts: [{ text: 'first' }] }, finishReason: 'STOP' },
      ],
      responseId: 'r',
    });
    expect(ir.content).toStrictEqual([{ type: 'text', text: 'first' }]);
    expect(() => geminiCodec.decodeResponse({ modelVersion: 'x' })).toThrow(IrInputError);
    expect(() => geminiCodec.decodeResponse({ candidates: 'no' })).toThrow(/candidates/);
    expect(() => geminiCodec.decodeResponse({ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } })).toThrow(
      /Quota exceeded/,
    );
  });

  it('shows reasoning of other providers as thought parts in answers', () => {
    const ir: IrResponse = {
      id: 'msg_1',
      model: 'claude',
      created: 1,
      content: [
        { type: 'reasoning', text: 'hmm', signature: 'anthropic-sig' },
        { type: 'reasoning', text: 'plain' },
        { type: 'text', text: 'done' },
      ],
      stopReason: 'refusal',
      usage: { input: 10, output: 5, cacheWrite: 3, reasoning: 2 },
    };
    expect(geminiCodec.encodeResponse(ir, { model: 'gemini-2.5-pro' })).toStrictEqual({
      candidates: [
        {
          content: {
            parts: [
              { text: 'hmm', thought: true, thoughtSignature: 'anthropic-sig' },
              { text: 'plain', thought: true },
              { text: 'done' },
            ],
            role: 'model',
          },
          finishReason: 'SAFETY',
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 3, totalTokenCount: 15, thoughtsTokenCount: 2 },
      modelVersion: 'gemini-2.5-pro',
      responseId: 'msg_1',
    });
  });
});

describe('gemini codec: errors', () => {
  it('reads Google error bodies, also wrapped in an array', () => {
    const body = { error: { code: 429, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED' } };
    const info = { message: 'Resource has been exhausted (e.g. check quota).', type: 'RESOURCE_EXHAUSTED', code: '429' };
    expect(geminiCodec.decodeError(body)).toStrictEqual(info);
    expect(geminiCodec.decodeError([body])).toStrictEqual(info);
    expect(geminiCodec.decodeError({ candidates: [] })).toBeUndefined();
    expect(geminiCodec.decodeError('Bad Gateway')).toBeUndefined();
  });

  it('writes Google error bodies with the status string for the HTTP status', () => {
    const cases: Array<[number, string]> = [
      [400, 'INVALID_ARGUMENT'],
      [401, 'UNAUTHENTICATED'],
      [403, 'PERMISSION_DENIED'],
      [404, 'NOT_FOUND'],
      [429, 'RESOURCE_EXHAUSTED'],
      [500, 'INTERNAL'],
      [503, 'UNAVAILABLE'],
      [504, 'DEADLINE_EXCEEDED'],
    ];
    for (const [status, google] of cases) {
      expect(geminiCodec.encodeError(status, 'boom')).toStrictEqual({ error: { code: status, message: 'boom', status: google } });
    }
    expect(geminiCodec.encodeError(400, 'x', 'FAILED_PRECONDITION')).toStrictEqual({
      error: { code: 400, message: 'x', status: 'FAILED_PRECONDITION' },
    });
  });

  it('turns an in-stream error into an IR error and stops', () => {
    const events = decodeStream([
      'data: {"candidates":[{"content":{"parts":[{"text":"a"}],"role":"model"}}],"responseId":"r"}\r\n\r\n',
      'data: [{"error":{"code":500,"message":"Internal error","status":"INTERNAL"}}]\r\n\r\n',
      'data: {"candidates":[{"content":{"parts":[{"text":"ignored"}],"role":"model"}}]}\r\n\r\n',
    ]);
    expect(events).toStrictEqual([
      { type: 'start', id: 'r', model: '', created: 0 },
      { type: 'text-delta', index: 0, text: 'a' },
      { type: 'error', message: 'Internal error', code: 'INTERNAL' },
    ]);
  });

  it('finishes a stream that ended without finishReason', () => {
    const events = decodeStream(['data: {"candidates":[{"content":{"parts":[{"functionCall":{"name":"f"}}]}}],"responseId":"r"}\n\n']);
    expect(events).toStrictEqual([
      { type: 'start', id: 'r', model: '', created: 0 },
      { type: 'tool-call-start', index: 0, id: 'call_r_1', name: 'f' },
      { type: 'tool-call-delta', index: 0, arguments: '{}' },
      { type: 'finish', stopReason: 'tool-calls' },
    ]);
  });
});
