import type { ChatMessage, IrRequest } from '@switchboard/protocol';

/**
 * Local token counting, the fallback when an upstream reports no usage: a stream
 * the client aborted, or a vendor that never sends usage. The tokenizer (o200k) is
 * loaded on first use only, so deployments whose upstreams report usage never pay its memory.
 */
type Counter = (text: string) => number;
let counter: Promise<Counter> | undefined;

function loadCounter(): Promise<Counter> {
  counter ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => (text: string) => m.countTokens(text));
  return counter;
}

export async function countTokens(text: string): Promise<number> {
  if (text.length === 0) return 0;
  return (await loadCounter())(text);
}

/** Prompt tokens as OpenAI counts chat input: content plus ~3 tokens of framing per message. */
export async function estimatePromptTokens(messages: readonly ChatMessage[]): Promise<number> {
  let text = '';
  for (const m of messages) {
    text += `${m.role}\n`;
    if (typeof m.content === 'string') text += m.content;
    else if (Array.isArray(m.content)) {
      for (const part of m.content) if (typeof part.text === 'string') text += part.text;
    }
    if (m.tool_calls) text += JSON.stringify(m.tool_calls);
    text += '\n';
  }
  return (await countTokens(text)) + messages.length * 3 + 3;
}

/** The same estimate for a request of any protocol, from its IR. */
export async function estimateIrPromptTokens(ir: IrRequest): Promise<number> {
  let text = '';
  for (const part of ir.system ?? []) text += part.text;
  for (const m of ir.messages) {
    text += `\n${m.role}\n`;
    for (const part of m.content) {
      if (part.type === 'text' || part.type === 'reasoning') text += part.text;
      else if (part.type === 'tool-call') text += part.name + part.arguments;
    }
  }
  for (const tool of ir.tools ?? []) text += tool.name + (tool.description ?? '') + JSON.stringify(tool.parameters);
  return (await countTokens(text)) + ir.messages.length * 3 + 3;
}

/**
 * Counts streamed output without keeping the whole answer: text is tokenised in slabs of
 * `slab` characters as it arrives, so memory stays bounded however long the stream is.
 * Events read on the relay's fast path are kept raw (`defer`) and their text extracted only
 * when the upstream reports no usage, or when they pile up past a slab.
 */
export class OutputCounter {
  private pending = '';
  private counted = 0;
  private output = false;
  private deferred: string[] = [];
  private deferredChars = 0;
  private extract: ((data: string) => string) | undefined;

  constructor(private readonly slab = 16_384) {}

  add(text: string): void {
    if (!text) return;
    this.output = true;
    this.pending += text;
    if (this.pending.length >= this.slab) {
      const chunk = this.pending;
      this.pending = '';
      void loadCounter().then((count) => {
        this.counted += count(chunk);
      });
    }
  }

  /** Keeps a raw event whose text is worth extracting only if local counting turns out to be needed. */
  defer(data: string, hasOutput: boolean, extract: (data: string) => string): void {
    if (!hasOutput) return;
    this.output = true;
    this.extract = extract;
    this.deferred.push(data);
    this.deferredChars += data.length;
    if (this.deferredChars >= this.slab * 4) this.drainDeferred();
  }

  /** Whether any output was produced (as opposed to an empty or role-only answer). */
  get hasOutput(): boolean {
    return this.output;
  }

  async total(): Promise<number> {
    this.drainDeferred();
    const count = await loadCounter();
    const rest = this.pending;
    this.pending = '';
    return this.counted + (rest ? count(rest) : 0);
  }

  private drainDeferred(): void {
    const events = this.deferred;
    this.deferred = [];
    this.deferredChars = 0;
    for (const data of events) this.add(this.extract!(data));
  }
}
