import type { IrStreamDecoder, IrStreamEvent, IrUsage, WireSseEvent } from '@switchboard/protocol';
import { decodeError } from './decode-error.js';
import { finishReasonToIr } from './finish-reason.js';
import { contentText } from './message-content.js';
import { usageToIr } from './usage.js';
import type { DashscopeAnswer, DashscopeChoice, DashscopeToolCall, DashscopeUsage } from './wire.js';

const NONE = 0;
const TEXT = 1;
const REASONING = 2;
const TOOL = 3;

/**
 * DashScope native stream (`X-DashScope-SSE: enable`, `incremental_output: true`) → IR.
 * Each SSE event is `id:N`, `event:result`, a `:HTTP_STATUS/200` comment and `data:{…}`
 * holding one increment in the answer's own shape; `finish_reason` is the string "null"
 * until the last event.
 *
 * - `start` comes from the first event (id = `request_id`, created = decode time).
 * - IR indexes: a new one whenever the kind of content changes or a tool call starts; a
 *   tool call is known by `tool_calls[].index` (array position when absent), and a new id
 *   at a known index starts a new call.
 * - Every event repeats the cumulative `usage`: the latest is held and emitted once, right
 *   after `finish` (or at the end of a stream cut short), so callers see one total.
 * - `event:error` (`{code, message, request_id}`), error data without `output`, and data
 *   that is not JSON become an `error` event (after the usage so far); nothing is read
 *   after it.
 * - No finish is invented at the end: DashScope always sends one, so a stream without it
 *   was cut short and the relay core reports it as such.
 */
export function createStreamDecoder(): IrStreamDecoder {
  let started = false;
  let finished = false;
  let errored = false;
  let sawToolCalls = false;
  let nextIndex = 0;
  let kind = NONE;
  let current = -1;
  let usage: IrUsage | undefined;
  const calls = new Map<number, { index: number; id: string }>();

  function partIndex(k: number): number {
    if (kind !== k) {
      kind = k;
      current = nextIndex++;
    }
    return current;
  }

  function fail(out: IrStreamEvent[], body: unknown, fallback: string): IrStreamEvent[] {
    errored = true;
    // What was used before the failure is still billed.
    if (usage) out.push({ type: 'usage', usage });
    usage = undefined;
    const info = decodeError(body);
    const event: IrStreamEvent = { type: 'error', message: info?.message ?? fallback };
    if (info?.code !== undefined) event.code = info.code;
    out.push(event);
    return out;
  }

  function toolCall(out: IrStreamEvent[], key: number, tc: DashscopeToolCall): void {
    const id = typeof tc.id === 'string' && tc.id !== '' ? tc.id : undefined;
    let call = calls.get(key);
    if (call === undefined || (id !== undefined && id !== call.id)) {
      const index = nextIndex++;
      kind = TOOL;
      current = index;
      call = { index, id: id ?? `call_${index}` };
      calls.set(key, call);
      sawToolCalls = true;
      out.push({ type: 'tool-call-start', index, id: call.id, name: tc.function?.name ?? '' });
    }
    const args = tc.function?.arguments;
    if (typeof args === 'string' && args !== '') out.push({ type: 'tool-call-delta', index: call.index, arguments: args });
  }

  function read(out: IrStreamEvent[], a: DashscopeAnswer): void {
    // Read by hand (no schema on the hot path), so every level is checked before use.
    const first: unknown = Array.isArray(a.output.choices) ? a.output.choices[0] : undefined;
    const choice = typeof first === 'object' && first !== null ? (first as DashscopeChoice) : undefined;
    const m = typeof choice?.message === 'object' && choice.message !== null ? choice.message : undefined;
    if (typeof m?.reasoning_content === 'string' && m.reasoning_content !== '') {
      out.push({ type: 'reasoning-delta', index: partIndex(REASONING), text: m.reasoning_content });
    }
    const text = choice ? contentText(m?.content) : (a.output.text ?? '');
    if (text !== '') out.push({ type: 'text-delta', index: partIndex(TEXT), text });
    const tcs = m?.tool_calls;
    if (Array.isArray(tcs)) {
      tcs.forEach((tc, i) => {
        if (typeof tc === 'object' && tc !== null) toolCall(out, typeof tc.index === 'number' ? tc.index : i, tc);
      });
    }
    if (typeof a.usage === 'object' && a.usage !== null) usage = usageToIr(a.usage as DashscopeUsage) ?? usage;
    const stop = finishReasonToIr(choice ? choice.finish_reason : a.output.finish_reason, sawToolCalls);
    if (stop !== undefined && !finished) {
      finished = true;
      out.push({ type: 'finish', stopReason: stop });
    }
    if (finished && usage) {
      out.push({ type: 'usage', usage });
      usage = undefined;
    }
  }

  return {
    push(event: WireSseEvent): IrStreamEvent[] {
      const out: IrStreamEvent[] = [];
      if (errored) return out;
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch {
        return fail(out, undefined, event.event === 'error' ? event.data : `upstream sent a stream event that is not JSON: ${event.data.slice(0, 200)}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
      const output = (parsed as { output?: unknown }).output;
      if (event.event === 'error' || typeof output !== 'object' || output === null) {
        return decodeError(parsed) || event.event === 'error' ? fail(out, parsed, 'upstream reported an error in the stream') : out;
      }
      const a = parsed as DashscopeAnswer;
      if (!started) {
        started = true;
        out.push({ type: 'start', id: a.request_id ?? '', model: '', created: Math.floor(Date.now() / 1000) });
      }
      read(out, a);
      return out;
    },

    end(): IrStreamEvent[] {
      if (errored || !usage) return [];
      const last: IrStreamEvent = { type: 'usage', usage };
      usage = undefined;
      return [last];
    },
  };
}
