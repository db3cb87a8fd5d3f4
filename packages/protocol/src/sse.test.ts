import { describe, expect, it } from 'vitest';
import { SseDecoder, type SseEvent } from './sse.js';

const STREAM = [
  ': welcome comment',
  'data: {"id":"1","choices":[{"delta":{"content":"héllo 世界"}}]}',
  '',
  'event: message_start',
  'data: {"type":"message_start"}',
  '',
  'data: line one',
  'data: line two',
  'id: 42',
  '',
  'data: [DONE]',
  '',
  '',
].join('\n');

function decodeAll(chunks: Uint8Array[]): SseEvent[] {
  const d = new SseDecoder();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...d.push(c));
  out.push(...d.end());
  return out;
}

const expected: SseEvent[] = [
  { event: undefined, data: '{"id":"1","choices":[{"delta":{"content":"héllo 世界"}}]}', id: undefined },
  { event: 'message_start', data: '{"type":"message_start"}', id: undefined },
  { event: undefined, data: 'line one\nline two', id: '42' },
  { event: undefined, data: '[DONE]', id: '42' },
];

describe('SseDecoder', () => {
  const bytes = new TextEncoder().encode(STREAM);

  it('decodes a whole stream', () => {
    expect(decodeAll([bytes])).toEqual(expected);
  });

  it('gives the same events however the bytes are split (every offset, also inside UTF-8 characters)', () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(decodeAll([bytes.slice(0, i), bytes.slice(i)])).toEqual(expected);
    }
  });

  it('handles byte-at-a-time delivery and CRLF / CR line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const b = new TextEncoder().encode(STREAM.replaceAll('\n', eol));
      const chunks = Array.from(b, (x) => Uint8Array.of(x));
      expect(decodeAll(chunks)).toEqual(expected);
      for (let i = 0; i <= b.length; i++) expect(decodeAll([b.slice(0, i), b.slice(i)])).toEqual(expected);
    }
  });

  it('counts comments and delivers a final event that lacks its blank line', () => {
    const d = new SseDecoder();
    const events = d.push(': keep-alive\n\ndata: {"a":1}');
    expect(events).toEqual([]);
    expect(d.comments).toBe(1);
    expect(d.end()).toEqual([{ event: undefined, data: '{"a":1}', id: undefined }]);
  });
});
