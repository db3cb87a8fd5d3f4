// Azure OpenAI: deployment URLs with api-version, the v1 URL, api-key auth, the
// content-filter annotations clients must tolerate, and Azure's own error bodies.
import { AzureOpenAI } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockUpstream } from './mock-upstream.js';
import { DEFAULT_TEXT } from './plan.js';
import { json, readSse } from './test-wire.js';
import type { MockUpstream } from './types.js';

let mock: MockUpstream;
beforeEach(async () => {
  mock = await startMockUpstream({ apiKeys: ['azure-key'] });
});
afterEach(async () => {
  await mock.close();
});

const MESSAGES = [{ role: 'user', content: 'Hi' }];
const KEY = { 'content-type': 'application/json', 'api-key': 'azure-key' };

const deployment = (body: Record<string, unknown>, query = '?api-version=2024-10-21', headers: Record<string, string> = KEY) =>
  fetch(`${mock.origin}/openai/deployments/my-gpt4o/chat/completions${query}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('deployments URL', () => {
  it('answers in OpenAI format with the deployment as model and content-filter results', async () => {
    const res = await deployment({ messages: MESSAGES });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ object: 'chat.completion', model: 'my-gpt4o', choices: [{ message: { role: 'assistant', content: DEFAULT_TEXT } }] });
    expect(body.choices[0].content_filter_results.hate).toEqual({ filtered: false, severity: 'safe' });
    expect(body.prompt_filter_results[0]).toMatchObject({ prompt_index: 0, content_filter_results: { jailbreak: { filtered: false, detected: false } } });
    expect(mock.requests[0]!.path).toBe('/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21');
    expect(mock.requests[0]!.headers['api-key']).toBe('azure-key');
  });

  it('starts a stream with the empty-choices prompt filter chunk', async () => {
    const { events } = await readSse(await deployment({ messages: MESSAGES, stream: true }));
    expect(events.at(-1)!.data).toBe('[DONE]');
    const [filter, role, ...rest] = events.slice(0, -1).map(json);
    expect(filter).toEqual({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: expect.any(Array) });
    expect(role.choices[0].delta.role).toBe('assistant');
    expect(role.model).toBe('my-gpt4o');
    expect(rest.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('needs api-version (404 Resource not found) and a listed api-key (401)', async () => {
    mock.enqueue({ text: 'kept' });
    const noVersion = await deployment({ messages: MESSAGES }, '');
    expect(noVersion.status).toBe(404);
    expect(await noVersion.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
    const noKey = await deployment({ messages: MESSAGES }, undefined, { 'content-type': 'application/json' });
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as any).error).toEqual({ code: '401', message: expect.stringContaining('missing subscription key') });
    const badKey = await deployment({ messages: MESSAGES }, undefined, { 'api-key': 'nope' });
    expect(((await badKey.json()) as any).error.message).toMatch(/^Access denied due to invalid subscription key/);
    const ok = (await (await deployment({ messages: MESSAGES })).json()) as any;
    expect(ok.choices[0].message.content).toBe('kept');
  });

  it('uses Azure error bodies for its own failures and OpenAI ones for request errors', async () => {
    mock.enqueue({ status: 429 }, { status: 400, errorMessage: 'bad messages' });
    const limited = await deployment({ messages: MESSAGES });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('retry-after-ms')).toBe('1000');
    expect(((await limited.json()) as any).error).toEqual({ code: '429', message: expect.stringContaining('rate limit') });
    const bad = (await (await deployment({ messages: MESSAGES })).json()) as any;
    expect(bad.error).toEqual({ message: 'bad messages', type: 'invalid_request_error', param: null, code: null });
  });
});

describe('v1 URL', () => {
  it('takes the deployment from `model` and needs no api-version', async () => {
    const res = await fetch(`${mock.origin}/openai/v1/chat/completions`, {
      method: 'POST',
      headers: KEY,
      body: JSON.stringify({ model: 'my-deployment', messages: MESSAGES }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).model).toBe('my-deployment');
    const models = (await (await fetch(`${mock.origin}/openai/v1/models`, { headers: KEY })).json()) as any;
    expect(models.object).toBe('list');
  });
});

describe('with the openai SDK', () => {
  const client = () => new AzureOpenAI({ endpoint: mock.origin, apiKey: 'azure-key', apiVersion: '2024-10-21', maxRetries: 0 });

  it('completes and streams through AzureOpenAI', async () => {
    mock.enqueue({ text: 'from azure' }, { chunks: ['a', 'b'] });
    const done = await client().chat.completions.create({ model: 'dep-1', messages: [{ role: 'user', content: 'Hi' }] });
    expect(done.choices[0]!.message.content).toBe('from azure');
    expect(mock.requests[0]!.path).toBe('/openai/deployments/dep-1/chat/completions?api-version=2024-10-21');

    const stream = await client().chat.completions.create({ model: 'dep-1', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    let text = '';
    let empty = 0;
    for await (const chunk of stream) {
      if (chunk.choices.length === 0) empty++;
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('ab');
    expect(empty).toBe(1);
  });

  it('surfaces the 401 as an AuthenticationError', async () => {
    const bad = new AzureOpenAI({ endpoint: mock.origin, apiKey: 'wrong', apiVersion: '2024-10-21', maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: 'dep-1', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toMatchObject({ status: 401 });
  });
});
