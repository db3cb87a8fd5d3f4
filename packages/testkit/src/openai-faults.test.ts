// Fault injection and timing: what the gateway's retry/abort logic is tested against.
import { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMockOpenAI } from './openai-mock.js';
import { parseSSEData } from './sse.js';
import type { MockOpenAI } from './types.js';

let mock: MockOpenAI;
beforeEach(async () => {
  mock = await startMockOpenAI();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await mock.close();
});

const chat = (stream: boolean, signal?: AbortSignal) =>
  fetch(`${mock.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', stream, messages: [{ role: 'user', content: 'hi' }] }),
    ...(signal ? { signal } : {}),
  });

/**
 * Counts response writes made by the in-process mock, to prove that nothing is
 * written once the client has gone (i.e. the mock cleared its timers).
 */
function spyWrites() {
  const write = vi.spyOn(ServerResponse.prototype, 'write');
  const writeHead = vi.spyOn(ServerResponse.prototype, 'writeHead');
  return () => write.mock.calls.length + writeHead.mock.calls.length;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads a body until it ends or fails, keeping whatever arrived before the failure. */
async function readAll(res: Response): Promise<{ text: string; error: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

describe('faults', () => {
  it('reset destroys the connection without a response', async () => {
    mock.enqueue({ fault: 'reset' });
    await expect(chat(false)).rejects.toThrow();
    await mock.waitFor(() => mock.stats().faulted === 1);
    expect(mock.stats()).toMatchObject({ aborted: 0, completed: 0, active: 0 });
  });

  it('midstream sends headers and failAfterChunks events, then breaks the stream', async () => {
    mock.enqueue({ fault: 'midstream', failAfterChunks: 3 });
    const res = await chat(true);
    expect(res.status).toBe(200);
    const { text, error } = await readAll(res);
    expect(error).toBeDefined();
    const data = parseSSEData(text);
    expect(data).toHaveLength(3);
    expect(data).not.toContain('[DONE]');
    expect(mock.stats()).toMatchObject({ faulted: 1, aborted: 0 });
  });

  it('midstream defaults to 2 events, and truncates a non-stream body', async () => {
    mock.enqueue({ fault: 'midstream' }, { fault: 'midstream' });
    const { text, error } = await readAll(await chat(true));
    expect(error).toBeDefined();
    expect(parseSSEData(text)).toHaveLength(2);
    const res = await chat(false);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it('hang (stream) sends headers and counts the client abort', async () => {
    mock.enqueue({ fault: 'hang' });
    const ac = new AbortController();
    const res = await chat(true, ac.signal);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(mock.stats()).toMatchObject({ active: 1, aborted: 0 });
    ac.abort();
    await mock.waitFor(() => mock.stats().aborted === 1);
    expect(mock.stats()).toMatchObject({ active: 0, completed: 0 });
  });

  it('hang (non-stream) sends nothing and counts the client abort', async () => {
    mock.enqueue({ fault: 'hang' });
    const ac = new AbortController();
    const pending = chat(false, ac.signal);
    await mock.waitFor(() => mock.stats().active === 1);
    ac.abort();
    await expect(pending).rejects.toThrow();
    await mock.waitFor(() => mock.stats().aborted === 1);
  });

  it('stops a slow stream when the client disconnects mid-way', async () => {
    mock.enqueue({ chunkDelayMs: 30 });
    const writes = spyWrites();
    const ac = new AbortController();
    const res = await chat(true, ac.signal);
    await res.body!.getReader().read();
    ac.abort();
    await mock.waitFor(() => mock.stats().aborted === 1);
    const before = writes();
    // 8 events 30 ms apart: a pump that kept running would write again within this wait.
    await sleep(300);
    expect(writes()).toBe(before);
    expect(mock.stats()).toEqual({ completed: 0, aborted: 1, active: 0, faulted: 0 });
  });

  it('close() ends hanging connections', async () => {
    mock.enqueue({ fault: 'hang' });
    const pending = chat(false);
    await mock.waitFor(() => mock.stats().active === 1);
    await mock.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('latency', () => {
  it.each([false, true])('delays the response headers by latencyMs (stream=%s)', async (stream) => {
    mock.enqueue({ latencyMs: 150 });
    const start = performance.now();
    const res = await chat(stream);
    // libuv timers use the loop's cached clock and may fire up to ~1 ms early.
    expect(performance.now() - start).toBeGreaterThanOrEqual(148);
    expect(res.status).toBe(200);
    await res.text();
  });

  it('applies latency before scripted errors', async () => {
    mock.enqueue({ latencyMs: 100, status: 500 });
    const start = performance.now();
    const res = await chat(false);
    expect(performance.now() - start).toBeGreaterThanOrEqual(98);
    expect(res.status).toBe(500);
  });

  it('counts an abort during the latency wait', async () => {
    mock.enqueue({ latencyMs: 200 });
    const writes = spyWrites();
    const ac = new AbortController();
    const pending = chat(false, ac.signal);
    await mock.waitFor(() => mock.stats().active === 1);
    ac.abort();
    await expect(pending).rejects.toThrow();
    await mock.waitFor(() => mock.stats().aborted === 1);
    // The latency timer was cleared: no response is attempted when it would have fired.
    await sleep(300);
    expect(writes()).toBe(0);
  });
});
