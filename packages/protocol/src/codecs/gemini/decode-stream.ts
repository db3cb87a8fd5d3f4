import type { IrStreamDecoder, IrStreamEvent, WireSseEvent } from '../../ir.js';
import { firstCandidate } from './decode-response.js';
import { decodeError } from './errors.js';
import { BLOCKED_PROMPT_STOP_REASON, decodeFinishReason } from './map-finish-reason.js';
import { decodeUsage } from './map-usage.js';
import { generateContentResponseSchema, type GeminiPart } from './schema.js';
import { answerCallId, stableId, unixSeconds } from './values.js';

/**
 * `streamGenerateContent?alt=sse` → IR stream events.
 *
 * Each `data:` is a whole GenerateContentResponse holding only the NEW parts. Gemini has
 * no start event, no per-part indexes and no `[DONE]`:
 * - the first chunk emits `start` (id = `responseId`, else a hash of that chunk; model =
 *   `modelVersion`);
 * - IR indexes are assigned here: a new index whenever the kind (text / reasoning) changes,
 *   for every function call, and after a reasoning part got its signature;
 * - a `functionCall` part arrives whole → `tool-call-start` + one `tool-call-delta` with
 *   the complete JSON arguments;
 * - `thoughtSignature` → `reasoning-signature` of the thought part it is on, the
 *   tool call's `signature`, or — on a plain (often empty) text part — a `reasoning-
 *   signature` opening a new, text-less reasoning part just before that text, exactly like
 *   decode-parts.ts does for whole answers;
 * - `finishReason` → `finish` (`STOP` with function calls → `tool-calls`), once;
 * - `usageMetadata` (often on every chunk, growing) → `usage` whenever it changes, after
 *   any `finish` of the same chunk; the last one is the total;
 * - `{"error": {code, message, status}}` → `error` (code = the Google status), after
 *   which the stream is over;
 * - a stream that ends without `finishReason` (and without error) is finished by `end()`.
 */
export function createStreamDecoder(): IrStreamDecoder {
  return new GeminiStreamDecoder();
}

type PartKind = 'text' | 'reasoning' | 'tool';

class GeminiStreamDecoder implements IrStreamDecoder {
  private started = false;
  private id = '';
  private nextIndex = 0;
  private open: { kind: PartKind; index: number; signed: boolean } | undefined;
  private generatedIds = 0;
  private sawToolCall = false;
  private finished = false;
  private failed = false;
  private ended = false;
  private lastUsage: string | undefined;

  push(event: WireSseEvent): IrStreamEvent[] {
    if (this.failed || this.ended) return [];
    const data = event.data.trim();
    if (data === '' || data === '[DONE]') return [];
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      this.failed = true;
      return [{ type: 'error', message: `Gemini stream: a data event is not JSON: ${data.slice(0, 200)}` }];
    }
    const out: IrStreamEvent[] = [];
    for (const chunk of Array.isArray(payload) ? payload : [payload]) {
      if (this.failed) break;
      this.chunk(chunk, data, out);
    }
    return out;
  }

  end(): IrStreamEvent[] {
    if (this.ended) return [];
    this.ended = true;
    if (!this.started || this.finished || this.failed) return [];
    this.finished = true;
    return [{ type: 'finish', stopReason: this.sawToolCall ? 'tool-calls' : 'end' }];
  }

  private chunk(chunk: unknown, raw: string, out: IrStreamEvent[]): void {
    const error = decodeError(chunk);
    if (error) {
      this.failed = true;
      const code = error.type ?? error.code;
      out.push(code === undefined ? { type: 'error', message: error.message } : { type: 'error', message: error.message, code });
      return;
    }
    const parsed = generateContentResponseSchema.safeParse(chunk);
    if (!parsed.success) {
      this.failed = true;
      const issue = parsed.error.issues[0];
      out.push({ type: 'error', message: `Gemini stream: unexpected chunk (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})` });
      return;
    }
    const res = parsed.data;
    if (!this.started) {
      this.started = true;
      this.id = res.responseId ?? stableId(raw);
      out.push({ type: 'start', id: this.id, model: res.modelVersion ?? '', created: unixSeconds(res.createTime) });
    }
    const candidate = firstCandidate(res.candidates);
    for (const part of candidate?.content?.parts ?? []) this.part(part, out);
    if (!this.finished) {
      if (candidate?.finishReason !== undefined) {
        this.finished = true;
        out.push({ type: 'finish', stopReason: decodeFinishReason(candidate.finishReason, this.sawToolCall) });
      } else if (candidate === undefined && res.promptFeedback?.blockReason !== undefined) {
        this.finished = true;
        out.push({ type: 'finish', stopReason: BLOCKED_PROMPT_STOP_REASON });
      }
    }
    if (res.usageMetadata) {
      const usage = decodeUsage(res.usageMetadata);
      const key = JSON.stringify(usage);
      if (key !== this.lastUsage) {
        this.lastUsage = key;
        out.push({ type: 'usage', usage });
      }
    }
  }

  private part(part: GeminiPart, out: IrStreamEvent[]): void {
    const signature = part.thoughtSignature;
    if (part.functionCall) {
      const call = part.functionCall;
      const index = this.openPart('tool');
      this.sawToolCall = true;
      const id = call.id ?? answerCallId(this.id, ++this.generatedIds);
      out.push(
        signature === undefined
          ? { type: 'tool-call-start', index, id, name: call.name }
          : { type: 'tool-call-start', index, id, name: call.name, signature },
        { type: 'tool-call-delta', index, arguments: JSON.stringify(call.args ?? {}) },
      );
    } else if (part.text !== undefined && part.thought === true) {
      if (part.text === '' && signature === undefined) return;
      const index = this.currentPart('reasoning');
      if (part.text !== '') out.push({ type: 'reasoning-delta', index, text: part.text });
      if (signature !== undefined) this.sign(index, signature, out);
    } else {
      if (signature !== undefined) this.sign(this.openPart('reasoning'), signature, out);
      if (part.text !== undefined && part.text !== '') {
        out.push({ type: 'text-delta', index: this.currentPart('text'), text: part.text });
      }
    }
  }

  private sign(index: number, signature: string, out: IrStreamEvent[]): void {
    out.push({ type: 'reasoning-signature', index, signature });
    if (this.open) this.open.signed = true;
  }

  /** The open part's index when it is of `kind` and can grow, else a new part's. */
  private currentPart(kind: 'text' | 'reasoning'): number {
    const open = this.open;
    if (open && open.kind === kind && !open.signed) return open.index;
    return this.openPart(kind);
  }

  private openPart(kind: PartKind): number {
    const index = this.nextIndex++;
    this.open = { kind, index, signed: false };
    return index;
  }
}
