// Gemini API on /v1beta/models/{model}:generateContent and :streamGenerateContent:
// response shape, SSE and JSON-array streams, thoughts, function calls, usage, errors, keys.
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

const REQUEST = {
  systemInstruction: { parts: [{ text: 'Be brief.' }] }, // 9 chars, one message
  contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }], // 11 chars
};
const PROMPT_TOKENS = 11; // ceil(20 / 4) + 3 * 2

const call = (action: string, body: unknown = REQUEST, headers: Record<string, string> = {}, model = 'gemini-2.5-flash') =>
  fetch(`${mock.origin}/v1beta/models/${model}:${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const generate = (body?: unknown, headers?: Record<string, string>) => call('generateContent', body, headers);
const streamSse = async (body?: unknown) => {
  const res = await call('streamGenerateContent?alt=sse', body);
  const read = await readSse(res);
  return { res, ...read, chunks: read.events.map(json) };
};

describe('generateContent', () => {
  it('has the exact GenerateContentResponse shape', async () => {
    const res = await generate();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const body = (await res.json()) as any;
    expect(body).toEqual({
      candidates: [{ content: { parts: [{ text: DEFAULT_TEXT }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: {
        promptTokenCount: PROMPT_TOKENS,
        candidatesTokenCount: 5,
        totalTokenCount: PROMPT_TOKENS + 5,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: PROMPT_TOKENS }],
      },
      modelVersion: 'gemini-2.5-flash',
      responseId: expect.stringMatching(/^[A-Za-z0-9]{23}$/),
    });
  });

  it('returns thought parts first and counts thoughts apart from candidates', async () => {
    mock.enqueue({ reasoning: 'Let me think about it.', text: 'Done.' });
    const body = (await (await generate()).json()) as any;
    expect(body.candidates[0].content.parts).toEqual([{ text: 'Let me think about it.', thought: true }, { text: 'Done.' }]);
    const u = body.usageMetadata;
    expect(u.thoughtsTokenCount).toBeGreaterThan(0);
    expect(u.candidatesTokenCount).toBe(1);
    expect(u.totalTokenCount).toBe(u.promptTokenCount + u.candidatesTokenCount + u.thoughtsTokenCount);
  });

  it('returns functionCall parts with parsed args, a thought signature on the first, and STOP', async () => {
    mock.enqueue({ reasoning: 'Need tools.', toolCalls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }, { name: 'get_time', arguments: '{}' }] });
    const body = (await (await generate()).json()) as any;
    const [thought, first, second] = body.candidates[0].content.parts;
    expect(thought).toEqual({ text: 'Need tools.', thought: true });
    expect(first).toEqual({ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: expect.any(String) });
    expect(second).toEqual({ functionCall: { name: 'get_time', args: {} } });
    expect(body.candidates[0].finishReason).toBe('STOP');
  });

  it('maps finish reasons, cache reads, scripted usage and model', async () => {
    mock.enqueue({
      finishReason: 'length',
      model: 'gemini-2.5-flash-001',
      usage: { prompt_tokens: 500, completion_tokens: 40, cache_read_tokens: 256, completion_tokens_details: { reasoning_tokens: 10 } },
    });
    const body = (await (await generate()).json()) as any;
    expect(body.candidates[0].finishReason).toBe('MAX_TOKENS');
    expect(body.modelVersion).toBe('gemini-2.5-flash-001');
    expect(body.usageMetadata).toEqual({
      promptTokenCount: 500,
      candidatesTokenCount: 30,
      totalTokenCount: 540,
      cachedContentTokenCount: 256,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 500 }],
      thoughtsTokenCount: 10,
    });
  });

  it('omits usageMetadata when usage is false', async () => {
    mock.enqueue({ usage: false });
    expect(await (await generate()).json()).not.toHaveProperty('usageMetadata');
  });
});

describe('streamGenerateContent', () => {
  it('alt=sse: one data event per delta, CRLF separated, finish reason and full usage on the last', async () => {
    const { res, raw, chunks, events } = await streamSse();
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // Google separates events with CRLF CRLF; clients must not split on "\n\n" only.
    expect(raw.split('\r\n\r\n').filter(Boolean)).toHaveLength(5);
    expect(raw.startsWith('data: {"candidates":')).toBe(true);
    expect(events.every((e) => e.event === undefined)).toBe(true);
    expect(chunks).toHaveLength(5);
    expect(chunks.map((c) => c.candidates[0].content.parts[0].text).join('')).toBe(DEFAULT_TEXT);
    const responseId = chunks[0].responseId;
    for (const c of chunks.slice(0, -1)) {
      expect(c.candidates[0]).not.toHaveProperty('finishReason');
      expect(c.usageMetadata).toEqual({
        promptTokenCount: PROMPT_TOKENS,
        totalTokenCount: PROMPT_TOKENS,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: PROMPT_TOKENS }],
      });
    }
    const last = chunks.at(-1);
    expect(last.candidates[0]).toMatchObject({ finishReason: 'STOP', index: 0, content: { role: 'model' } });
    expect(last.usageMetadata).toMatchObject({ promptTokenCount: PROMPT_TOKENS, candidatesTokenCount: 5, totalTokenCount: PROMPT_TOKENS + 5 });
    expect(chunks.every((c) => c.responseId === responseId && c.modelVersion === 'gemini-2.5-flash')).toBe(true);
  });

  it('streams thoughts, then all function calls in one final chunk', async () => {
    mock.enqueue({ reasoning: 'Think first, then act.', toolCalls: [{ name: 'a', arguments: '{"x":1}' }, { name: 'b', arguments: '{"y":2}' }] });
    const { chunks } = await streamSse();
    const parts = chunks.map((c) => c.candidates[0].content.parts);
    const thoughts = parts.slice(0, -1);
    expect(thoughts.every((p) => p.length === 1 && p[0].thought === true)).toBe(true);
    expect(thoughts.map((p) => p[0].text).join('')).toBe('Think first, then act.');
    expect(parts.at(-1)).toEqual([
      { functionCall: { name: 'a', args: { x: 1 } }, thoughtSignature: expect.any(String) },
      { functionCall: { name: 'b', args: { y: 2 } } },
    ]);
    expect(chunks.at(-1).candidates[0].finishReason).toBe('STOP');
    expect(chunks.at(-1).usageMetadata.thoughtsTokenCount).toBe(thoughts.length);
  });

  it('without alt=sse streams one JSON array', async () => {
    mock.enqueue({ chunks: ['a', 'b', 'c'] });
    const res = await call('streamGenerateContent');
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const list = (await res.json()) as any[];
    expect(list.map((c) => c.candidates[0].content.parts[0].text)).toEqual(['a', 'b', 'c']);
    expect(list[2].candidates[0].finishReason).toBe('STOP');
  });

  it('has no keep-alive but honours chunkDelayMs', async () => {
    mock.enqueue({ keepAliveComments: true, chunkDelayMs: 15, chunks: ['a', 'b', 'c'] });
    const start = performance.now();
    const { comments, chunks } = await streamSse();
    expect(performance.now() - start).toBeGreaterThanOrEqual(28);
    expect(comments).toBe(0);
    expect(chunks).toHaveLength(3);
  });

  it('ends with an error chunk on streamError (SSE and array framing)', async () => {
    mock.enqueue({ streamError: { after: 2, status: 503 } }, { streamError: { after: 1, message: 'boom' } }, { streamError: { after: 0 } });
    const { chunks, error } = await streamSse();
    expect(error).toBeUndefined();
    expect(chunks).toHaveLength(3);
    expect(chunks[2]).toEqual({ error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } });
    const list = (await (await call('streamGenerateContent')).json()) as any[];
    expect(list).toHaveLength(2);
    expect(list[1]).toEqual({ error: { code: 500, message: 'boom', status: 'INTERNAL' } });
    expect(await (await call('streamGenerateContent')).json()).toEqual([{ error: expect.objectContaining({ code: 500 }) }]);
  });

  it('midstream: chunks, then a broken connection', async () => {
    mock.enqueue({ fault: 'midstream', failAfterChunks: 2 });
    const res = await call('streamGenerateContent?alt=sse');
    const { events, error } = await readSse(res);
    expect(error).toBeDefined();
    expect(events).toHaveLength(2);
    await mock.waitFor(() => mock.stats().faulted === 1);
  });
});

describe('errors', () => {
  it('answers scripted statuses as {error:{code,message,status}} with RetryInfo on 429', async () => {
    mock.enqueue({ status: 429 }, { status: 500 }, { status: 400, errorMessage: 'bad field' }, { status: 404 });
    const out = [];
    for (let i = 0; i < 4; i++) {
      const res = await generate();
      out.push({ status: res.status, body: (await res.json()) as any });
    }
    expect(out.map((o) => [o.status, o.body.error.code, o.body.error.status])).toEqual([
      [429, 429, 'RESOURCE_EXHAUSTED'],
      [500, 500, 'INTERNAL'],
      [400, 400, 'INVALID_ARGUMENT'],
      [404, 404, 'NOT_FOUND'],
    ]);
    expect(out[0]!.body.error.details).toEqual([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1s' }]);
    expect(out[2]!.body.error.message).toBe('bad field');
  });

  it('rejects a request without contents, and bad JSON, without consuming a script', async () => {
    mock.enqueue({ text: 'kept' });
    const empty = await generate({ contents: [] });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).error.status).toBe('INVALID_ARGUMENT');
    expect((await generate('{')).status).toBe(400);
    const ok = (await (await generate()).json()) as any;
    expect(ok.candidates[0].content.parts[0].text).toBe('kept');
  });
});

describe('API keys', () => {
  beforeEach(async () => {
    await mock.close();
    mock = await startMockUpstream({ apiKeys: ['AIza-good'], geminiModels: ['gemini-2.0-flash'] });
  });

  it('accepts the key from x-goog-api-key or ?key=', async () => {
    expect((await generate(REQUEST, { 'x-goog-api-key': 'AIza-good' })).status).toBe(200);
    expect((await call('generateContent?key=AIza-good')).status).toBe(200);
    expect(mock.requests[1]!.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent?key=AIza-good');
  });

  it('answers a wrong key with 400 INVALID_ARGUMENT / API_KEY_INVALID, a missing one with 403', async () => {
    const bad = await generate(REQUEST, { 'x-goog-api-key': 'AIza-bad' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as any;
    expect(body.error).toMatchObject({ code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' });
    expect(body.error.details[0]).toMatchObject({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' });
    const missing = await generate();
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as any).error.status).toBe('PERMISSION_DENIED');
  });

  it('lists models in the Gemini shape, behind the same key check', async () => {
    expect((await fetch(`${mock.origin}/v1beta/models`)).status).toBe(403);
    const body = (await (await fetch(`${mock.origin}/v1beta/models?key=AIza-good`)).json()) as any;
    expect(body.models).toHaveLength(1);
    expect(body.models[0]).toMatchObject({
      name: 'models/gemini-2.0-flash',
      displayName: 'Gemini 2.0 Flash',
      supportedGenerationMethods: expect.arrayContaining(['generateContent']),
    });
  });
});

describe('non-stream faults', () => {
  it('midstream truncates the JSON body', async () => {
    mock.enqueue({ fault: 'midstream' });
    const { text, error } = await readText(await generate());
    expect(error).toBeDefined();
    expect(text.startsWith('{"candidates":')).toBe(true);
  });
});
