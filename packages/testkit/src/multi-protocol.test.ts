// One mock, every protocol: the queue, capture, stats, latency and faults behave the
// same whichever native path a request arrives on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockOpenAI, startMockUpstream } from './mock-upstream.js';
import { displayName } from './model-lists.js';
import { json, readSse } from './test-wire.js';
import type { MockUpstream } from './types.js';

let mock: MockUpstream;
beforeEach(async () => {
  mock = await startMockUpstream();
});
afterEach(async () => {
  await mock.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${mock.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

const openai = (extra: object = {}) => post('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], ...extra });
const anthropic = (extra: object = {}, signal?: AbortSignal) =>
  post('/v1/messages', { model: 'claude-x', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }], ...extra }, { 'anthropic-version': '2023-06-01' }, signal);
const gemini = (action = 'generateContent') => post(`/v1beta/models/gemini-2.5-flash:${action}`, { contents: [{ parts: [{ text: 'Hi' }] }] });

describe('shared control surface', () => {
  it('startMockOpenAI is the same multi-protocol mock', async () => {
    expect(startMockOpenAI).toBe(startMockUpstream);
  });

  it('consumes one FIFO queue across protocols, then defaults', async () => {
    mock.setDefaults({ text: 'default' });
    mock.enqueue({ text: 'first' }, { text: 'second' }, { text: 'third' });
    const a = ((await (await anthropic()).json()) as any).content[0].text;
    const g = ((await (await gemini()).json()) as any).candidates[0].content.parts[0].text;
    const o = ((await (await openai()).json()) as any).choices[0].message.content;
    const d = ((await (await anthropic()).json()) as any).content[0].text;
    expect([a, g, o, d]).toEqual(['first', 'second', 'third', 'default']);
  });

  it('captures path, headers and body of every protocol, and counts completions', async () => {
    await (await anthropic()).text();
    await (await gemini('streamGenerateContent?alt=sse')).text();
    await (await fetch(`${mock.origin}/v1beta/models`)).text();
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/messages',
      'POST /v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      'GET /v1beta/models',
    ]);
    expect(mock.requests[0]!.headers['anthropic-version']).toBe('2023-06-01');
    expect(mock.requests[1]!.body).toEqual({ contents: [{ parts: [{ text: 'Hi' }] }] });
    await mock.waitFor(() => mock.stats().completed === 3);
    mock.reset();
    expect(mock.requests).toHaveLength(0);
    expect(mock.stats()).toEqual({ completed: 0, aborted: 0, active: 0, faulted: 0 });
  });

  it('applies latency on every protocol, errors included', async () => {
    mock.enqueue({ latencyMs: 80 }, { latencyMs: 80, status: 503 });
    let start = performance.now();
    expect((await gemini()).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(78);
    start = performance.now();
    const res = await anthropic();
    expect(performance.now() - start).toBeGreaterThanOrEqual(78);
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).error.type).toBe('api_error');
  });

  it('counts resets as faulted and aborted slow streams as aborted', async () => {
    mock.enqueue({ fault: 'reset' }, { chunkDelayMs: 50 });
    await expect(gemini()).rejects.toThrow();
    await mock.waitFor(() => mock.stats().faulted === 1);
    const ac = new AbortController();
    const res = await anthropic({ stream: true }, ac.signal);
    await res.body!.getReader().read();
    ac.abort();
    await mock.waitFor(() => mock.stats().aborted === 1);
    expect(mock.stats()).toMatchObject({ faulted: 1, aborted: 1, active: 0 });
  });

  it('answers unknown paths in the shape of their API family', async () => {
    const google = await post('/v1beta/tunedModels/x:generateContent', {});
    expect(google.status).toBe(404);
    expect(((await google.json()) as any).error.status).toBe('NOT_FOUND');
    const azure = await post('/openai/deployments/x/embeddings?api-version=1', {});
    expect(await azure.json()).toEqual({ error: { code: '404', message: 'Resource not found' } });
    const other = await post('/v2/whatever', {});
    expect(((await other.json()) as any).error.message).toBe('Invalid URL (POST /v2/whatever)');
  });
});

describe('OpenAI in-stream error', () => {
  it('sends data: {"error":…} after `after` events, without [DONE]', async () => {
    mock.enqueue({ streamError: { after: 2, message: 'upstream died', status: 502 } });
    const { events, error } = await readSse(await openai({ stream: true }));
    expect(error).toBeUndefined();
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.data)).not.toContain('[DONE]');
    expect(json(events[2]!)).toEqual({ error: { message: 'upstream died', type: 'server_error', param: null, code: 'server_error' } });
  });

  it('never lets the natural end through, however large `after` is', async () => {
    mock.enqueue({ streamError: { after: 1000 } });
    const { events } = await readSse(await openai({ stream: true }));
    expect(events.at(-1)!.data).toMatch(/^\{"error"/);
    expect(events.map((e) => e.data)).not.toContain('[DONE]');
    expect(json(events.at(-2)!).choices[0].finish_reason).toBe('stop');
  });

  it('is ignored by non-stream requests', async () => {
    mock.enqueue({ streamError: { after: 0 } });
    expect((await openai()).status).toBe(200);
  });
});

describe('displayName', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5'],
    ['claude-3-5-haiku-20241022', 'Claude 3.5 Haiku'],
    ['gemini-2.5-flash', 'Gemini 2.5 Flash'],
    ['gemini-2.0-flash-lite', 'Gemini 2.0 Flash Lite'],
  ])('%s -> %s', (id, name) => {
    expect(displayName(id)).toBe(name);
  });
});
