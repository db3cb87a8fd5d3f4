import { openaiChatCodec, type IrAssistantPart, type IrResponse, type IrStopReason, type IrStreamEvent, type IrUsage } from '@switchboard/protocol';
import type { CachedAnswer } from './cached-answer.js';

/**
 * What one attempt delivered, collected for the response cache while it is delivered.
 * The attempt hands over whatever it already has — IR stream events and IR answers on the
 * converting paths, the raw OpenAI JSON or stream events on the byte-forwarding fast path —
 * and nothing is decoded until `answer()`, after the caller has been served. Collection
 * stops (and nothing is stored) past `maxChars` of input, so a huge answer costs no memory.
 */
export class AnswerCapture {
  private readonly builder = new AnswerBuilder();
  private response: IrResponse | undefined;
  private json: string | undefined;
  private frames: string[] | undefined;
  private chars = 0;
  private spoiled = false;

  constructor(private readonly maxChars: number) {}

  /** An IR stream event as the attempt metered it. */
  event(e: IrStreamEvent): void {
    if (this.spoiled) return;
    if (e.type === 'text-delta' || e.type === 'reasoning-delta') this.grow(e.text.length);
    else if (e.type === 'tool-call-delta') this.grow(e.arguments.length);
    else if (e.type === 'redacted-reasoning') this.grow(e.data.length);
    this.builder.push(e);
  }

  /** A whole IR answer (non-stream converting path). */
  irResponse(r: IrResponse): void {
    this.response = r;
  }

  /** The OpenAI Chat answer exactly as the upstream wrote it (fast path). */
  openaiJson(text: string): void {
    if (text.length <= this.maxChars) this.json = text;
    else this.spoiled = true;
  }

  /** One OpenAI Chat stream event's data, `[DONE]` included (fast path). */
  openaiFrame(data: string): void {
    if (this.spoiled) return;
    this.grow(data.length);
    if (!this.spoiled) (this.frames ??= []).push(data);
  }

  /** The complete answer, or undefined when it is not one to store (unfinished, an error, too big, empty). */
  answer(): CachedAnswer | undefined {
    if (this.spoiled) return undefined;
    if (this.response) return fromResponse(this.response);
    if (this.json !== undefined) {
      try {
        return fromResponse(openaiChatCodec.decodeResponse(JSON.parse(this.json)));
      } catch {
        return undefined;
      }
    }
    if (this.frames) {
      const decoder = openaiChatCodec.createStreamDecoder();
      for (const data of this.frames) for (const e of decoder.push({ data })) this.builder.push(e);
      for (const e of decoder.end()) this.builder.push(e);
      this.frames = undefined;
    }
    return this.builder.build();
  }

  private grow(n: number): void {
    this.chars += n;
    if (this.chars > this.maxChars) {
      this.spoiled = true;
      this.frames = undefined;
    }
  }
}

function fromResponse(r: IrResponse): CachedAnswer | undefined {
  if (r.stopReason === 'error' || r.content.length === 0) return undefined;
  const content = r.content.map(plainPart);
  return withOptional({ id: r.id, content, stopReason: r.stopReason }, r.stopSequence, r.usage);
}

/** The part without request-side markers (Anthropic cache_control). */
function plainPart(p: IrAssistantPart): IrAssistantPart {
  if (p.type !== 'text' || !p.cacheControl) return p;
  return { type: 'text', text: p.text };
}

function withOptional(base: CachedAnswer, stopSequence: string | undefined, usage: IrUsage | undefined): CachedAnswer {
  const out: CachedAnswer = { ...base };
  if (stopSequence !== undefined) out.stopSequence = stopSequence;
  if (usage) out.usage = usage;
  return out;
}

/**
 * IR stream events → the answer they spell. Parts are keyed by their IR index (the position
 * in the final content, in the order parts start); the last usage event is the total.
 */
class AnswerBuilder {
  private readonly parts = new Map<number, IrAssistantPart>();
  private id = '';
  private stop: IrStopReason | undefined;
  private stopSequence: string | undefined;
  private usage: IrUsage | undefined;
  private failed = false;

  push(e: IrStreamEvent): void {
    switch (e.type) {
      case 'start':
        this.id = e.id;
        break;
      case 'text-delta': {
        const part = this.parts.get(e.index);
        if (part?.type === 'text') part.text += e.text;
        else this.parts.set(e.index, { type: 'text', text: e.text });
        break;
      }
      case 'reasoning-delta':
        this.reasoning(e.index).text += e.text;
        break;
      case 'reasoning-signature':
        this.reasoning(e.index).signature = e.signature;
        break;
      case 'redacted-reasoning':
        this.reasoning(e.index).redacted = e.data;
        break;
      case 'tool-call-start':
        this.parts.set(e.index, { type: 'tool-call', id: e.id, name: e.name, arguments: '', ...(e.signature ? { signature: e.signature } : {}) });
        break;
      case 'tool-call-delta': {
        const part = this.parts.get(e.index);
        if (part?.type === 'tool-call') part.arguments += e.arguments;
        break;
      }
      case 'finish':
        this.stop = e.stopReason;
        if (e.stopSequence !== undefined) this.stopSequence = e.stopSequence;
        break;
      case 'usage':
        this.usage = e.usage;
        break;
      case 'error':
        this.failed = true;
        break;
    }
  }

  /** The answer once it finished normally; undefined after an error, without a finish, or when empty. */
  build(): CachedAnswer | undefined {
    const stop = this.stop;
    if (this.failed || stop === undefined || stop === 'error' || this.parts.size === 0) return undefined;
    const content = [...this.parts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, p]) => (p.type === 'tool-call' && p.arguments === '' ? { ...p, arguments: '{}' } : p));
    return withOptional({ id: this.id, content, stopReason: stop }, this.stopSequence, this.usage);
  }

  private reasoning(index: number): Extract<IrAssistantPart, { type: 'reasoning' }> {
    const part = this.parts.get(index);
    if (part?.type === 'reasoning') return part;
    const fresh: Extract<IrAssistantPart, { type: 'reasoning' }> = { type: 'reasoning', text: '' };
    this.parts.set(index, fresh);
    return fresh;
  }
}
