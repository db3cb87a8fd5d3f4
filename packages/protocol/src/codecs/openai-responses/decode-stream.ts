import type { IrStreamDecoder, IrStreamEvent, WireSseEvent } from '../../ir.js';
import { decodeUsage, reasoningText } from './decode-response.js';
import { decodeError } from './errors.js';
import { stopReasonFromStatus } from './map-status.js';
import {
  argumentsDeltaEventSchema,
  argumentsDoneEventSchema,
  functionCallItemSchema,
  outputItemEventSchema,
  outputMessageSchema,
  reasoningItemSchema,
  reasoningTextDeltaEventSchema,
  reasoningTextDoneEventSchema,
  refusalDoneEventSchema,
  responseEventSchema,
  summaryDeltaEventSchema,
  summaryDoneEventSchema,
  textDeltaEventSchema,
  textDoneEventSchema,
} from './schema.js';
import type { z } from 'zod';

/**
 * Responses stream (`event: response.…` + JSON data with `type` and `sequence_number`) → IR.
 *
 * Index choice: one IR part per output ITEM that carries something. IR indexes are handed
 * out densely, in the order items produce their first IR event, so they equal `output_index`
 * whenever every item is representable (the normal case) and skip built-in tool items
 * (web_search_call …) and empty reasoning items. All content parts of one message item
 * (several output_text parts, or a refusal — rare) share the message's index and arrive as one
 * text part, exactly as decodeResponse joins them. Reasoning summary parts of one item join
 * with a blank line, again as decodeResponse does.
 *
 * `.done` events matter only when the matching deltas never came (some compatible servers
 * send just the final text): then the full text is emitted. `response.completed` /
 * `response.incomplete` give finish + usage, `response.failed` and `error` an IR error. A
 * stream that ends without any of these was cut off: end() reports an error.
 */
export function createStreamDecoder(): IrStreamDecoder {
  return new ResponsesStreamDecoder();
}

interface ItemState {
  kind: string;
  /** IR index, once the item emitted something. */
  index?: number;
  /** Something was emitted for this content (key: content/summary index). */
  seen: Set<string>;
  /** Text emitted so far (reasoning: to know when a separator is due). */
  text: string;
  lastSummary?: number;
  /** function_call: tool-call-start was emitted. */
  started: boolean;
}

class ResponsesStreamDecoder implements IrStreamDecoder {
  private started = false;
  private terminal = false;
  private nextIndex = 0;
  private readonly items = new Map<number, ItemState>();
  private sawToolCall = false;
  private sawRefusal = false;

  push(event: WireSseEvent): IrStreamEvent[] {
    if (this.terminal) return [];
    const data = parseJson(event.data);
    if (data === undefined) return [];
    const type = eventType(data) ?? event.event;
    const out: IrStreamEvent[] = [];
    switch (type) {
      case 'response.created':
      case 'response.in_progress':
      case 'response.queued':
        this.start(data, out);
        break;
      case 'response.output_item.added':
        this.itemAdded(data, out);
        break;
      case 'response.output_item.done':
        this.itemDone(data, out);
        break;
      case 'response.output_text.delta':
      case 'response.refusal.delta': {
        const e = textDeltaEventSchema.safeParse(data);
        if (!e.success) break;
        if (type === 'response.refusal.delta') this.sawRefusal = true;
        this.text(e.data.output_index, `c${e.data.content_index ?? 0}`, e.data.delta, out);
        break;
      }
      case 'response.output_text.done': {
        const e = textDoneEventSchema.safeParse(data);
        if (e.success) this.textDone(e.data.output_index, `c${e.data.content_index ?? 0}`, e.data.text, out);
        break;
      }
      case 'response.refusal.done': {
        const e = refusalDoneEventSchema.safeParse(data);
        if (!e.success) break;
        this.sawRefusal = true;
        this.textDone(e.data.output_index, `c${e.data.content_index ?? 0}`, e.data.refusal, out);
        break;
      }
      case 'response.function_call_arguments.delta': {
        const e = argumentsDeltaEventSchema.safeParse(data);
        if (e.success) this.argsDelta(e.data.output_index, e.data.delta, out);
        break;
      }
      case 'response.function_call_arguments.done': {
        const e = argumentsDoneEventSchema.safeParse(data);
        if (!e.success) break;
        const item = this.items.get(e.data.output_index);
        if (item?.started && item.text === '') this.argsDelta(e.data.output_index, e.data.arguments, out);
        break;
      }
      case 'response.reasoning_summary_text.delta': {
        const e = summaryDeltaEventSchema.safeParse(data);
        if (e.success) this.reasoning(e.data.output_index, e.data.summary_index ?? 0, e.data.delta, out);
        break;
      }
      case 'response.reasoning_summary_text.done': {
        const e = summaryDoneEventSchema.safeParse(data);
        if (!e.success) break;
        const s = e.data.summary_index ?? 0;
        if (!this.item(e.data.output_index).seen.has(`s${s}`)) this.reasoning(e.data.output_index, s, e.data.text, out);
        break;
      }
      case 'response.reasoning_text.delta': {
        const e = reasoningTextDeltaEventSchema.safeParse(data);
        if (e.success) this.reasoningRaw(e.data.output_index, e.data.content_index ?? 0, e.data.delta, out);
        break;
      }
      case 'response.reasoning_text.done': {
        const e = reasoningTextDoneEventSchema.safeParse(data);
        if (!e.success) break;
        const c = e.data.content_index ?? 0;
        if (!this.item(e.data.output_index).seen.has(`r${c}`)) this.reasoningRaw(e.data.output_index, c, e.data.text, out);
        break;
      }
      case 'response.completed':
      case 'response.incomplete':
        this.finish(data, out);
        break;
      case 'response.failed':
      case 'error': {
        const err = decodeError(data) ?? { message: 'the upstream reported an error' };
        out.push({ type: 'error', message: err.message, ...(err.code ? { code: err.code } : {}) });
        this.terminal = true;
        break;
      }
      default:
        // content_part.*, reasoning_summary_part.*, annotation, built-in tool progress … add nothing.
        break;
    }
    return out;
  }

  end(): IrStreamEvent[] {
    if (this.terminal) return [];
    this.terminal = true;
    return [
      {
        type: 'error',
        message: 'the upstream stream ended before response.completed',
        code: 'stream_incomplete',
      },
    ];
  }

  // ───────────────────────────── helpers ─────────────────────────────

  private item(outputIndex: number, kind = 'unknown'): ItemState {
    let state = this.items.get(outputIndex);
    if (!state) {
      state = { kind, seen: new Set(), text: '', started: false };
      this.items.set(outputIndex, state);
    }
    return state;
  }

  private indexOf(state: ItemState): number {
    if (state.index === undefined) state.index = this.nextIndex++;
    return state.index;
  }

  /** Read by hand: a start must not be lost to one odd field in the initial response object. */
  private start(data: unknown, out: IrStreamEvent[]): void {
    if (this.started) return;
    this.started = true;
    const r = isRecord(data) && isRecord(data.response) ? data.response : {};
    out.push({
      type: 'start',
      id: typeof r.id === 'string' ? r.id : '',
      model: typeof r.model === 'string' ? r.model : '',
      created: typeof r.created_at === 'number' ? r.created_at : 0,
    });
  }

  private itemAdded(data: unknown, out: IrStreamEvent[]): void {
    const e = outputItemEventSchema.safeParse(data);
    if (!e.success) return;
    const state = this.item(e.data.output_index, e.data.item.type);
    state.kind = e.data.item.type;
    if (state.kind === 'function_call') this.callStart(state, e.data.item, out);
  }

  private callStart(state: ItemState, raw: unknown, out: IrStreamEvent[]): void {
    const call = functionCallItemSchema.safeParse(raw);
    if (!call.success || state.started) return;
    state.started = true;
    this.sawToolCall = true;
    out.push({ type: 'tool-call-start', index: this.indexOf(state), id: call.data.call_id, name: call.data.name });
    if (call.data.arguments !== '') {
      state.text += call.data.arguments;
      out.push({ type: 'tool-call-delta', index: this.indexOf(state), arguments: call.data.arguments });
    }
  }

  private itemDone(data: unknown, out: IrStreamEvent[]): void {
    const e = outputItemEventSchema.safeParse(data);
    if (!e.success) return;
    const state = this.item(e.data.output_index, e.data.item.type);
    const raw: unknown = e.data.item;
    if (e.data.item.type === 'function_call') {
      // A server that skipped output_item.added / argument deltas: the done item has it all.
      if (!state.started) {
        const call = functionCallItemSchema.safeParse(raw);
        if (call.success) {
          this.callStart(state, { ...call.data, arguments: '' }, out);
          this.argsDelta(e.data.output_index, call.data.arguments || '{}', out);
        }
      }
    } else if (e.data.item.type === 'message') {
      if (state.seen.size > 0) return;
      const msg = outputMessageSchema.safeParse(raw);
      if (!msg.success) return;
      msg.data.content.forEach((p, i) => {
        const text = typeof p.text === 'string' ? p.text : typeof p.refusal === 'string' ? p.refusal : '';
        if (p.type === 'refusal') this.sawRefusal = true;
        this.text(e.data.output_index, `c${i}`, text, out);
      });
    } else if (e.data.item.type === 'reasoning') {
      const item = reasoningItemSchema.safeParse(raw);
      if (!item.success) return;
      if (state.seen.size === 0) {
        const text = reasoningText(item.data.summary ?? [], item.data.content ?? []);
        if (text !== '') this.reasoningRaw(e.data.output_index, 0, text, out);
      }
      if (item.data.encrypted_content) {
        out.push({ type: 'reasoning-signature', index: this.indexOf(state), signature: item.data.encrypted_content });
      }
    }
  }

  private text(outputIndex: number, key: string, delta: string, out: IrStreamEvent[]): void {
    if (delta === '') return;
    const state = this.item(outputIndex, 'message');
    state.seen.add(key);
    state.text += delta;
    out.push({ type: 'text-delta', index: this.indexOf(state), text: delta });
  }

  private textDone(outputIndex: number, key: string, text: string, out: IrStreamEvent[]): void {
    if (!this.item(outputIndex, 'message').seen.has(key)) this.text(outputIndex, key, text, out);
  }

  private argsDelta(outputIndex: number, delta: string, out: IrStreamEvent[]): void {
    const state = this.items.get(outputIndex);
    // Arguments without a started call (no call_id / name yet) cannot be placed.
    if (!state?.started || delta === '') return;
    state.text += delta;
    out.push({ type: 'tool-call-delta', index: this.indexOf(state), arguments: delta });
  }

  /** Summary text; a new summary part after earlier text starts with a blank line. */
  private reasoning(outputIndex: number, summaryIndex: number, delta: string, out: IrStreamEvent[]): void {
    if (delta === '') return;
    const state = this.item(outputIndex, 'reasoning');
    let text = delta;
    if (state.lastSummary !== undefined && state.lastSummary !== summaryIndex && state.text !== '') text = `\n\n${delta}`;
    state.lastSummary = summaryIndex;
    state.seen.add(`s${summaryIndex}`);
    state.text += text;
    out.push({ type: 'reasoning-delta', index: this.indexOf(state), text });
  }

  /** Raw reasoning text (`reasoning_text`), appended as it comes. */
  private reasoningRaw(outputIndex: number, contentIndex: number, delta: string, out: IrStreamEvent[]): void {
    if (delta === '') return;
    const state = this.item(outputIndex, 'reasoning');
    state.seen.add(`r${contentIndex}`);
    state.text += delta;
    out.push({ type: 'reasoning-delta', index: this.indexOf(state), text: delta });
  }

  private finish(data: unknown, out: IrStreamEvent[]): void {
    this.terminal = true;
    const e = responseEventSchema.safeParse(data);
    const r = e.success ? e.data.response : undefined;
    const output = r?.output ?? [];
    const stopReason = stopReasonFromStatus({
      status: r?.status ?? (eventType(data) === 'response.incomplete' ? 'incomplete' : 'completed'),
      incompleteReason: r?.incomplete_details?.reason,
      hasToolCalls: this.sawToolCall || output.some((o) => o.type === 'function_call'),
      hasRefusal: this.sawRefusal || output.some((o) => o.type === 'message' && hasRefusalPart(o)),
    });
    out.push({ type: 'finish', stopReason });
    if (r?.usage) out.push({ type: 'usage', usage: decodeUsage(r.usage) });
  }
}

type Loose = z.infer<typeof outputItemEventSchema>['item'];

function hasRefusalPart(item: Loose): boolean {
  return Array.isArray(item.content) && item.content.some((p: unknown) => isRecord(p) && p.type === 'refusal');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function eventType(data: unknown): string | undefined {
  return isRecord(data) && typeof data.type === 'string' ? data.type : undefined;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '[DONE]') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}
