import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHSCOPE_MULTIMODAL_PATH, DASHSCOPE_TEXT_PATH, startDashscopeMock } from './dashscope-mock.js';
import type { NativeMock } from './server.js';

// The mock on its own, driven by hand-written requests: it must behave like DashScope
// whatever client talks to it.
let mock: NativeMock;
beforeAll(async () => {
  mock = await startDashscopeMock({ apiKeys: ['sk-1'], text: 'abcdef' });
});
afterAll(() => mock.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(mock.url + path, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-1', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const chat = { model: 'qwen-plus', input: { messages: [{ role: 'user', content: 'hi' }] } };
const dataOf = (sse: string) => sse.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)) as Record<string, unknown>);

describe('DashScope mock', () => {
  it('answers in text format unless result_format is message', async () => {
    expect(await (await post(DASHSCOPE_TEXT_PATH, chat)).json()).toMatchObject({ output: { text: 'abcdef', finish_reason: 'stop' } });
    const message = await (await post(DASHSCOPE_TEXT_PATH, { ...chat, parameters: { result_format: 'message' } })).json();
    expect(message).toMatchObject({ output: { choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: 'abcdef' } }] } });
  });

  it('repeats the whole text in every event without incremental_output', async () => {
    const params = { result_format: 'message' };
    const whole = dataOf(await (await post(DASHSCOPE_TEXT_PATH, { ...chat, parameters: params }, { 'x-dashscope-sse': 'enable' })).text());
    const texts = whole.map((d) => (d as { output: { choices: Array<{ message: { content: string } }> } }).output.choices[0]!.message.content);
    expect(texts).toEqual(['ab', 'abcd', 'abcdef', 'abcdef']);
    const inc = dataOf(await (await post(DASHSCOPE_TEXT_PATH, { ...chat, parameters: { ...params, incremental_output: true } }, { 'x-dashscope-sse': 'enable' })).text());
    expect(inc.map((d) => (d as { output: { choices: Array<{ message: { content: string }; finish_reason: string }> } }).output.choices[0]!)).toEqual([
      { finish_reason: 'null', message: { role: 'assistant', content: 'ab' } },
      { finish_reason: 'null', message: { role: 'assistant', content: 'cd' } },
      { finish_reason: 'null', message: { role: 'assistant', content: 'ef' } },
      { finish_reason: 'stop', message: { role: 'assistant', content: '' } },
    ]);
  });

  it('frames events as id / event:result / HTTP_STATUS comment / data', async () => {
    const text = await (await post(DASHSCOPE_TEXT_PATH, chat, { 'x-dashscope-sse': 'enable' })).text();
    expect(text.startsWith('id:1\nevent:result\n:HTTP_STATUS/200\ndata:{')).toBe(true);
  });

  it('wants list content on the multimodal endpoint', async () => {
    const res = await post(DASHSCOPE_MULTIMODAL_PATH, { ...chat, model: 'qwen-vl-max' });
    expect(res.status).toBe(400);
    const ok = await post(DASHSCOPE_MULTIMODAL_PATH, { model: 'qwen-vl-max', input: { messages: [{ role: 'user', content: [{ text: 'hi' }] }] }, parameters: { result_format: 'message' } });
    expect(await ok.json()).toMatchObject({ output: { choices: [{ message: { content: [{ text: 'abcdef' }] } }] } });
  });

  it('refuses a wrong key with InvalidApiKey', async () => {
    const res = await post(DASHSCOPE_TEXT_PATH, chat, { authorization: 'Bearer nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'InvalidApiKey', message: 'Invalid API-key provided.' });
  });
});
