// RFC 6455 framing, just enough for a mock server: the handshake's accept key, frames in
// (masked by clients) and out (unmasked from servers). Written here rather than taken from a
// library so the mock has no dependency and shows exactly what goes over the wire.
import { createHash } from 'node:crypto';

/** RFC 6455 §1.3: the GUID appended to the client's key before hashing. */
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface WsFrame {
  fin: boolean;
  opcode: number;
  /** Unmasked payload. */
  payload: Buffer;
}

/** `Sec-WebSocket-Accept` = base64(SHA-1(key + GUID)). */
export function acceptKey(key: string): string {
  return createHash('sha1').update(key + WS_GUID).digest('base64');
}

/**
 * One whole (FIN) frame. Servers send unmasked frames; a client must mask with a 4-byte key,
 * which tests of the mock pass as `mask`.
 */
export function encodeFrame(opcode: number, data: Buffer | string, mask?: Buffer): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const len = payload.length;
  // Length: 7 bits, or 126 + 16 bits, or 127 + 64 bits.
  const extra = len < 126 ? 0 : len < 0x10000 ? 2 : 8;
  const head = Buffer.alloc(2 + extra + (mask ? 4 : 0));
  head[0] = 0x80 | opcode;
  head[1] = (mask ? 0x80 : 0) | (extra === 0 ? len : extra === 2 ? 126 : 127);
  if (extra === 2) head.writeUInt16BE(len, 2);
  if (extra === 8) head.writeBigUInt64BE(BigInt(len), 2);
  if (!mask) return Buffer.concat([head, payload]);
  mask.copy(head, 2 + extra);
  return Buffer.concat([head, xorMask(payload, mask)]);
}

/** A close frame's payload: 2-byte status code, then an optional UTF-8 reason. */
export function closePayload(code: number, reason = ''): Buffer {
  const out = Buffer.alloc(2 + Buffer.byteLength(reason));
  out.writeUInt16BE(code, 0);
  out.write(reason, 2);
  return out;
}

/** The status code of a close payload; 1005 ("no status") when it has none. */
export function closeCode(payload: Buffer): number {
  return payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
}

/** Reads frames from a byte stream that may split or join them anywhere. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly maxPayload = 16 * 1024 * 1024) {}

  push(chunk: Buffer): WsFrame[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: WsFrame[] = [];
    for (let frame = this.next(); frame; frame = this.next()) frames.push(frame);
    return frames;
  }

  private next(): WsFrame | undefined {
    const b = this.buffer;
    if (b.length < 2) return undefined;
    const masked = (b[1]! & 0x80) !== 0;
    let len = b[1]! & 0x7f;
    let offset = 2;
    if (len === 126) {
      if (b.length < 4) return undefined;
      len = b.readUInt16BE(2);
      offset = 4;
    } else if (len === 127) {
      if (b.length < 10) return undefined;
      len = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    if (len > this.maxPayload) throw new Error(`frame of ${len} bytes exceeds the mock's limit`);
    const maskAt = offset;
    if (masked) offset += 4;
    if (b.length < offset + len) return undefined;
    const raw = b.subarray(offset, offset + len);
    const payload = masked ? xorMask(raw, b.subarray(maskAt, maskAt + 4)) : Buffer.from(raw);
    this.buffer = b.subarray(offset + len);
    return { fin: (b[0]! & 0x80) !== 0, opcode: b[0]! & 0x0f, payload };
  }
}

/** Reassembles fragmented messages: a text/binary frame plus continuations up to FIN. Control frames pass through. */
export class MessageAssembler {
  private parts: Buffer[] = [];
  private opcode = 0;

  /** The complete message this frame finishes, if any. */
  push(frame: WsFrame): WsFrame | undefined {
    if (frame.opcode >= OPCODE.close) return frame;
    if (frame.opcode !== OPCODE.continuation) {
      this.opcode = frame.opcode;
      this.parts = [];
    }
    this.parts.push(frame.payload);
    if (!frame.fin) return undefined;
    const message = { fin: true, opcode: this.opcode, payload: Buffer.concat(this.parts) };
    this.parts = [];
    return message;
  }
}

function xorMask(data: Buffer, mask: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ mask[i % 4]!;
  return out;
}
