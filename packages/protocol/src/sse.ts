/**
 * Incremental Server-Sent Events decoder (WHATWG "event stream interpretation").
 *
 * Network reads split events anywhere — inside a line, between `\r` and `\n`, even
 * inside a multi-byte UTF-8 character — so the decoder keeps the unfinished tail
 * and only ever scans new input once (no re-splitting of a growing buffer).
 */
export interface SseEvent {
  /** `event:` field; undefined means the default "message" type. */
  event: string | undefined;
  /** `data:` lines joined with "\n". */
  data: string;
  id: string | undefined;
}

export class SseDecoder {
  private readonly utf8 = new TextDecoder('utf-8');
  private tail = '';
  private dataLines: string[] = [];
  private eventType: string | undefined;
  private lastId: string | undefined;
  /** A chunk ended in `\r`; a `\n` starting the next chunk belongs to the same line break. */
  private pendingCR = false;
  /** Count of comment lines (`: keep-alive`), which carry no data but prove liveness. */
  comments = 0;

  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.utf8.decode(chunk, { stream: true });
    if (this.pendingCR) {
      this.pendingCR = false;
      if (text.startsWith('\n')) text = text.slice(1);
    }
    const out: SseEvent[] = [];
    const buf = this.tail + text;
    let start = 0;
    for (;;) {
      const lf = buf.indexOf('\n', start);
      const cr = buf.indexOf('\r', start);
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        end = cr;
        if (cr + 1 < buf.length) next = buf[cr + 1] === '\n' ? cr + 2 : cr + 1;
        else {
          next = cr + 1;
          this.pendingCR = true;
        }
      } else if (lf !== -1) {
        end = lf;
        next = lf + 1;
      } else break;
      this.line(buf.slice(start, end), out);
      start = next;
    }
    this.tail = start === 0 ? buf : buf.slice(start);
    return out;
  }

  /** Flushes at end of stream. Lenient: a final event without its blank line is still delivered. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    const rest = this.tail + this.utf8.decode();
    this.tail = '';
    if (rest.length > 0) this.line(rest, out);
    this.line('', out);
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line.length === 0) {
      if (this.dataLines.length > 0) {
        out.push({ event: this.eventType, data: this.dataLines.join('\n'), id: this.lastId });
      }
      this.dataLines = [];
      this.eventType = undefined;
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' */) {
      this.comments++;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        // `retry:` and unknown fields do not affect a relay.
        break;
    }
  }
}

/** One `data:` event. JSON never contains raw newlines, so a single data line is exact. */
export function sseData(payload: string): string {
  return `data: ${payload}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';
export const SSE_KEEPALIVE = ': keep-alive\n\n';
