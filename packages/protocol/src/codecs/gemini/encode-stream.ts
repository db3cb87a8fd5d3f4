import type { IrStreamEncoder, IrStreamEncoderOptions, IrStreamEvent, IrUsage } from '../../ir.js';
import { sseData } from '../../sse.js';
import { encodeFunctionCall } from './encode-parts.js';
import { googleStatusForCode, httpStatusForGoogleStatus } from './errors.js';
import { encodeFinishReason } from './map-finish-reason.js';
import { encodeUsage } from './map-usage.js';
import type { GeminiOutPart } from './schema.js';
import type { JsonObject } from './values.js';

/**
 * IR stream events → `streamGenerateContent?alt=sse` frames, one
 * `data: <GenerateContentResponse>\n\n` per event that has something to show (Google
 * itself separates with `\r\n\r\n`; Google's SDKs accept both). No `[DONE]`: Gemini has none.
 *
 * - `start` emits nothing (its id becomes every chunk's `responseId`; `modelVersion` is
 *   the model the caller asked for).
 * - text → `{text}`; reasoning → `{text, thought: true}`.
 * - Gemini sends function calls whole, so tool calls are buffered and emitted as one
 *   `functionCall` part with complete `args` when any other part starts, at `finish`
 *   (in the finish chunk, as Gemini does) or at `end()`.
 * - `reasoning-signature` of a reasoning part that had text → a
 *   `{text: "", thought: true, thoughtSignature}` part; of a text-less reasoning part (a
 *   signature Gemini had put on a text part) → held and put on the next text part, else
 *   emitted as `{text: "", thoughtSignature}`.
 * - `finish` → a chunk with `finishReason` and the buffered calls. It is held until the
 *   next event or `end()`, so that a `usage` right after it (OpenAI and Anthropic order)
 *   lands in the same chunk, as Gemini sends it; a later `usage` → a chunk with only
 *   `usageMetadata` (plus model and id). Usage known before `finish` is in the finish chunk.
 * - `error` → `data: {"error": {code, message, status}}`.
 * - redacted reasoning has no Gemini form and is dropped.
 */
export function createStreamEncoder(opts: IrStreamEncoderOptions): IrStreamEncoder {
  return new GeminiStreamEncoder(opts.model);
}

interface BufferedCall {
  index: number;
  id: string;
  name: string;
  signature?: string;
  arguments: string;
}

class GeminiStreamEncoder implements IrStreamEncoder {
  private responseId = '';
  private readonly calls = new Map<number, BufferedCall>();
  private readonly reasoningWithText = new Set<number>();
  private heldSignature: string | undefined;
  private finished = false;
  private heldFinish: { parts: GeminiOutPart[]; reason: string } | undefined;
  private usage: IrUsage | undefined;
  private ended = false;

  constructor(private readonly model: string) {}

  push(event: IrStreamEvent): string {
    if (this.ended) return '';
    if (event.type === 'usage') {
      this.usage = event.usage;
      if (this.heldFinish) return this.releaseFinish();
      return this.finished ? this.frame({ usageMetadata: encodeUsage(event.usage) }) : '';
    }
    return this.releaseFinish() + this.encode(event);
  }

  end(): string {
    if (this.ended) return '';
    const frames = this.releaseFinish() + this.chunk([...this.flushCalls(), ...this.flushSignature()]);
    this.ended = true;
    return frames;
  }

  private encode(event: Exclude<IrStreamEvent, { type: 'usage' }>): string {
    switch (event.type) {
      case 'start':
        this.responseId = event.id;
        return '';
      case 'text-delta': {
        const parts = this.flushCalls();
        if (event.text !== '') {
          const part: GeminiOutPart = { text: event.text };
          if (this.heldSignature !== undefined) part.thoughtSignature = this.heldSignature;
          this.heldSignature = undefined;
          parts.push(part);
        }
        return this.chunk(parts);
      }
      case 'reasoning-delta': {
        const parts = [...this.flushCalls(), ...this.flushSignature()];
        if (event.text !== '') {
          this.reasoningWithText.add(event.index);
          parts.push({ text: event.text, thought: true });
        }
        return this.chunk(parts);
      }
      case 'reasoning-signature': {
        const parts = [...this.flushCalls(), ...this.flushSignature()];
        if (this.reasoningWithText.has(event.index)) {
          parts.push({ text: '', thought: true, thoughtSignature: event.signature });
        } else {
          this.heldSignature = event.signature;
        }
        return this.chunk(parts);
      }
      case 'redacted-reasoning':
        return '';
      case 'tool-call-start': {
        const frame = this.chunk(this.flushSignature());
        const call: BufferedCall = { index: event.index, id: event.id, name: event.name, arguments: '' };
        if (event.signature !== undefined) call.signature = event.signature;
        this.calls.set(event.index, call);
        return frame;
      }
      case 'tool-call-delta': {
        const call = this.calls.get(event.index);
        if (call) call.arguments += event.arguments;
        return '';
      }
      case 'finish': {
        if (this.finished) return '';
        this.finished = true;
        const parts = [...this.flushCalls(), ...this.flushSignature()];
        this.heldFinish = { parts: parts.length > 0 ? parts : [{ text: '' }], reason: encodeFinishReason(event.stopReason) };
        return '';
      }
      case 'error': {
        const flushed = this.chunk([...this.flushCalls(), ...this.flushSignature()]);
        const status = googleStatusForCode(event.code);
        const error = { code: httpStatusForGoogleStatus(status), message: event.message, status };
        return flushed + sseData(JSON.stringify({ error }));
      }
    }
  }

  private releaseFinish(): string {
    const held = this.heldFinish;
    if (!held) return '';
    this.heldFinish = undefined;
    return this.chunk(held.parts, held.reason, this.usage);
  }

  private flushCalls(): GeminiOutPart[] {
    const calls = [...this.calls.values()].sort((a, b) => a.index - b.index);
    this.calls.clear();
    return calls.map((c) => encodeFunctionCall({ type: 'tool-call', ...c }, true));
  }

  private flushSignature(): GeminiOutPart[] {
    const signature = this.heldSignature;
    this.heldSignature = undefined;
    return signature === undefined ? [] : [{ text: '', thoughtSignature: signature }];
  }

  /** One chunk with these parts; '' when there is nothing to say. */
  private chunk(parts: GeminiOutPart[], finishReason?: string, usage?: IrUsage): string {
    if (parts.length === 0 && finishReason === undefined) return '';
    const candidate: JsonObject = { content: { parts, role: 'model' } };
    if (finishReason !== undefined) candidate.finishReason = finishReason;
    candidate.index = 0;
    const body: JsonObject = { candidates: [candidate] };
    if (usage) body.usageMetadata = encodeUsage(usage);
    return this.frame(body);
  }

  private frame(body: JsonObject): string {
    body.modelVersion = this.model;
    if (this.responseId !== '') body.responseId = this.responseId;
    return sseData(JSON.stringify(body));
  }
}
