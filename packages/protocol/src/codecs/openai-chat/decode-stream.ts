import type { IrStreamDecoder, IrStreamEvent, WireSseEvent } from '../../ir.js';
import { decodeError } from './errors.js';
import { finishReasonToIr } from './map-stop-reason.js';
import { usageToIr } from './map-usage.js';
import type { WireChunk, WireChunkChoice, WireToolCallDelta, WireUsage } from './schema.js';

const NONE = 0;
const TEXT = 1;
const REASONING = 2;
const TOOL = 3;

/** Key of the legacy `delta.function_call` in the tool-call table (real indexes are ≥ 0). */
const LEGACY_CALL = -1;

/**
 * OpenAI Chat stream → IR events. One `JSON.parse` per event; chunks are read by hand.
 *
 * - `start` comes from the first chunk with an id or content (its id, model, created).
 * - Only choice 0 is read (`n > 1` streams lose the other choices).
 * - Reasoning: `delta.reasoning_content` (DeepSeek, Qwen, vLLM) or `delta.reasoning`
 *   (OpenRouter). A `delta.refusal` is streamed as text; the answer then stops with `refusal`.
 * - IR indexes: a new one whenever the kind of content changes or a tool call starts.
 *   A tool call is known by its `tool_calls[].index` (its position in the array when a
 *   vendor leaves it out); a different `id` at a known index starts a new call (some
 *   vendors put every call at index 0).
 * - `usage` is emitted from any chunk that carries it (usually the last, `choices: []`).
 * - `{error: …}` data becomes an `error` event; so does data that is not JSON.
 * - At the end: no finish_reason but `[DONE]` → finish `end` (or `tool-calls`); neither
 *   → finish `error` (the upstream cut the stream short). Nothing after an error.
 */
export function createStreamDecoder(): IrStreamDecoder {
  let started = false;
  let finished = false;
  let errored = false;
  let done = false;
  let sawToolCalls = false;
  let refused = false;
  let nextIndex = 0;
  let kind = NONE;
  let current = -1;
  /** Tool call by OpenAI `tool_calls[].index`: its IR index and id. */
  const calls = new Map<number, { index: number; id: string }>();

  function partIndex(k: number): number {
    if (kind !== k) {
      kind = k;
      current = nextIndex++;
    }
    return current;
  }

  function start(c: WireChunk): IrStreamEvent {
    started = true;
    return {
      type: 'start',
      id: typeof c.id === 'string' ? c.id : '',
      model: typeof c.model === 'string' ? c.model : '',
      created: typeof c.created === 'number' ? c.created : 0,
    };
  }

  function fail(out: IrStreamEvent[], body: unknown, fallback: string): IrStreamEvent[] {
    errored = true;
    const info = decodeError(body);
    const event: IrStreamEvent = { type: 'error', message: info?.message ?? fallback };
    if (info?.code !== undefined) event.code = info.code;
    out.push(event);
    return out;
  }

  function toolCall(out: IrStreamEvent[], oaIndex: number, tc: WireToolCallDelta): void {
    const id = typeof tc.id === 'string' && tc.id !== '' ? tc.id : undefined;
    const fn = tc.function;
    let call = calls.get(oaIndex);
    if (call === undefined || (id !== undefined && id !== call.id)) {
      const index = nextIndex++;
      kind = TOOL;
      current = index;
      call = { index, id: id ?? (oaIndex === LEGACY_CALL ? 'call_legacy_0' : `call_${index}`) };
      calls.set(oaIndex, call);
      sawToolCalls = true;
      out.push({ type: 'tool-call-start', index, id: call.id, name: typeof fn?.name === 'string' ? fn.name : '' });
    }
    const args = fn?.arguments;
    if (typeof args === 'string' && args !== '') out.push({ type: 'tool-call-delta', index: call.index, arguments: args });
  }

  function choice(out: IrStreamEvent[], ch: WireChunkChoice): void {
    const d = ch.delta;
    if (d) {
      const reasoning =
        typeof d.reasoning_content === 'string' && d.reasoning_content !== '' ? d.reasoning_content : d.reasoning;
      if (typeof reasoning === 'string' && reasoning !== '') {
        out.push({ type: 'reasoning-delta', index: partIndex(REASONING), text: reasoning });
      }
      if (typeof d.content === 'string' && d.content !== '') {
        out.push({ type: 'text-delta', index: partIndex(TEXT), text: d.content });
      }
      if (typeof d.refusal === 'string' && d.refusal !== '') {
        refused = true;
        out.push({ type: 'text-delta', index: partIndex(TEXT), text: d.refusal });
      }
      const tcs = d.tool_calls;
      if (Array.isArray(tcs)) {
        for (let i = 0; i < tcs.length; i++) {
          const tc = tcs[i] as WireToolCallDelta | null | undefined;
          if (typeof tc !== 'object' || tc === null) continue;
          toolCall(out, typeof tc.index === 'number' ? tc.index : i, tc);
        }
      }
      const fc = d.function_call;
      if (typeof fc === 'object' && fc !== null) toolCall(out, LEGACY_CALL, { function: fc });
    }
    const reason = ch.finish_reason;
    if (typeof reason === 'string' && reason !== '' && !finished) {
      finished = true;
      out.push({ type: 'finish', stopReason: refused ? 'refusal' : finishReasonToIr(reason, sawToolCalls) });
    }
  }

  return {
    push(event: WireSseEvent): IrStreamEvent[] {
      const out: IrStreamEvent[] = [];
      const data = event.data;
      if (data === '[DONE]') {
        done = true;
        return out;
      }
      if (errored) return out;
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        return fail(out, undefined, event.event === 'error' ? data : `upstream sent a stream event that is not JSON: ${data.slice(0, 200)}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
      const c = parsed as WireChunk;
      if ((c.error !== undefined && c.error !== null) || event.event === 'error') {
        return fail(out, parsed, 'upstream reported an error in the stream');
      }
      const choices = c.choices;
      if (Array.isArray(choices)) {
        for (let i = 0; i < choices.length; i++) {
          const ch = choices[i] as WireChunkChoice | null | undefined;
          if (typeof ch !== 'object' || ch === null) continue;
          if (typeof ch.index === 'number' && ch.index !== 0) continue;
          choice(out, ch);
        }
      }
      if (typeof c.usage === 'object' && c.usage !== null) {
        const usage = usageToIr(c.usage as WireUsage);
        if (usage) out.push({ type: 'usage', usage });
      }
      // Azure opens with a content-filter chunk that has an empty id and no choices:
      // `start` waits for a real id or for the first event.
      if (!started && (out.length > 0 || (typeof c.id === 'string' && c.id !== ''))) out.unshift(start(c));
      return out;
    },

    end(): IrStreamEvent[] {
      if (!started || finished || errored) return [];
      finished = true;
      return [{ type: 'finish', stopReason: done ? (sawToolCalls ? 'tool-calls' : 'end') : 'error' }];
    },
  };
}
