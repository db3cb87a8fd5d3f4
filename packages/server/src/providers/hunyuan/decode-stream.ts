import type { IrStreamDecoder, IrStreamEvent, IrUsage, WireSseEvent } from '@switchboard/protocol';
import { decodeError } from './decode-error.js';
import { finishReasonToIr } from './finish-reason.js';
import { usageToIr } from './usage.js';
import type { HunyuanAnswer, HunyuanChoice, HunyuanMessage, HunyuanToolCall, HunyuanUsage } from './wire.js';

const NONE = 0;
const TEXT = 1;
const REASONING = 2;
const TOOL = 3;

/**
 * Hunyuan stream → IR. Each SSE event is `data: {Choices: [{Delta, FinishReason}], Usage, Id, Created, …}`
 * (no `[DONE]`: the event whose `FinishReason` is not "" is the last).
 *
 * - `start` comes from the first event (`Id`, `Created`).
 * - Tool calls are merged by `Id`, as Tencent documents (`Index`, then array position,
 *   when a vendor build leaves the id out); the first fragment of an id starts the call.
 * - IR indexes: a new one whenever the kind of content changes or a tool call starts.
 * - Every event repeats the cumulative `Usage`: the latest is held and emitted once, right
 *   after `finish` (or at the end of a stream cut short), so callers see one total.
 * - `ErrorMsg` (or an API 3.0 `Error`) and data that is not JSON become an `error` event,
 *   after the usage so far; nothing is read after it.
 * - No finish is invented at the end: a stream without one was cut short.
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
  const calls = new Map<string, number>();

  function partIndex(k: number): number {
    if (kind !== k) {
      kind = k;
      current = nextIndex++;
    }
    return current;
  }

  function fail(out: IrStreamEvent[], body: unknown, fallback: string): IrStreamEvent[] {
    errored = true;
    if (usage) out.push({ type: 'usage', usage });
    usage = undefined;
    const info = decodeError(body);
    const event: IrStreamEvent = { type: 'error', message: info?.message ?? fallback };
    if (info?.code !== undefined) event.code = info.code;
    out.push(event);
    return out;
  }

  function toolCall(out: IrStreamEvent[], tc: HunyuanToolCall, position: number): void {
    const id = typeof tc.Id === 'string' && tc.Id !== '' ? tc.Id : undefined;
    const key = id ?? `#${typeof tc.Index === 'number' ? tc.Index : position}`;
    let index = calls.get(key);
    if (index === undefined) {
      index = nextIndex++;
      kind = TOOL;
      current = index;
      calls.set(key, index);
      sawToolCalls = true;
      out.push({ type: 'tool-call-start', index, id: id ?? `call_${index}`, name: tc.Function?.Name ?? '' });
    }
    const args = tc.Function?.Arguments;
    if (typeof args === 'string' && args !== '') out.push({ type: 'tool-call-delta', index, arguments: args });
  }

  function delta(out: IrStreamEvent[], d: HunyuanMessage): void {
    if (typeof d.ReasoningContent === 'string' && d.ReasoningContent !== '') {
      out.push({ type: 'reasoning-delta', index: partIndex(REASONING), text: d.ReasoningContent });
    }
    if (Array.isArray(d.ToolCalls)) {
      d.ToolCalls.forEach((tc, i) => {
        if (typeof tc === 'object' && tc !== null) toolCall(out, tc, i);
      });
    }
    // Tencent's own example streams the tool call before the text that explains it.
    if (typeof d.Content === 'string' && d.Content !== '') out.push({ type: 'text-delta', index: partIndex(TEXT), text: d.Content });
  }

  return {
    push(event: WireSseEvent): IrStreamEvent[] {
      const out: IrStreamEvent[] = [];
      if (errored) return out;
      let parsed: unknown;
      try {
        parsed = JSON.parse(event.data);
      } catch {
        return fail(out, undefined, `upstream sent a stream event that is not JSON: ${event.data.slice(0, 200)}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
      if (decodeError(parsed)) return fail(out, parsed, 'upstream reported an error in the stream');
      const a = parsed as HunyuanAnswer;
      if (!started) {
        started = true;
        const created = typeof a.Created === 'number' ? a.Created : Math.floor(Date.now() / 1000);
        out.push({ type: 'start', id: typeof a.Id === 'string' ? a.Id : '', model: '', created });
      }
      const first: unknown = Array.isArray(a.Choices) ? a.Choices[0] : undefined;
      const choice = typeof first === 'object' && first !== null ? (first as HunyuanChoice) : undefined;
      const d = choice?.Delta ?? choice?.Message;
      if (typeof d === 'object' && d !== null) delta(out, d);
      if (typeof a.Usage === 'object' && a.Usage !== null) usage = usageToIr(a.Usage as HunyuanUsage) ?? usage;
      const stop = finishReasonToIr(choice?.FinishReason, sawToolCalls);
      if (stop !== undefined && !finished) {
        finished = true;
        out.push({ type: 'finish', stopReason: stop });
      }
      if (finished && usage) {
        out.push({ type: 'usage', usage });
        usage = undefined;
      }
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
