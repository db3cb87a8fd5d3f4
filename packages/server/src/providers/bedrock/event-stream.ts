import type { WireSseEvent } from '@switchboard/protocol';
import type { FrameDecoder } from '../provider-adapter.js';
import { decodeMessage, EventStreamError, messageLength, PRELUDE_LENGTH, type EventStreamMessage } from './event-stream-message.js';

/**
 * Bedrock's `invoke-with-response-stream` answer as the events the Anthropic codec reads.
 * Each `chunk` event carries `{"bytes":"<base64 of one Anthropic stream event>"}`; it becomes
 * `{event: <its type>, data: <its JSON>}`, exactly the SSE event Anthropic itself would have
 * sent, so pass-through callers receive plain Anthropic SSE. Exceptions become Anthropic
 * `error` events. Messages may be split across chunks anywhere.
 *
 * A corrupt message (CRC mismatch, impossible lengths) loses the framing for good: the
 * decoder reports one `error` event and ignores the rest, so the relay fails the attempt
 * with a readable reason instead of a transport error.
 */
export function createBedrockFrameDecoder(): FrameDecoder {
  return new BedrockFrameDecoder();
}

class BedrockFrameDecoder implements FrameDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  /** Bytes needed before parsing is worth trying: a prelude, then the whole message. */
  private need = PRELUDE_LENGTH;
  private failed = false;

  push(chunk: Uint8Array): WireSseEvent[] {
    if (this.failed || chunk.byteLength === 0) return [];
    this.buffered += chunk.byteLength;
    // Pieces of an incomplete message are only collected (copied: the caller's buffers are
    // not ours to keep), never re-concatenated on every push.
    if (this.buffered < this.need) {
      this.chunks.push(new Uint8Array(chunk));
      return [];
    }
    this.chunks.push(chunk);
    const bytes = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.buffered);
    const out: WireSseEvent[] = [];
    let at = 0;
    try {
      this.need = PRELUDE_LENGTH;
      while (bytes.byteLength - at >= PRELUDE_LENGTH) {
        const total = messageLength(bytes.subarray(at));
        if (bytes.byteLength - at < total) {
          this.need = total;
          break;
        }
        const event = toWireEvent(decodeMessage(bytes.subarray(at, at + total)));
        if (event) out.push(event);
        at += total;
      }
    } catch (err) {
      this.fail();
      const message =
        err instanceof EventStreamError ? err.message : err instanceof SyntaxError ? 'event stream chunk is not valid JSON' : 'undecodable event stream message';
      out.push(errorEvent('invalid_event_stream', message));
      return out;
    }
    // Copy the remainder, for the same reason.
    const rest = bytes.subarray(at);
    this.chunks = rest.byteLength > 0 ? [new Uint8Array(rest)] : [];
    this.buffered = rest.byteLength;
    if (this.buffered < PRELUDE_LENGTH) this.need = PRELUDE_LENGTH;
    return out;
  }

  end(): WireSseEvent[] {
    if (this.failed || this.buffered === 0) return [];
    this.fail();
    return [errorEvent('invalid_event_stream', 'event stream ended inside a message')];
  }

  private fail(): void {
    this.failed = true;
    this.chunks = [];
    this.buffered = 0;
  }
}

const utf8 = new TextDecoder('utf-8');

function toWireEvent(message: EventStreamMessage): WireSseEvent | undefined {
  const { headers } = message;
  switch (headers[':message-type'] ?? 'event') {
    case 'event':
      return headers[':event-type'] === 'chunk' ? chunkEvent(message.payload) : undefined;
    case 'exception':
      return errorEvent(headers[':exception-type'] ?? 'exception', exceptionMessage(message.payload));
    case 'error':
      // The framing layer's own errors carry their code and text in headers.
      return errorEvent(headers[':error-code'] ?? 'error', headers[':error-message'] ?? 'event stream error');
    default:
      return undefined;
  }
}

/** `{"bytes":"…"}` → the Anthropic event it encodes. Throws SyntaxError on malformed JSON. */
function chunkEvent(payload: Uint8Array): WireSseEvent | undefined {
  const outer = JSON.parse(utf8.decode(payload)) as { bytes?: unknown };
  if (typeof outer.bytes !== 'string') return undefined;
  const data = Buffer.from(outer.bytes, 'base64').toString('utf8');
  const type = (JSON.parse(data) as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? { event: type, data } : { data };
}

function exceptionMessage(payload: Uint8Array): string {
  const text = utf8.decode(payload);
  try {
    const json = JSON.parse(text) as { message?: unknown; Message?: unknown } | null;
    const message = json?.message ?? json?.Message;
    if (typeof message === 'string') return message;
  } catch {
    // Not JSON: the text itself is the best message there is.
  }
  return text.slice(0, 500) || 'upstream stream exception';
}

function errorEvent(type: string, message: string): WireSseEvent {
  return { event: 'error', data: JSON.stringify({ type: 'error', error: { type, message } }) };
}
