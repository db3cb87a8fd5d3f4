import { crc32 } from 'node:zlib';

/**
 * One message of the AWS binary event stream (`application/vnd.amazon.eventstream`):
 *
 *   total length u32 | headers length u32 | prelude CRC32 u32 | headers | payload | message CRC32 u32
 *
 * All integers big-endian; the prelude CRC covers the first 8 bytes, the message CRC
 * everything before it. `zlib.crc32` exists from Node 20.15 (the project needs ≥ 20.19).
 */
export interface EventStreamMessage {
  /** Header values as text; non-string types are rendered (numbers, booleans, hex, ISO dates). */
  headers: Record<string, string>;
  payload: Uint8Array;
}

export const PRELUDE_LENGTH = 12;
/** Prelude plus the trailing message CRC. */
const MIN_MESSAGE_LENGTH = 16;
/** The format's own limits: 16 MiB per message, 128 KiB of headers. */
const MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;
const MAX_HEADERS_LENGTH = 128 * 1024;

export class EventStreamError extends Error {
  override readonly name = 'EventStreamError';
}

/**
 * The total length of the message starting at `bytes[0]`, once its prelude (12 bytes) is
 * there. The prelude CRC is checked first, so a corrupt length is never trusted.
 */
export function messageLength(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, PRELUDE_LENGTH);
  const total = view.getUint32(0);
  const headersLength = view.getUint32(4);
  if (crc32(bytes.subarray(0, 8)) !== view.getUint32(8)) throw new EventStreamError('event stream prelude CRC mismatch');
  if (total < MIN_MESSAGE_LENGTH || total > MAX_MESSAGE_LENGTH) throw new EventStreamError(`event stream message length ${total} out of range`);
  if (headersLength > MAX_HEADERS_LENGTH || headersLength > total - MIN_MESSAGE_LENGTH) {
    throw new EventStreamError('event stream headers length out of range');
  }
  return total;
}

/** Decodes one complete message (`bytes.length` = its total length) and checks its CRC. */
export function decodeMessage(bytes: Uint8Array): EventStreamMessage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const total = bytes.byteLength;
  if (crc32(bytes.subarray(0, total - 4)) !== view.getUint32(total - 4)) throw new EventStreamError('event stream message CRC mismatch');
  const headersEnd = PRELUDE_LENGTH + view.getUint32(4);
  return {
    headers: decodeHeaders(bytes, view, PRELUDE_LENGTH, headersEnd),
    payload: bytes.subarray(headersEnd, total - 4),
  };
}

const utf8 = new TextDecoder('utf-8');

function decodeHeaders(bytes: Uint8Array, view: DataView, start: number, end: number): Record<string, string> {
  const headers: Record<string, string> = {};
  let at = start;
  const need = (n: number) => {
    if (at + n > end) throw new EventStreamError('event stream header overruns its section');
  };
  while (at < end) {
    need(1);
    const nameLength = view.getUint8(at++);
    need(nameLength + 1);
    const name = utf8.decode(bytes.subarray(at, at + nameLength));
    at += nameLength;
    const type = view.getUint8(at++);
    let value: string;
    switch (type) {
      case 0:
      case 1:
        value = type === 0 ? 'true' : 'false';
        break;
      case 2:
        need(1);
        value = String(view.getInt8(at));
        at += 1;
        break;
      case 3:
        need(2);
        value = String(view.getInt16(at));
        at += 2;
        break;
      case 4:
        need(4);
        value = String(view.getInt32(at));
        at += 4;
        break;
      case 5:
        need(8);
        value = String(view.getBigInt64(at));
        at += 8;
        break;
      case 6:
      case 7: {
        need(2);
        const length = view.getUint16(at);
        at += 2;
        need(length);
        const raw = bytes.subarray(at, at + length);
        value = type === 7 ? utf8.decode(raw) : Buffer.from(raw).toString('hex');
        at += length;
        break;
      }
      case 8:
        need(8);
        value = isoOrNumber(Number(view.getBigInt64(at)));
        at += 8;
        break;
      case 9:
        need(16);
        value = Buffer.from(bytes.subarray(at, at + 16)).toString('hex');
        at += 16;
        break;
      default:
        throw new EventStreamError(`event stream header type ${type} unknown`);
    }
    headers[name] = value;
  }
  return headers;
}

/** Timestamps are epoch milliseconds; one outside Date's range is kept as the number. */
function isoOrNumber(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}
