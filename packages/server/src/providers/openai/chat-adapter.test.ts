import { describe, expect, it } from 'vitest';
import { buildChatRequest, chunkText, completionText, completionUsage, interpretChunk, mayBeError } from './chat-adapter.js';
import { classifyHttpError } from '../upstream-error.js';

describe('OpenAI chat adapter', () => {
  it('maps the model, forces stream usage and keeps unknown fields', () => {
    const req = buildChatRequest({
      basePath: '/v1',
      key: 'sk-up',
      body: { model: 'alias', messages: [], stream: true, reasoning_effort: 'high', stream_options: { foo: 1 } },
      upstreamModel: 'real-model',
      stream: true,
      extraHeaders: { 'x-extra': '1' },
    });
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-up');
    expect(req.headers['x-extra']).toBe('1');
    expect(JSON.parse(String(req.body))).toEqual({
      model: 'real-model',
      messages: [],
      stream: true,
      reasoning_effort: 'high',
      stream_options: { foo: 1, include_usage: true },
    });
  });

  it('interprets content, tool-call, finish, usage-only and error chunks', () => {
    const data = '{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}';
    expect(interpretChunk(data)).toMatchObject({ kind: 'chunk', hasOutput: true, usageOnly: false, finished: false, usage: undefined });
    expect(chunkText(data)).toBe('Hi');
    const role = interpretChunk('{"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}');
    expect(role).toMatchObject({ kind: 'chunk', hasOutput: false });
    const tool = '{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"a\\""}}]}}]}';
    expect(interpretChunk(tool)).toMatchObject({ kind: 'chunk', hasOutput: true });
    expect(chunkText(tool)).toBe('{"a"');
    // Message text that looks like the keys that matter must not change the meaning.
    const tricky = '{"choices":[{"delta":{"content":"say \\"error\\": and \\"usage\\":{ and \\"finish_reason\\":\\"stop"}}]}';
    expect(interpretChunk(tricky)).toMatchObject({ kind: 'chunk', finished: false, usage: undefined, hasOutput: true });
    expect(chunkText(tricky)).toBe('say "error": and "usage":{ and "finish_reason":"stop');
    expect(interpretChunk('{"choices":[{"delta":{},"finish_reason":"stop"}]}')).toMatchObject({ finished: true });
    expect(interpretChunk('{"choices":[{"delta":{"content":"x"}}]')).toMatchObject({ kind: 'error' });
    expect(
      interpretChunk(
        '{"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"prompt_tokens_details":{"cached_tokens":2},"completion_tokens_details":{"reasoning_tokens":3}}}',
      ),
    ).toEqual({
      kind: 'chunk',
      text: '',
      hasOutput: false,
      finished: false,
      usageOnly: true,
      usage: { promptTokens: 5, completionTokens: 7, cachedTokens: 2, cacheWriteTokens: 0, reasoningTokens: 3 },
    });
    expect(interpretChunk('{"error":{"message":"overloaded"}}')).toEqual({ kind: 'error', message: 'overloaded' });
    expect(interpretChunk('[DONE]')).toEqual({ kind: 'done' });
    expect(interpretChunk('{not json')).toMatchObject({ kind: 'error' });
  });

  it('classifies upstream errors into retryable and caller faults', () => {
    expect(classifyHttpError(401, '{"error":{"message":"bad key"}}')).toMatchObject({ kind: 'auth', retryable: true, message: 'bad key' });
    expect(classifyHttpError(429, '{"error":{"code":"insufficient_quota","message":"x"}}').kind).toBe('quota');
    expect(classifyHttpError(429, '{"error":{"message":"slow down"}}').kind).toBe('rate_limit');
    expect(classifyHttpError(503, 'Service Unavailable')).toMatchObject({ kind: 'server', retryable: true, message: 'Service Unavailable' });
    expect(classifyHttpError(400, '{"error":{"message":"context too long"}}')).toMatchObject({ kind: 'bad_request', retryable: false });
  });

  it('reads the usage of a non-stream answer without parsing the rest, and its text when needed', () => {
    const answer = JSON.stringify({
      id: 'chatcmpl-1',
      choices: [{ index: 0, message: { role: 'assistant', content: 'the "usage": {"prompt_tokens": 999} is quoted' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 } },
    });
    expect(completionUsage(answer)).toEqual({ promptTokens: 12, completionTokens: 7, cachedTokens: 4, cacheWriteTokens: 0, reasoningTokens: 2 });
    expect(completionUsage(JSON.stringify({ choices: [{ message: { content: 'no usage here' } }] }))).toBeUndefined();
    expect(completionUsage('{"choices":[],"usage":null}')).toBeUndefined();
    expect(completionText(answer)).toBe('the "usage": {"prompt_tokens": 999} is quoted');
    expect(mayBeError(answer)).toBe(false);
    expect(mayBeError('{"error":{"message":"x"}}')).toBe(true);
  });
});
