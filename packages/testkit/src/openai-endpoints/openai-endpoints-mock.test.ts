// The extra-endpoints mock driven by the official OpenAI SDK (plain fetch where the SDK
// has no method), so the wire shapes are checked against what a real client parses.
import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSSEData } from '../sse.js';
import { startMockOpenAIEndpoints } from './mock-openai-endpoints.js';
import { IMAGE_B64, IMAGE_URL } from './images.js';
import { SPEECH_AUDIO } from './speech.js';
import type { MockOpenAIEndpoints } from './types.js';

const KEY = 'sk-mock-endpoints-key';
let mock: MockOpenAIEndpoints;
let client: OpenAI;
beforeEach(async () => {
  mock = await startMockOpenAIEndpoints({ apiKeys: [KEY], completionText: 'Once upon a time there was a mock.' });
  client = new OpenAI({ apiKey: KEY, baseURL: mock.url, maxRetries: 0 });
});
afterEach(async () => {
  await mock.close();
});

const post = (path: string, body: unknown, key = KEY) =>
  fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });

describe('auth and scripted errors', () => {
  it('rejects a bad key with OpenAI error JSON and captures the request', async () => {
    const res = await post('/embeddings', { model: 'text-embedding-3-small', input: 'x' }, 'sk-wrong-key-123456');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: {
        message: 'Incorrect API key provided: sk-*****3456. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    expect(mock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'x' } });
    expect(mock.requests[0]!.headers['authorization']).toBe('Bearer sk-wrong-key-123456');
  });

  it('answers a queued status once, on any endpoint', async () => {
    mock.enqueue({ status: 429 });
    const err = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('rate_limit_exceeded');
    mock.enqueue({ status: 500, errorMessage: 'upstream broke' });
    const res = await post('/rerank', { model: 'jina-reranker-v2', query: 'q', documents: ['d'] });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('upstream broke');
    expect((await post('/rerank', { model: 'jina-reranker-v2', query: 'q', documents: ['d'] })).status).toBe(200);
  });

  it('answers an unknown path with 404', async () => {
    const res = await post('/nope', {});
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Invalid URL (POST /v1/nope)');
  });
});

describe('embeddings', () => {
  it('answers one vector per input with usage (float encoding)', async () => {
    const res = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['hello', 'hello world, again'], encoding_format: 'float' });
    expect(res.object).toBe('list');
    expect(res.model).toBe('text-embedding-3-small');
    expect(res.data.map((d) => [d.object, d.index, d.embedding.length])).toEqual([
      ['embedding', 0, 8],
      ['embedding', 1, 8],
    ]);
    expect(Math.hypot(...res.data[0]!.embedding)).toBeCloseTo(1, 5);
    // ceil(5 / 4) + ceil(18 / 4)
    expect(res.usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
  });

  it('serves the base64 encoding the SDK asks for by default, with the same numbers', async () => {
    const floats = await client.embeddings.create({ model: 'm', input: 'same text', encoding_format: 'float' });
    const decoded = await client.embeddings.create({ model: 'm', input: 'same text' });
    expect(mock.requests[1]!.body).toMatchObject({ encoding_format: 'base64' });
    expect(Array.from(decoded.data[0]!.embedding)).toEqual(floats.data[0]!.embedding);
  });
});

describe('legacy completions', () => {
  it('answers a text_completion', async () => {
    const res = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Tell me a story' });
    expect(res.id).toMatch(/^cmpl-/);
    expect(res.object).toBe('text_completion');
    expect(res.choices).toEqual([{ text: 'Once upon a time there was a mock.', index: 0, logprobs: null, finish_reason: 'stop' }]);
    // ceil(15 / 4) = 4 prompt, ceil(34 / 4) = 9 completion.
    expect(res.usage).toEqual({ prompt_tokens: 4, completion_tokens: 9, total_tokens: 13 });
  });

  it('streams chunks, a finish chunk and a usage chunk', async () => {
    const stream = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Tell me a story', stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    const text = chunks.flatMap((c) => c.choices.map((ch) => ch.text)).join('');
    expect(text).toBe('Once upon a time there was a mock.');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.at(-2)!.choices).toEqual([{ text: '', index: 0, logprobs: null, finish_reason: 'stop' }]);
    expect(chunks.at(-1)!.choices).toEqual([]);
    expect(chunks.at(-1)!.usage).toEqual({ prompt_tokens: 4, completion_tokens: 9, total_tokens: 13 });
  });

  it('ends the raw stream with [DONE] and sends no usage chunk unless asked', async () => {
    const res = await post('/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'x', stream: true });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const data = parseSSEData(await res.text());
    expect(data.at(-1)).toBe('[DONE]');
    const last = JSON.parse(data.at(-2)!) as { choices: Array<{ finish_reason: string }>; usage?: unknown };
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(last.usage).toBeUndefined();
  });
});

describe('moderations', () => {
  it('answers an unflagged result per input, flagging only the marker', async () => {
    const res = await client.moderations.create({ model: 'omni-moderation-latest', input: ['a kind sentence', 'please flag-me now'] });
    expect(res.id).toMatch(/^modr-/);
    expect(res.model).toBe('omni-moderation-latest');
    expect(res.results.map((r) => r.flagged)).toEqual([false, true]);
    expect(res.results[0]!.categories.violence).toBe(false);
    expect(res.results[1]!.categories.violence).toBe(true);
    expect(Object.keys(res.results[0]!.category_scores)).toContain('self-harm/intent');
  });
});

describe('images', () => {
  it('answers a URL with revised_prompt and no usage for DALL·E', async () => {
    const res = await client.images.generate({ model: 'dall-e-3', prompt: 'a lighthouse' });
    expect(res.data).toEqual([{ url: IMAGE_URL, revised_prompt: 'A mock rendering of: a lighthouse' }]);
    expect(res.usage).toBeUndefined();
    const b64 = await client.images.generate({ model: 'dall-e-2', prompt: 'a lighthouse', response_format: 'b64_json', n: 2 });
    expect(b64.data?.map((d) => d.b64_json)).toEqual([IMAGE_B64, IMAGE_B64]);
  });

  it('answers b64_json with token usage for gpt-image models', async () => {
    const res = await client.images.generate({ model: 'gpt-image-1', prompt: 'a lighthouse at dusk', quality: 'low' });
    expect(res.data).toEqual([{ b64_json: IMAGE_B64 }]);
    expect(res.usage).toEqual({ input_tokens: 5, output_tokens: 272, total_tokens: 277, input_tokens_details: { text_tokens: 5, image_tokens: 0 } });
  });
});

describe('audio', () => {
  it('streams speech bytes in several chunks', async () => {
    const res = await client.audio.speech.create({ model: 'gpt-4o-mini-tts', input: 'Hello', voice: 'alloy' });
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    const times: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      parts.push(r.value);
      times.push(Date.now());
    }
    expect(Buffer.concat(parts).equals(SPEECH_AUDIO)).toBe(true);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(20);
  });

  it('rejects speech without a voice', async () => {
    const res = await post('/audio/speech', { model: 'tts-1', input: 'Hello' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('voice');
  });

  it('transcribes a multipart upload and captures its fields', async () => {
    const audio = Buffer.alloc(1234, 7);
    const res = await client.audio.transcriptions.create({ file: await toFile(audio, 'clip.mp3', { type: 'audio/mpeg' }), model: 'whisper-1', language: 'en' });
    expect(res).toEqual({ text: 'transcribed: clip.mp3 (1234 bytes)' });
    expect(mock.requests[0]!.path).toBe('/v1/audio/transcriptions');
    expect(mock.requests[0]!.body).toEqual({ model: 'whisper-1', language: 'en', file: { name: 'clip.mp3', size: 1234, type: 'audio/mpeg' } });
  });

  it('answers plain text for response_format=text, and serves translations', async () => {
    const text = await client.audio.transcriptions.create({ file: await toFile(Buffer.from('abc'), 'a.wav'), model: 'whisper-1', response_format: 'text' });
    expect(text).toBe('transcribed: a.wav (3 bytes)');
    const tr = await client.audio.translations.create({ file: await toFile(Buffer.from('abcd'), 'b.m4a'), model: 'whisper-1' });
    expect(tr).toEqual({ text: 'transcribed: b.m4a (4 bytes)' });
    expect(mock.requests[1]!.path).toBe('/v1/audio/translations');
  });

  it('requires file and model', async () => {
    const form = new FormData();
    form.set('model', 'whisper-1');
    const res = await fetch(`${mock.url}/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { param: string } }).error.param).toBe('file');
    const noModel = new FormData();
    noModel.set('file', new Blob([Buffer.from('x')]), 'x.mp3');
    const res2 = await fetch(`${mock.url}/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: noModel });
    expect(((await res2.json()) as { error: { param: string } }).error.param).toBe('model');
  });
});

describe('rerank', () => {
  it('ranks documents by query overlap, honouring top_n', async () => {
    const res = await post('/rerank', {
      model: 'jina-reranker-v2-base-multilingual',
      query: 'red apple pie',
      documents: ['blue sky', { text: 'apple pie recipe with red apples' }, 'apple tree'],
      top_n: 2,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { model: string; results: Array<{ index: number; relevance_score: number; document?: { text: string } }>; usage: { total_tokens: number } };
    expect(body.model).toBe('jina-reranker-v2-base-multilingual');
    expect(body.results.map((r) => r.index)).toEqual([1, 2]);
    expect(body.results[0]!.document).toEqual({ text: 'apple pie recipe with red apples' });
    expect(body.results[0]!.relevance_score).toBeGreaterThan(body.results[1]!.relevance_score);
    expect(body.usage.total_tokens).toBeGreaterThan(0);

    const bare = (await (await post('/rerank', { model: 'rerank-v3.5', query: 'q', documents: ['a'], return_documents: false })).json()) as { results: object[] };
    expect(bare.results).toEqual([{ index: 0, relevance_score: expect.any(Number) }]);
  });
});
