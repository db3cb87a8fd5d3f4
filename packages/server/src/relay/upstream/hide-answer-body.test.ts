import { describe, expect, it } from 'vitest';
import { hideAnswerBody } from './hide-answer-body.js';

describe('hideAnswerBody', () => {
  const ctx = { channelId: 4, baseUrl: 'https://relay.vendor.example/v1', keys: ['sk-answer-key-987654'] };

  it('returns an answer with nothing to hide unchanged, byte for byte', () => {
    const text = '{ "object": "list", "data": [ { "embedding": [0.5, 1e-9] } ], "usage": { "prompt_tokens": 3 } }';
    expect(hideAnswerBody(text, ctx)).toBe(text);
  });

  it('masks every address in message-like fields, at any depth', () => {
    const text = JSON.stringify({
      data: [],
      error: { message: 'quota at https://billing.other.example/u/1', code: 'x', details: ['node 10.0.0.9:7000'] },
      meta: { warnings: ['mirror api.deepseek.com slow'], upstream_message: 'via proxy.corp:3128' },
    });
    expect(JSON.parse(hideAnswerBody(text, ctx))).toEqual({
      data: [],
      error: { message: 'quota at [upstream]', code: 'x', details: ['node [upstream]'] },
      meta: { warnings: ['mirror [upstream] slow'], upstream_message: 'via [upstream]' },
    });
  });

  it('keeps content and links, hiding only the channel itself there', () => {
    const text = JSON.stringify({
      data: [
        { url: 'https://relay.vendor.example/files/a.png?key=sk-answer-key-987654', revised_prompt: 'the docs at example.com, v2.5' },
        { url: 'https://cdn.elsewhere.example/b.png', revised_prompt: 'drawn by relay.vendor.example' },
      ],
    });
    expect(JSON.parse(hideAnswerBody(text, ctx))).toEqual({
      data: [
        { url: 'https://relay.vendor.example/files/a.png?key=sk-a********', revised_prompt: 'the docs at example.com, v2.5' },
        { url: 'https://cdn.elsewhere.example/b.png', revised_prompt: 'drawn by channel' },
      ],
    });
  });

  it('hides the channel in a body that claims to be JSON and is not', () => {
    expect(hideAnswerBody('oops from https://relay.vendor.example/v1/x with sk-answer-key-987654', ctx)).toBe('oops from channel://4/x with sk-a********');
  });
});

describe('hideAnswerBody key detection', () => {
  const ctx = { channelId: 4, baseUrl: 'https://relay.vendor.example/v1', keys: ['sk-answer-key-987654'] };

  it('finds a message-like key after strings with escaped quotes, and not inside a value', () => {
    const after = JSON.stringify({ text: 'she said "error": at api.deepseek.com \\"', detail: 'see api.deepseek.com' });
    expect(JSON.parse(hideAnswerBody(after, ctx))).toEqual({ text: 'she said "error": at api.deepseek.com \\"', detail: 'see [upstream]' });
    const inside = JSON.stringify({ text: 'a "message": from api.deepseek.com' });
    expect(hideAnswerBody(inside, ctx)).toBe(inside);
  });
});
