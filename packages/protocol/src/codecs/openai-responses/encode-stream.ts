import type {
  IrStopReason,
  IrStreamEncoder,
  IrStreamEncoderOptions,
  IrStreamEvent,
  IrUsage,
} from '../../ir.js';
import { reasoningItem, responseBody, responseIds, type ResponseIds } from './encode-response.js';
import { statusFromStopReason } from './map-status.js';
import type { ResponsesOutputItem } from './schema.js';

/**
 * IR stream → Responses stream, in the order OpenAI sends it (and the `openai` SDK's
 * `responses.stream()` accumulator requires):
 *
 *   response.created, response.in_progress,
 *   per item: response.output_item.added
 *     message:   content_part.added, output_text.delta…, output_text.done, content_part.done
 *     reasoning: reasoning_summary_part.added, reasoning_summary_text.delta…,
 *                reasoning_summary_text.done, reasoning_summary_part.done
 *     function:  function_call_arguments.delta…, function_call_arguments.done
 *   response.output_item.done (the full item),
 *   response.completed | response.incomplete | response.failed (the full response + usage).
 *
 * An item opens with the first event of a new IR index and closes when another item opens or
 * at finish. A delta for an item already closed (IR allows interleaving; no supported upstream
 * does it) is still sent and kept in the final output. Every frame is
 * `event: <type>\ndata: <json>\n\n`, `sequence_number` counts from 0, there is no [DONE].
 *
 * Usage from an OpenAI Chat upstream arrives AFTER finish, so the final event waits for a
 * usage event after finish, or for end(). `error` → an `error` event, then `response.failed`
 * so the SDK's snapshot ends as failed; nothing follows. Events before `start` (including an
 * early error) first announce a response with id `resp_switchboard`.
 * Redacted reasoning has no Responses form and is dropped; the stream cannot know an answer
 * will be a refusal, so refusal text streams as output_text.
 */
export function createStreamEncoder(opts: IrStreamEncoderOptions): IrStreamEncoder {
  return new ResponsesStreamEncoder(opts.model);
}

type Item =
  | { kind: 'message'; outputIndex: number; id: string; text: string; open: boolean }
  | { kind: 'reasoning'; outputIndex: number; id: string; text: string; open: boolean; signature?: string }
  | { kind: 'function_call'; outputIndex: number; id: string; text: string; open: boolean; callId: string; name: string };

class ResponsesStreamEncoder implements IrStreamEncoder {
  private seq = 0;
  private ids: ResponseIds = responseIds('switchboard');
  private created = 0;
  private started = false;
  /** The final event (or an error) was sent; nothing more is written. */
  private closed = false;
  private stopReason: IrStopReason | undefined;
  private usage: IrUsage | undefined;
  private readonly items: Item[] = [];
  private readonly byIndex = new Map<number, Item>();
  private current: Item | undefined;

  constructor(private readonly model: string) {}

  push(event: IrStreamEvent): string {
    if (this.closed) return '';
    let out = '';
    // Clients (the SDK's stream helper) need response.created first, even before an early error.
    if (event.type !== 'start' && !this.started) out += this.start('switchboard', 0);
    switch (event.type) {
      case 'start':
        if (!this.started) out += this.start(event.id, event.created);
        break;
      case 'text-delta': {
        if (event.text === '') break;
        const { item, frames } = this.open(event.index, 'message');
        out += frames;
        if (item.kind !== 'message') break;
        item.text += event.text;
        out += this.frame('response.output_text.delta', {
          item_id: item.id,
          output_index: item.outputIndex,
          content_index: 0,
          delta: event.text,
          logprobs: [],
        });
        break;
      }
      case 'reasoning-delta': {
        if (event.text === '') break;
        const { item, frames } = this.open(event.index, 'reasoning');
        out += frames;
        if (item.kind !== 'reasoning') break;
        if (item.text === '') {
          out += this.frame('response.reasoning_summary_part.added', {
            item_id: item.id,
            output_index: item.outputIndex,
            summary_index: 0,
            part: { type: 'summary_text', text: '' },
          });
        }
        item.text += event.text;
        out += this.frame('response.reasoning_summary_text.delta', {
          item_id: item.id,
          output_index: item.outputIndex,
          summary_index: 0,
          delta: event.text,
        });
        break;
      }
      case 'reasoning-signature': {
        const { item, frames } = this.open(event.index, 'reasoning');
        out += frames;
        if (item.kind === 'reasoning') item.signature = event.signature;
        break;
      }
      case 'tool-call-start': {
        if (this.byIndex.has(event.index)) break;
        out += this.closeCurrent();
        const item: Item = {
          kind: 'function_call',
          outputIndex: this.items.length,
          id: this.ids.item('fc', this.items.length),
          text: '',
          open: true,
          callId: event.id,
          name: event.name,
        };
        out += this.add(event.index, item);
        break;
      }
      case 'tool-call-delta': {
        const item = this.byIndex.get(event.index);
        if (item?.kind !== 'function_call' || event.arguments === '') break;
        item.text += event.arguments;
        out += this.frame('response.function_call_arguments.delta', {
          item_id: item.id,
          output_index: item.outputIndex,
          delta: event.arguments,
        });
        break;
      }
      case 'redacted-reasoning':
        break;
      case 'finish':
        out += this.closeCurrent();
        this.stopReason = event.stopReason;
        break;
      case 'usage':
        this.usage = event.usage;
        if (this.stopReason) out += this.final();
        break;
      case 'error': {
        // Open items stay open (status 'incomplete' in the failed response): they did not finish.
        out += this.frame('error', { code: event.code ?? null, message: event.message, param: null });
        const response = this.response('error');
        response.error = { code: event.code ?? 'server_error', message: event.message };
        out += this.frame('response.failed', { response });
        this.closed = true;
        break;
      }
    }
    return out;
  }

  end(): string {
    if (this.closed || !this.started) {
      this.closed = true;
      return '';
    }
    return this.closeCurrent() + this.final();
  }

  // ───────────────────────────── frames ─────────────────────────────

  private frame(type: string, fields: Record<string, unknown>): string {
    const data = JSON.stringify({ type, sequence_number: this.seq++, ...fields });
    return `event: ${type}\ndata: ${data}\n\n`;
  }

  private start(id: string, created: number): string {
    this.started = true;
    this.ids = responseIds(id);
    this.created = created;
    const response = this.response(undefined);
    return this.frame('response.created', { response }) + this.frame('response.in_progress', { response });
  }

  private response(stopReason: IrStopReason | undefined) {
    return responseBody({
      id: this.ids.response,
      created: this.created,
      model: this.model,
      stopReason,
      output: stopReason ? this.items.map(full) : [],
      usage: stopReason ? this.usage : undefined,
    });
  }

  private final(): string {
    const stop = this.stopReason ?? 'end';
    this.closed = true;
    return this.frame(statusFromStopReason(stop).event, { response: this.response(stop) });
  }

  /** The item for an IR index; a new index closes the current item and opens one of `kind`. */
  private open(index: number, kind: 'message' | 'reasoning'): { item: Item; frames: string } {
    const existing = this.byIndex.get(index);
    if (existing) return { item: existing, frames: '' };
    const closing = this.closeCurrent();
    const n = this.items.length;
    const item: Item =
      kind === 'message'
        ? { kind, outputIndex: n, id: this.ids.item('msg', n), text: '', open: true }
        : { kind, outputIndex: n, id: this.ids.item('rs', n), text: '', open: true };
    return { item, frames: closing + this.add(index, item) };
  }

  private add(index: number, item: Item): string {
    this.items.push(item);
    this.byIndex.set(index, item);
    this.current = item;
    let out = this.frame('response.output_item.added', { output_index: item.outputIndex, item: pending(item) });
    if (item.kind === 'message') {
      out += this.frame('response.content_part.added', {
        item_id: item.id,
        output_index: item.outputIndex,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      });
    }
    return out;
  }

  private closeCurrent(): string {
    const item = this.current;
    this.current = undefined;
    if (!item?.open) return '';
    item.open = false;
    const at = { item_id: item.id, output_index: item.outputIndex };
    let out = '';
    if (item.kind === 'message') {
      out += this.frame('response.output_text.done', { ...at, content_index: 0, text: item.text, logprobs: [] });
      out += this.frame('response.content_part.done', {
        ...at,
        content_index: 0,
        part: { type: 'output_text', text: item.text, annotations: [] },
      });
    } else if (item.kind === 'reasoning') {
      if (item.text !== '') {
        out += this.frame('response.reasoning_summary_text.done', { ...at, summary_index: 0, text: item.text });
        out += this.frame('response.reasoning_summary_part.done', {
          ...at,
          summary_index: 0,
          part: { type: 'summary_text', text: item.text },
        });
      }
    } else {
      out += this.frame('response.function_call_arguments.done', { ...at, name: item.name, arguments: item.text });
    }
    return out + this.frame('response.output_item.done', { output_index: item.outputIndex, item: full(item) });
  }
}

/** The item as announced by output_item.added. */
function pending(item: Item): ResponsesOutputItem {
  switch (item.kind) {
    case 'message':
      return { id: item.id, type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    case 'reasoning':
      return { id: item.id, type: 'reasoning', summary: [] };
    case 'function_call':
      return {
        id: item.id,
        type: 'function_call',
        status: 'in_progress',
        arguments: '',
        call_id: item.callId,
        name: item.name,
      };
  }
}

/** The item as it stands (output_item.done and the final response); still open = 'incomplete'. */
function full(item: Item): ResponsesOutputItem {
  const status = item.open ? 'incomplete' : 'completed';
  switch (item.kind) {
    case 'message':
      return {
        id: item.id,
        type: 'message',
        status,
        role: 'assistant',
        content: [{ type: 'output_text', text: item.text, annotations: [] }],
      };
    case 'reasoning':
      return reasoningItem(item.id, item.text, item.signature);
    case 'function_call':
      return {
        id: item.id,
        type: 'function_call',
        status,
        arguments: item.text,
        call_id: item.callId,
        name: item.name,
      };
  }
}
