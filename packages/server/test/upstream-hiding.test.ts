import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import type OpenAI from 'openai';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * Upstream hiding (C-7) masks every address an upstream names, not only the channel's own:
 * in errors (JSON and in-stream), in the stored usage row, and in the message-like fields of
 * pass-through answers, while links the caller needs and ordinary text stay as they were.
 * The operator's log keeps the upstream's own words.
 */
const FOREIGN = [
  'some-upstream.example',
  '10.2.3.4',
  'api.deepseek.com',
  'relay-b.internal',
  '2001:db8::7',
];
const leakyMessage =
  'Incorrect API key provided: sk-w****abcd. You can find your API key at https://some-upstream.example/v1/keys. ' +
  'Fallback connect to 10.2.3.4:8443 failed; api.deepseek.com and [2001:db8::7]:443 refused gpt-4.1 for messages.0.content';
const maskedMessage =
  'Incorrect API key provided: sk-w****abcd. You can find your API key at [upstream]. ' +
  'Fallback connect to [upstream] failed; [upstream] and [upstream] refused gpt-4.1 for messages.0.content';

let server: TestServer;
let mock: MockOpenAI;
let client: OpenAI;
let rootToken: string;
const logLines: string[] = [];

/** A pass-through upstream answering images and embeddings with scripted JSON. */
let passthrough: Server;
let passthroughUrl = '';
let nextAnswer = '';

beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) }) });
  rootToken = await server.rootToken();
  client = server.openai(await createKey(server, rootToken));
  mock = await startMockOpenAI();
  await createChannel(server, rootToken, { name: 'leaky', base_url: mock.url, keys: 'sk-leaky-channel-key-0001', models: ['leaky-model'] });
  passthrough = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(nextAnswer));
  });
  await new Promise<void>((resolve) => passthrough.listen(0, '127.0.0.1', resolve));
  passthroughUrl = `http://127.0.0.1:${(passthrough.address() as AddressInfo).port}/v1`;
  await createChannel(server, rootToken, {
    name: 'images',
    base_url: passthroughUrl,
    keys: 'sk-images-channel-key-0002',
    models: ['image-model', 'embedding-model'],
  });
});
afterAll(async () => {
  await stopAll();
  await mock.close();
  await new Promise((resolve) => passthrough.close(resolve));
});

describe('upstream errors', () => {
  it('mask every foreign URL, host and IP for the user, store the masked text, and log the original', async () => {
    mock.enqueue({ status: 400, errorMessage: leakyMessage });
    const before = (await usageRows(server, 0)).length;
    const err = (await client.chat.completions.create({ model: 'leaky-model', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)) as {
      status: number;
      message: string;
    };
    expect(err.status).toBe(400);
    expect(err.message).toContain(maskedMessage);
    for (const host of FOREIGN) expect(err.message).not.toContain(host);

    await usageRows(server, before + 1);
    // One stored text: the masked one, in the user's view and the admin's.
    const mine = await server.api<{ data: Array<{ error: string | null }> }>('GET', '/api/usage/logs?status=error', undefined, rootToken);
    const all = await server.api<{ data: Array<{ error: string | null }> }>('GET', '/api/admin/usage/logs?status=error', undefined, rootToken);
    for (const view of [mine, all]) {
      expect(view.status).toBe(200);
      expect(view.body.data[0]!.error).toContain(maskedMessage);
    }
    // The operator reads the upstream's own words in the log.
    expect(logLines.some((line) => line.includes('upstream attempt failed') && line.includes('https://some-upstream.example/v1/keys'))).toBe(true);
    expect(logLines.join('')).not.toContain('sk-leaky-channel-key-0001');
  });

  it('mask them in the error event of a stream that breaks after it started', async () => {
    mock.enqueue({ streamError: { after: 3, message: `overloaded: retry via https://backup.relay.example/v1 or 10.9.8.7:9000` } });
    const stream = await client.chat.completions.create({ model: 'leaky-model', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const err = await (async () => {
      for await (const _ of stream) {
        // reading until the error event
      }
    })().catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('overloaded: retry via [upstream] or [upstream]');
    expect((err as Error).message).not.toContain('relay.example');
  });
});

describe('pass-through answers', () => {
  it('mask addresses in message-like fields, keep the image link and the content, hide the channel key', async () => {
    nextAnswer = JSON.stringify({
      created: 1,
      data: [
        { url: `${passthroughUrl.replace('/v1', '')}/files/img-1.png?sig=abc`, revised_prompt: 'A lighthouse on example.com beach, 2.5 metres tall' },
        { url: 'https://cdn.images.example/img-2.png', revised_prompt: 'key sk-images-channel-key-0002 leaked' },
      ],
      warning: 'served by https://relay-b.internal:8443/v1 (10.2.3.4) for sk-images-channel-key-0002',
    });
    const res = await fetch(`${server.base}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await createKey(server, rootToken)}` },
      body: JSON.stringify({ model: 'image-model', prompt: 'a lighthouse' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ url: string; revised_prompt: string }>; warning: string };
    expect(body.data[0]!.url).toBe(`${passthroughUrl.replace('/v1', '')}/files/img-1.png?sig=abc`);
    expect(body.data[0]!.revised_prompt).toBe('A lighthouse on example.com beach, 2.5 metres tall');
    expect(body.data[1]!.url).toBe('https://cdn.images.example/img-2.png');
    expect(body.data[1]!.revised_prompt).toBe('key sk-i******** leaked');
    expect(body.warning).toBe('served by [upstream] ([upstream]) for sk-i********');
  });

  it('pass an answer with nothing to hide byte for byte', async () => {
    nextAnswer = '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.25,3e-7]}],"model":"embedding-model","usage":{"prompt_tokens":2,"total_tokens":2}}';
    const res = await fetch(`${server.base}/v1/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await createKey(server, rootToken)}` },
      body: JSON.stringify({ model: 'embedding-model', input: 'hello' }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(nextAnswer);
  });
});
