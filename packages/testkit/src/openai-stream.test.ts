// Wire format of streamed answers: event order, deltas, tool calls, usage chunk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockOpenAI } from './openai-mock.js';
import { DEFAULT_TEXT } from './plan.js';
import { parseSSEData } from './sse.js';
import type { MockOpenAI } from './types.js';

let mock: MockOpenAI;
beforeEach(async () => {
  mock = await startMockOpenAI();
});
afterEach(async () => {
  await mock.close();
});

interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  system_fingerprint: string;
  choices: { index: number; delta: Record<string, any>; logprobs: null; finish_reason: string | null }[];
  usage?: Record<string, any> | null;
}

async function stream(extra: Record<string, unknown> = {}): Promise<{ raw: string; data: string[]; chunks: Chunk[]; res: Response }> {
  const res = await fetch(`${mock.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'Hi' }], ...extra }),
  });
  const raw = await res.text();
  const data = parseSSEData(raw);
  return { raw, data, res, chunks: data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as Chunk) };
}

describe('streamed text', () => {
  it('sends role, 5 content deltas, finish, [DONE] without include_usage', async () => {
    const { res, raw, data, chunks } = await stream();
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(data).toHaveLength(8);
    expect(data.at(-1)).toBe('[DONE]');
    const [role, ...rest] = chunks;
    const finish = rest.pop()!;
    expect(role!.choices[0]!.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    expect(rest).toHaveLength(5);
    expect(rest.map((c) => Object.keys(c.choices[0]!.delta))).toEqual(Array(5).fill(['content']));
    expect(rest.map((c) => c.choices[0]!.delta.content).join('')).toBe(DEFAULT_TEXT);
    expect(finish.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
    for (const c of chunks) {
      expect(c).not.toHaveProperty('usage');
      expect(c).toMatchObject({ id: role!.id, created: role!.created, object: 'chat.completion.chunk', model: 'gpt-4o-mini', system_fingerprint: 'fp_mock' });
    }
    expect(rest.every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
  });

  it('adds usage:null to every chunk and a final usage chunk with include_usage', async () => {
    const { data, chunks } = await stream({ stream_options: { include_usage: true } });
    expect(data).toHaveLength(9);
    expect(data.at(-1)).toBe('[DONE]');
    const usageChunk = chunks.at(-1)!;
    const finish = chunks.at(-2)!;
    expect(finish.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(usageChunk.choices).toEqual([]);
    // 'Hi' -> ceil(2 / 4) + 3 = 4 prompt tokens; 5 content deltas.
    expect(usageChunk.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    expect(usageChunk.id).toBe(chunks[0]!.id);
  });

  it('never reports usage when the script says usage:false', async () => {
    mock.enqueue({ usage: false });
    const { chunks, data } = await stream({ stream_options: { include_usage: true } });
    expect(data).toHaveLength(8);
    for (const c of chunks) expect(c).not.toHaveProperty('usage');
  });

  it('streams explicit chunks and a custom finish reason', async () => {
    mock.enqueue({ chunks: ['a', 'b', 'c'], finishReason: 'length' });
    const { chunks } = await stream();
    expect(chunks.slice(1, -1).map((c) => c.choices[0]!.delta.content)).toEqual(['a', 'b', 'c']);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('length');
  });

  it('streams reasoning_content deltas before the content', async () => {
    mock.enqueue({ reasoning: 'The user greets me, so I greet back politely.', text: 'Hi!' });
    const { chunks } = await stream({ stream_options: { include_usage: true } });
    const deltas = chunks.slice(1, -2).map((c) => c.choices[0]!.delta);
    const firstContent = deltas.findIndex((d) => 'content' in d);
    expect(firstContent).toBeGreaterThan(1);
    const reasoning = deltas.slice(0, firstContent);
    expect(reasoning.every((d) => Object.keys(d).join() === 'reasoning_content')).toBe(true);
    expect(reasoning.map((d) => d.reasoning_content).join('')).toBe('The user greets me, so I greet back politely.');
    expect(deltas.slice(firstContent).map((d) => d.content).join('')).toBe('Hi!');
    expect(chunks.at(-1)!.usage!.completion_tokens_details.reasoning_tokens).toBe(reasoning.length);
    expect(chunks.at(-1)!.usage!.completion_tokens).toBe(deltas.length);
  });

  it('writes keep-alive comments between events without changing the data', async () => {
    mock.enqueue({ keepAliveComments: true });
    const { raw, data } = await stream();
    expect(raw.match(/^: keep-alive$/gm)).toHaveLength(data.length - 1);
    expect(raw.startsWith('data: ')).toBe(true);
    expect(data).toHaveLength(8);
  });

  it('paces events by chunkDelayMs, one write per event', async () => {
    mock.enqueue({ chunkDelayMs: 25 });
    const res = await fetch(`${mock.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', stream: true, messages: [] }),
    });
    const start = performance.now();
    const reader = res.body!.getReader();
    let reads = 0;
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      reads++;
    }
    // 8 events: the first goes out with the headers, 7 gaps follow.
    expect(performance.now() - start).toBeGreaterThanOrEqual(7 * 25 - 30);
    expect(reads).toBeGreaterThanOrEqual(6);
  });
});

describe('streamed tool calls', () => {
  it('streams headers then argument fragments that reassemble to the scripted calls', async () => {
    const calls = [
      { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}', id: 'call_abc' },
      { name: 'get_time', arguments: '{"tz":"Europe/Paris"}' },
    ];
    mock.enqueue({ toolCalls: calls });
    const { chunks } = await stream();
    const finish = chunks.at(-1)!;
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
    const deltas = chunks.slice(0, -1).map((c) => c.choices[0]!.delta);
    // OpenAI folds the first call's header into the role delta.
    expect(deltas[0]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ index: 0, id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '' } }],
      refusal: null,
    });

    const assembled: { id: string; name: string; arguments: string }[] = [];
    const fragments = [0, 0];
    for (const d of deltas) {
      expect(d.tool_calls).toHaveLength(1);
      const tc = d.tool_calls[0];
      if (tc.id !== undefined) {
        expect(tc).toEqual({ index: tc.index, id: tc.id, type: 'function', function: { name: tc.function.name, arguments: '' } });
        expect(tc.index).toBe(assembled.length);
        assembled.push({ id: tc.id, name: tc.function.name, arguments: '' });
      } else {
        expect(Object.keys(tc).sort()).toEqual(['function', 'index']);
        expect(Object.keys(tc.function)).toEqual(['arguments']);
        assembled[tc.index]!.arguments += tc.function.arguments;
        fragments[tc.index]!++;
      }
    }
    expect(assembled.map(({ name, arguments: a }) => ({ name, arguments: a }))).toEqual(
      calls.map(({ name, arguments: a }) => ({ name, arguments: a })),
    );
    expect(assembled[0]!.id).toBe('call_abc');
    expect(assembled[1]!.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(fragments.every((n) => n > 1)).toBe(true);
  });
});
