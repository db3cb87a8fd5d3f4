import type { IrStreamDecoder, IrStreamEvent, IrUsage, WireSseEvent } from '@switchboard/protocol';
import { decodeError } from './decode-error.js';
import { toolCallId } from './tool-call-id.js';
import { usageToIr } from './usage.js';
import { frameSchema, LAST_FRAME, type SparkTextItem } from './wire.js';

const NONE = 0;
const TEXT = 1;
const REASONING = 2;

/**
 * Spark frames → IR events. Each `push` gets ONE frame's JSON text as `data` (the adapter's
 * frame decoder splits the transport's newline-delimited frames).
 *
 * - `start` comes from the first frame (`sid`; no model or time on the wire: "" and 0).
 * - `reasoning_content` (X1) and `content` become deltas; IR indexes change with the kind.
 * - Each `function_call` is a whole call (name and complete arguments): a start and one delta.
 * - The last frame (`status` 2) gives `finish` (tool calls when some were made, else end —
 *   Spark reports no finish reason), then its `usage`.
 * - A frame with `header.code` ≠ 0, or data that is not a frame, becomes an `error` event;
 *   nothing is read after it.
 * - No finish is invented at the end: a stream without its last frame was cut short.
 */
export function createStreamDecoder(): IrStreamDecoder {
  let started = false;
  let finished = false;
  let errored = false;
  let nextIndex = 0;
  let kind = NONE;
  let current = -1;
  let sid = '';
  let calls = 0;
  let usage: IrUsage | undefined;

  function partIndex(k: number): number {
    if (kind !== k) {
      kind = k;
      current = nextIndex++;
    }
    return current;
  }

  function fail(out: IrStreamEvent[], message: string, code?: string): IrStreamEvent[] {
    errored = true;
    const event: IrStreamEvent = { type: 'error', message };
    if (code !== undefined) event.code = code;
    out.push(event);
    return out;
  }

  function item(out: IrStreamEvent[], t: SparkTextItem): void {
    if (t.reasoning_content) out.push({ type: 'reasoning-delta', index: partIndex(REASONING), text: t.reasoning_content });
    if (t.content) out.push({ type: 'text-delta', index: partIndex(TEXT), text: t.content });
    const call = t.function_call;
    if (call) {
      const index = nextIndex++;
      kind = NONE;
      out.push({ type: 'tool-call-start', index, id: toolCallId(sid, calls++), name: call.name ?? '' });
      out.push({ type: 'tool-call-delta', index, arguments: call.arguments || '{}' });
    }
  }

  return {
    push(event: WireSseEvent): IrStreamEvent[] {
      const out: IrStreamEvent[] = [];
      if (errored || finished) return out;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return fail(out, `upstream sent a frame that is not JSON: ${event.data.slice(0, 200)}`);
      }
      const error = decodeError(json);
      if (error) return fail(out, error.message, error.code);
      const parsed = frameSchema.safeParse(json);
      if (!parsed.success) return fail(out, `upstream sent a frame that is not a Spark frame: ${event.data.slice(0, 200)}`);
      const frame = parsed.data;
      if (!started) {
        started = true;
        sid = frame.header.sid ?? '';
        out.push({ type: 'start', id: sid, model: '', created: 0 });
      }
      for (const t of frame.payload?.choices?.text ?? []) item(out, t);
      const u = frame.payload?.usage?.text;
      if (u) usage = usageToIr(u) ?? usage;
      if (frame.header.status === LAST_FRAME || frame.payload?.choices?.status === LAST_FRAME) {
        finished = true;
        out.push({ type: 'finish', stopReason: calls > 0 ? 'tool-calls' : 'end' });
        if (usage) out.push({ type: 'usage', usage });
        usage = undefined;
      }
      return out;
    },

    end(): IrStreamEvent[] {
      // Spark sends usage only on the last frame, so a cut stream normally has none to report.
      if (errored || finished || !usage) return [];
      const last: IrStreamEvent = { type: 'usage', usage };
      usage = undefined;
      return [last];
    },
  };
}
