import { openaiChatCodec, type ProtocolCodec } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestKey } from './cache-key.js';

const chat = (body: Record<string, unknown>, extra: { codec?: ProtocolCodec; model?: string; passHeaders?: Record<string, string> } = {}) =>
  requestKey({ codec: extra.codec ?? openaiChatCodec, model: extra.model ?? 'm', body: { model: 'm', ...body }, passHeaders: extra.passHeaders ?? {} });
const gemini = { ...openaiChatCodec, protocol: 'gemini' } as ProtocolCodec;
const messages = [{ role: 'user', content: 'hi' }];

describe('requestKey', () => {
  it('does not depend on the order of keys, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(chat({ messages, temperature: 0.5 })).toBe(chat({ temperature: 0.5, messages: [{ content: 'hi', role: 'user' }] }));
  });

  it('ignores what does not change the answer: streaming, the end user, metadata', () => {
    const plain = chat({ messages });
    expect(chat({ messages, stream: true, stream_options: { include_usage: true } })).toBe(plain);
    expect(chat({ messages, user: 'alice', metadata: { a: '1' }, store: true, service_tier: 'flex' })).toBe(plain);
  });

  it('changes with everything that changes the answer', () => {
    const plain = chat({ messages });
    const variants = [
      chat({ messages: [{ role: 'user', content: 'hi!' }] }),
      chat({ messages, temperature: 0.7 }),
      chat({ messages, max_tokens: 10 }),
      chat({ messages, tools: [{ type: 'function', function: { name: 'f' } }] }),
      chat({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } }] }] }),
      chat({ messages }, { model: 'other' }),
      chat({ messages }, { codec: gemini }),
      chat({ messages }, { passHeaders: { 'anthropic-beta': 'x' } }),
    ];
    expect(new Set([plain, ...variants]).size).toBe(variants.length + 1);
  });

  it('keeps the order of arrays: message order is meaningful', () => {
    const two = [
      { role: 'user', content: 'a' },
      { role: 'user', content: 'b' },
    ];
    expect(chat({ messages: two })).not.toBe(chat({ messages: [...two].reverse() }));
  });
});
