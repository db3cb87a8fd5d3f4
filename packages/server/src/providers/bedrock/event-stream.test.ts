import { crc32 } from 'node:zlib';
import type { WireSseEvent } from '@switchboard/protocol';
import { anthropicCodec } from '@switchboard/protocol/codecs/anthropic';
import { describe, expect, it } from 'vitest';
import { createBedrockFrameDecoder } from './event-stream.js';
import { decodeMessage } from './event-stream-message.js';

// A minimal encoder of the AWS event stream format (string headers only), independent of
// the decoder under test: prelude, headers (type 7), payload, CRC32s.
function encodeMessage(headers: Record<string, string>, payload: string | Uint8Array): Buffer {
  const headerParts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    const h = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
    h.writeUInt8(n.length, 0);
    n.copy(h, 1);
    h.writeUInt8(7, 1 + n.length);
    h.writeUInt16BE(v.length, 2 + n.length);
    v.copy(h, 4 + n.length);
    headerParts.push(h);
  }
  const headerBytes = Buffer.concat(headerParts);
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const total = 12 + headerBytes.length + body.length + 4;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headerBytes.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)), 8);
  headerBytes.copy(out, 12);
  body.copy(out, 12 + headerBytes.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - 4)), total - 4);
  return out;
}

const chunk = (event: Record<string, unknown>) =>
  encodeMessage(
    { ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString('base64'), p: 'abcdefgh' }),
  );

const anthropicEvents = [
  { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude', content: [], usage: { input_tokens: 5, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Héllo ✓' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } },
  { type: 'message_stop', 'amazon-bedrock-invocationMetrics': { inputTokenCount: 5, outputTokenCount: 3 } },
];
const stream = Buffer.concat(anthropicEvents.map(chunk));
const expected: WireSseEvent[] = anthropicEvents.map((e) => ({ event: e.type, data: JSON.stringify(e) }));

function decodeAll(pieces: Uint8Array[]): WireSseEvent[] {
  const decoder = createBedrockFrameDecoder();
  const out: WireSseEvent[] = [];
  for (const piece of pieces) out.push(...decoder.push(piece));
  out.push(...decoder.end());
  return out;
}

describe('Bedrock event stream decoder', () => {
  it('turns chunks into Anthropic SSE events', () => {
    expect(decodeAll([stream])).toEqual(expected);
  });

  it('gives the same events however the bytes are split', () => {
    const want = JSON.stringify(expected);
    for (let cut = 0; cut <= stream.length; cut++) {
      const got = JSON.stringify(decodeAll([stream.subarray(0, cut), stream.subarray(cut)]));
      if (got !== want) expect({ cut, got }).toEqual({ cut, got: want });
    }
  });

  it('decodes a stream fed one byte at a time', () => {
    const bytes: Uint8Array[] = [];
    for (let i = 0; i < stream.length; i++) bytes.push(stream.subarray(i, i + 1));
    expect(decodeAll(bytes)).toEqual(expected);
  });

  it('does not keep references to the chunks it was given', () => {
    for (const cut of [5, 40]) {
      const decoder = createBedrockFrameDecoder();
      const copy = Buffer.from(stream);
      expect(decoder.push(copy.subarray(0, cut))).toEqual([]);
      copy.fill(0, 0, cut); // the caller reuses its buffer
      const out = [...decoder.push(stream.subarray(cut)), ...decoder.end()];
      expect(out).toEqual(expected);
    }
  });

  it('turns an exception message into an Anthropic error event', () => {
    const exception = encodeMessage(
      { ':exception-type': 'throttlingException', ':content-type': 'application/json', ':message-type': 'exception' },
      JSON.stringify({ message: 'Too many tokens, please wait before trying again.' }),
    );
    const out = decodeAll([chunk(anthropicEvents[0]!), exception]);
    expect(out).toHaveLength(2);
    expect(out[1]).toEqual({
      event: 'error',
      data: JSON.stringify({ type: 'error', error: { type: 'throttlingException', message: 'Too many tokens, please wait before trying again.' } }),
    });
  });

  it('reads a framing-level error message from its headers', () => {
    const error = encodeMessage({ ':message-type': 'error', ':error-code': 'InternalFailure', ':error-message': 'boom' }, '');
    expect(decodeAll([error])).toEqual([{ event: 'error', data: JSON.stringify({ type: 'error', error: { type: 'InternalFailure', message: 'boom' } }) }]);
  });

  it('skips events other than chunks', () => {
    const other = encodeMessage({ ':message-type': 'event', ':event-type': 'initial-response' }, '{}');
    expect(decodeAll([other, chunk(anthropicEvents[3]!)])).toEqual([expected[3]]);
  });

  it('reports a bad message CRC once and ignores the rest', () => {
    const bad = Buffer.from(stream);
    const secondStart = chunk(anthropicEvents[0]!).length;
    bad[secondStart + 20] = bad[secondStart + 20]! ^ 0xff; // inside the second message's headers
    const out = decodeAll([bad]);
    expect(out[0]).toEqual(expected[0]);
    expect(out).toHaveLength(2);
    expect(out[1]!.event).toBe('error');
    expect(JSON.parse(out[1]!.data)).toEqual({ type: 'error', error: { type: 'invalid_event_stream', message: 'event stream message CRC mismatch' } });
  });

  it('reports a bad prelude CRC before trusting the length', () => {
    const bad = Buffer.from(stream);
    bad[1] = 0x7f; // total length now absurd, and the prelude CRC no longer matches
    const out = decodeAll([bad]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!.data).error.message).toBe('event stream prelude CRC mismatch');
  });

  it('reports a stream that ends inside a message', () => {
    const out = decodeAll([stream.subarray(0, stream.length - 3)]);
    expect(out.slice(0, -1)).toEqual(expected.slice(0, -1));
    expect(JSON.parse(out.at(-1)!.data).error.message).toBe('event stream ended inside a message');
  });

  it('reports a chunk whose payload is not JSON', () => {
    const out = decodeAll([encodeMessage({ ':message-type': 'event', ':event-type': 'chunk' }, 'not json')]);
    expect(JSON.parse(out[0]!.data).error).toEqual({ type: 'invalid_event_stream', message: 'event stream chunk is not valid JSON' });
  });
});

describe('decodeMessage header types', () => {
  it('reads non-string header values', () => {
    const headerBytes = Buffer.concat([
      Buffer.from([1, 0x61, 0]), // a: true
      Buffer.from([1, 0x62, 4, 0, 0, 1, 0]), // b: int32 256
      Buffer.from([1, 0x63, 6, 0, 2, 0xab, 0xcd]), // c: bytes
    ]);
    const total = 12 + headerBytes.length + 4;
    const msg = Buffer.alloc(total);
    msg.writeUInt32BE(total, 0);
    msg.writeUInt32BE(headerBytes.length, 4);
    msg.writeUInt32BE(crc32(msg.subarray(0, 8)), 8);
    headerBytes.copy(msg, 12);
    msg.writeUInt32BE(crc32(msg.subarray(0, total - 4)), total - 4);
    expect(decodeMessage(msg).headers).toEqual({ a: 'true', b: '256', c: 'abcd' });
  });
});

describe('Bedrock frames through the Anthropic codec', () => {
  it('decode into the IR stream', () => {
    const codec = anthropicCodec.createStreamDecoder();
    const events = decodeAll([stream]).flatMap((e) => codec.push(e));
    events.push(...codec.end());
    expect(events.map((e) => e.type)).toEqual(['start', 'usage', 'text-delta', 'finish', 'usage']);
    expect(events).toContainEqual({ type: 'text-delta', index: 0, text: 'Héllo ✓' });
    expect(events).toContainEqual({ type: 'finish', stopReason: 'end' });
  });

  it('turn an exception into an IR error', () => {
    const exception = encodeMessage(
      { ':exception-type': 'modelStreamErrorException', ':message-type': 'exception' },
      JSON.stringify({ message: 'model failed' }),
    );
    const codec = anthropicCodec.createStreamDecoder();
    const events = decodeAll([chunk(anthropicEvents[0]!), exception]).flatMap((e) => codec.push(e));
    expect(events.at(-1)).toMatchObject({ type: 'error', message: 'model failed', code: 'modelStreamErrorException' });
  });
});
