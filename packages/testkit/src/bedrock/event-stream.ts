// The AWS event-stream framing (application/vnd.amazon.eventstream) that
// InvokeModelWithResponseStream answers with, per AWS's "Event stream encoding" page:
//   total length u32 BE | headers length u32 BE | prelude CRC32 | headers | payload | message CRC32
// Each header: name length u8 | name | value type u8 (7 = string) | value length u16 BE | value.
import { crc32 } from 'node:zlib'; // present since Node 20.15; the workspace requires >= 20.19

export type EventStreamHeaders = Array<[name: string, value: string]>;

const STRING_TYPE = 7;

export function encodeMessage(headers: EventStreamHeaders, payload: Buffer): Buffer {
  const headerBytes = Buffer.concat(headers.map(([name, value]) => encodeHeader(name, value)));
  const total = 12 + headerBytes.length + payload.length + 4;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headerBytes.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)), 8);
  headerBytes.copy(out, 12);
  payload.copy(out, 12 + headerBytes.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - 4)), total - 4);
  return out;
}

function encodeHeader(name: string, value: string): Buffer {
  const n = Buffer.from(name, 'utf8');
  const v = Buffer.from(value, 'utf8');
  const out = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
  out.writeUInt8(n.length, 0);
  n.copy(out, 1);
  out.writeUInt8(STRING_TYPE, 1 + n.length);
  out.writeUInt16BE(v.length, 2 + n.length);
  v.copy(out, 4 + n.length);
  return out;
}

// Bedrock pads each chunk with a `p` field of varying length so the size of an
// encrypted frame does not reveal the size of the text inside it.
const PAD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
let padTurn = 0;

/** One `chunk` event carrying an Anthropic stream event, base64 in `bytes`, as Bedrock sends it. */
export function chunkMessage(event: object): Buffer {
  const p = PAD.slice(0, 1 + (padTurn++ % PAD.length));
  const payload = JSON.stringify({ bytes: Buffer.from(JSON.stringify(event), 'utf8').toString('base64'), p });
  return encodeMessage(
    [
      [':event-type', 'chunk'],
      [':content-type', 'application/json'],
      [':message-type', 'event'],
    ],
    Buffer.from(payload, 'utf8'),
  );
}

/** An exception message ending the stream (`:message-type` exception). */
export function exceptionMessage(exceptionType: string, message: string): Buffer {
  return encodeMessage(
    [
      [':exception-type', exceptionType],
      [':content-type', 'application/json'],
      [':message-type', 'exception'],
    ],
    Buffer.from(JSON.stringify({ message }), 'utf8'),
  );
}
