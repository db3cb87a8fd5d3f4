import Anthropic from '@anthropic-ai/sdk';
import {
  DEFAULT_BEDROCK_TEXT,
  DEFAULT_COMPLETION_TEXT,
  SPEECH_AUDIO,
  startMockBedrock,
  startMockOpenAIEndpoints,
  type MockBedrock,
  type MockOpenAIEndpoints,
} from '@switchboard/testkit';
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * R-5 (the OpenAI endpoints beyond chat) and the AWS Bedrock channel: each through the real
 * server with the official SDKs, against mocks that speak the real wire formats (the Bedrock
 * mock verifies SigV4 on every request and answers streams in AWS's binary event stream).
 */
let server: TestServer;
let openai: OpenAI;
let key: string;
let endpoints: MockOpenAIEndpoints;
let bedrock: MockBedrock;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  key = await createKey(server, root);
  openai = server.openai(key);
  endpoints = await startMockOpenAIEndpoints({ apiKeys: ['sk-endpoints-key'] });
  bedrock = await startMockBedrock({ accessKeyId: 'AKIDBEDROCKTEST', secretAccessKey: 'bedrock-secret-access-key', region: 'us-east-1' });
  await createChannel(server, root, {
    name: 'endpoints',
    type: 'openai',
    base_url: endpoints.url,
    keys: 'sk-endpoints-key',
    models: ['text-embedding-3-small', 'gpt-3.5-turbo-instruct', 'omni-moderation-latest', 'dall-e-3', 'tts-1', 'whisper-1', 'rerank-v1'],
    mapping: 'rerank-v1>jina-reranker-v2',
  });
  await createChannel(server, root, {
    name: 'bedrock',
    type: 'bedrock',
    base_url: bedrock.url,
    keys: 'AKIDBEDROCKTEST|bedrock-secret-access-key|us-east-1',
    models: ['claude-on-bedrock'],
    mapping: 'claude-on-bedrock>anthropic.claude-3-5-sonnet-20241022-v2:0',
  });
});
afterEach(() => {
  endpoints.reset();
  bedrock.reset();
});
afterAll(async () => {
  await stopAll();
  await endpoints.close();
  await bedrock.close();
});

describe('OpenAI endpoints beyond chat', () => {
  it('relays embeddings and records their prompt tokens', async () => {
    const before = (await usageRows(server, 0)).length;
    const res = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['hello world', 'second input'] });
    expect(res.data).toHaveLength(2);
    expect(res.data[0]!.embedding.length).toBeGreaterThan(0);
    expect(endpoints.requests.at(-1)!.headers.authorization).toBe('Bearer sk-endpoints-key');
    const row = (await usageRows(server, before + 1)).at(-1)!;
    expect(row).toMatchObject({ endpoint: 'embeddings', status: 'success', usage_source: 'upstream' });
    expect(Number(row.prompt_tokens)).toBeGreaterThan(0);
  });

  it('relays legacy completions, stream and non-stream', async () => {
    const res = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' });
    expect(res.choices[0]!.text).toBe(DEFAULT_COMPLETION_TEXT);
    let text = '';
    for await (const chunk of await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', stream: true })) {
      text += chunk.choices[0]?.text ?? '';
    }
    expect(text).toBe(DEFAULT_COMPLETION_TEXT);
    // Usage is asked for upstream and hidden from a caller that did not ask.
    expect(endpoints.requests.at(-1)!.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  it('relays moderations, image generation and speech', async () => {
    const mod = await openai.moderations.create({ input: 'a calm sentence' });
    expect(mod.results[0]!.flagged).toBe(false);
    expect(endpoints.requests.at(-1)!.body).toMatchObject({ model: 'omni-moderation-latest' });

    const img = await openai.images.generate({ model: 'dall-e-3', prompt: 'a lighthouse' });
    expect(img.data?.[0]?.url).toMatch(/^https:\/\//);

    const speech = await openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hello there' });
    expect(speech.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await speech.arrayBuffer()).equals(Buffer.from(SPEECH_AUDIO))).toBe(true);
  });

  it('relays a multipart transcription with the model mapped', async () => {
    const file = await toFile(Buffer.from('RIFF fake wav bytes'), 'hello.wav', { type: 'audio/wav' });
    const res = await openai.audio.transcriptions.create({ model: 'whisper-1', file });
    expect(res.text).toContain('hello.wav');
    expect(endpoints.requests.at(-1)!.body).toMatchObject({ model: 'whisper-1', file: { name: 'hello.wav' } });
  });

  it('relays rerank with the mapped model', async () => {
    const res = await fetch(`${server.url}/v1/rerank`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'rerank-v1', query: 'capital of France', documents: ['Paris is the capital of France', 'Bananas are yellow'] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ index: number; relevance_score: number }> };
    expect(body.results[0]!.index).toBe(0);
    expect(endpoints.requests.at(-1)!.body).toMatchObject({ model: 'jina-reranker-v2' });
  });

  it('rejects bad input with a clear 400 and no upstream call', async () => {
    const bad = await fetch(`${server.url}/v1/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('input');
    expect(endpoints.requests).toHaveLength(0);
  });

  it('fails over and hides the upstream on errors', async () => {
    endpoints.enqueue({ status: 500, errorMessage: `down at ${endpoints.url}` });
    const err = (await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' }).catch((e: unknown) => e)) as { status: number; message: string };
    expect(err.status).toBe(502);
    expect(err.message).not.toContain('127.0.0.1');
  });
});

describe('AWS Bedrock channel', () => {
  it('serves Claude on Bedrock to OpenAI and Anthropic callers, stream and not, with SigV4', async () => {
    const res = await openai.chat.completions.create({ model: 'claude-on-bedrock', messages: [{ role: 'user', content: 'hi' }] });
    expect(res.choices[0]!.message.content).toBe(DEFAULT_BEDROCK_TEXT);

    const anthropic = new Anthropic({ apiKey: key, baseURL: server.url, maxRetries: 0 });
    const streamed = await anthropic.messages.stream({ model: 'claude-on-bedrock', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }).finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: 'text', text: DEFAULT_BEDROCK_TEXT });

    const paths = bedrock.requests.map((r) => r.path);
    expect(paths).toEqual([
      '/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke',
      '/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke-with-response-stream',
    ]);
    expect(bedrock.requests[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDBEDROCKTEST\/\d{8}\/us-east-1\/bedrock\/aws4_request/);
  });

  it('turns a Bedrock throttling answer into a 429 for the caller', async () => {
    bedrock.enqueue({ status: 429 });
    const err = (await openai.chat.completions.create({ model: 'claude-on-bedrock', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)) as {
      status: number;
    };
    expect(err.status).toBe(429);
  });
});
