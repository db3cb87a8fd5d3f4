import { describe, expect, it } from 'vitest';
import { acceptKey, closeCode, closePayload, encodeFrame, FrameReader, MessageAssembler, OPCODE } from './ws-frames.js';

// RFC 6455's own examples (§1.3 and §5.7) are the reference for the mock's framing.
describe('WebSocket framing (RFC 6455 examples)', () => {
  it('computes Sec-WebSocket-Accept', () => {
    expect(acceptKey('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('writes an unmasked and a masked "Hello"', () => {
    expect([...encodeFrame(OPCODE.text, 'Hello')]).toEqual([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]);
    expect([...encodeFrame(OPCODE.text, 'Hello', Buffer.from([0x37, 0xfa, 0x21, 0x3d]))]).toEqual([
      0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58,
    ]);
  });

  it('reads masked and unmasked frames, however the bytes are split', () => {
    const bytes = Buffer.concat([encodeFrame(OPCODE.text, 'Hello', Buffer.from([1, 2, 3, 4])), encodeFrame(OPCODE.ping, 'p')]);
    const reader = new FrameReader();
    const frames = [...bytes].flatMap((b) => reader.push(Buffer.from([b])));
    expect(frames.map((f) => [f.opcode, f.payload.toString()])).toEqual([
      [OPCODE.text, 'Hello'],
      [OPCODE.ping, 'p'],
    ]);
  });

  it('uses 16- and 64-bit lengths for longer payloads', () => {
    for (const size of [125, 126, 65_535, 65_536, 100_000]) {
      const payload = Buffer.alloc(size, 0x61);
      const encoded = encodeFrame(OPCODE.binary, payload, Buffer.from([9, 8, 7, 6]));
      expect(encoded.length).toBe(size + 2 + (size < 126 ? 0 : size < 65_536 ? 2 : 8) + 4);
      const [frame] = new FrameReader().push(encoded);
      expect(frame?.payload.equals(payload)).toBe(true);
    }
  });

  it('reassembles a fragmented message around an interleaved control frame', () => {
    const first = encodeFrame(OPCODE.text, 'Hel');
    first[0] = OPCODE.text; // FIN cleared
    const rest = encodeFrame(OPCODE.continuation, 'lo');
    const reader = new FrameReader();
    const assembler = new MessageAssembler();
    const messages = reader.push(Buffer.concat([first, encodeFrame(OPCODE.ping, ''), rest])).flatMap((f) => assembler.push(f) ?? []);
    expect(messages.map((m) => [m.opcode, m.payload.toString()])).toEqual([
      [OPCODE.ping, ''],
      [OPCODE.text, 'Hello'],
    ]);
  });

  it('encodes close codes', () => {
    expect(closeCode(closePayload(1000, 'bye'))).toBe(1000);
    expect(closeCode(Buffer.alloc(0))).toBe(1005);
  });
});
