import type {
  ChatCompletionRequest,
  DroppedFeatures,
  ChatMessage,
  IrMessage,
  IrRequest,
  IrTextPart,
  IrToolMessage,
  IrUserMessage,
  IrUserPart,
} from '@switchboard/protocol';
import type { ModelCapabilities } from './model-capabilities.js';

/**
 * Adapts a request to a model that cannot take some of its input, instead of letting the
 * upstream reject it: a text-only model answers "I was sent an image I cannot read" rather
 * than the user seeing a 400 from the vendor.
 *
 * - Images, files (documents) and audio become short text placeholders, in place, so the
 *   model still knows something was attached and where.
 * - Tool definitions (and tool_choice, parallel_tool_calls) are removed.
 * - Reasoning settings (`reasoning_effort`, `thinking`, `enable_thinking` …) are removed.
 *
 * Only models whose capabilities are `known` are adapted: an unrecognized model might read
 * images, and silently dropping a user's image is worse than an upstream error. Non-chat
 * kinds are left alone too, since the request is wrong for them either way.
 *
 * Not adapted: tool calls and tool results already in the conversation history, which a
 * model without tools may also refuse; rewriting them into prose changes the conversation
 * too much to do silently.
 *
 * Both functions are pure apart from the optional `dropped` collector, which receives what
 * was replaced or removed (`content.image`, `tools`, `setting.reasoning` …) so the client is
 * told. They never mutate their input, and when nothing needs to change they return the very
 * same request object (the common case costs one scan, no copies).
 */

export const IMAGE_PLACEHOLDER = '[image omitted: this model cannot read images]';
export const VIDEO_PLACEHOLDER = '[video omitted: this model cannot watch video]';
export const AUDIO_PLACEHOLDER = '[audio omitted: this model cannot hear audio]';

/** The placeholder for a document, naming it when the request did (it helps the model answer). */
export function filePlaceholder(filename?: string | null): string {
  if (!filename) return '[file omitted: this model cannot read files]';
  // JSON quoting keeps a hostile filename from closing the bracket or adding lines.
  const name = JSON.stringify(filename.length > 100 ? `${filename.slice(0, 100)}…` : filename);
  return `[file ${name} omitted: this model cannot read files]`;
}

export interface StripIrResult {
  ir: IrRequest;
  /** One line per kind of change, for logs and response headers; empty when unchanged. */
  notes: readonly string[];
}

export interface StripOpenAIResult {
  body: ChatCompletionRequest;
  notes: readonly string[];
}

const NO_NOTES: readonly string[] = Object.freeze([]);

// What to remove, as bits, so the decision costs no allocation.
const IMAGES = 1;
const FILES = 2;
const AUDIO = 4;
const TOOLS = 8;
const REASONING = 16;

function dropMask(caps: ModelCapabilities): number {
  if (!caps.known || caps.kind !== 'chat') return 0;
  let mask = 0;
  if (!caps.vision) mask |= IMAGES;
  if (!caps.input.includes('file')) mask |= FILES;
  if (!caps.input.includes('audio')) mask |= AUDIO;
  if (!caps.tools) mask |= TOOLS;
  if (!caps.reasoning) mask |= REASONING;
  return mask;
}

/**
 * Request fields that configure reasoning, across vendors: OpenAI `reasoning_effort`,
 * OpenRouter `reasoning`, DeepSeek/Zhipu/Ark `thinking`, DashScope and SiliconFlow
 * `enable_thinking` and `thinking_budget`. A model that does not reason may reject them.
 */
const REASONING_FIELDS: readonly string[] = [
  'reasoning_effort',
  'reasoning',
  'thinking',
  'enable_thinking',
  'thinking_budget',
];

/** OpenAI Chat tool fields, legacy `functions` included. */
const TOOL_FIELDS: readonly string[] = ['tools', 'tool_choice', 'parallel_tool_calls', 'functions', 'function_call'];

class Tally {
  images = 0;
  videos = 0;
  files = 0;
  audio = 0;
  tools = false;
  reasoning = false;

  notes(): readonly string[] {
    const out: string[] = [];
    const replaced = (n: number, noun: string, why: string) => {
      if (n > 0) out.push(`replaced ${plural(n, noun)} with a placeholder: the model cannot ${why}`);
    };
    replaced(this.images, 'image', 'read images');
    replaced(this.videos, 'video', 'read images or video');
    replaced(this.files, 'file', 'read files');
    replaced(this.audio, 'audio clip', 'hear audio');
    if (this.tools) out.push('removed tool definitions and tool choice: the model does not support tool calls');
    if (this.reasoning) out.push('removed reasoning settings: the model does not reason');
    return out.length > 0 ? out : NO_NOTES;
  }

  /** The same changes as dropped-feature names. */
  record(dropped: DroppedFeatures | undefined): void {
    if (!dropped) return;
    if (this.images > 0) dropped.add('content', 'image');
    if (this.videos > 0) dropped.add('content', 'video');
    if (this.files > 0) dropped.add('content', 'file');
    if (this.audio > 0) dropped.add('content', 'audio');
    if (this.tools) dropped.add('tools');
    if (this.reasoning) dropped.add('setting', 'reasoning');
  }
}

function plural(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

// ───────────────────────────── IR ─────────────────────────────

/** The placeholder for an IR content part the model cannot take, or undefined to keep it. */
function irPlaceholder(p: IrUserPart, mask: number): string | undefined {
  switch (p.type) {
    case 'image':
      return mask & IMAGES ? IMAGE_PLACEHOLDER : undefined;
    case 'file':
      return mask & FILES ? filePlaceholder(p.filename) : undefined;
    case 'audio':
      return mask & AUDIO ? AUDIO_PLACEHOLDER : undefined;
    case 'text':
      return undefined;
  }
}

function countIr(t: Tally, p: IrUserPart): void {
  if (p.type === 'image') t.images++;
  else if (p.type === 'file') t.files++;
  else if (p.type === 'audio') t.audio++;
}

const isPlainIrText = (p: { type: string; cacheControl?: unknown }): p is IrTextPart =>
  p.type === 'text' && p.cacheControl === undefined;

/**
 * The parts with placeholders in place, or undefined when none applies. A placeholder is
 * joined to neighbouring plain text, so a message that was "text + image" becomes one text
 * part, which encoders send as a plain string: text-only vendors that reject content arrays
 * then accept it. A placeholder inherits the replaced part's cache marker, so a prompt-cache
 * breakpoint stays where the caller put it.
 */
function replaceIrParts<P extends IrUserPart>(
  parts: readonly P[],
  mask: number,
  t: Tally | undefined,
): Array<P | IrTextPart> | undefined {
  let out: Array<P | IrTextPart> | undefined;
  /** The last element of `out` holds placeholder text, so following plain text may join it. */
  let lastIsOurs = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const text = irPlaceholder(p, mask);
    if (text === undefined) {
      if (!out) continue;
      const last = out[out.length - 1];
      if (lastIsOurs && last && isPlainIrText(last) && isPlainIrText(p)) {
        out[out.length - 1] = { type: 'text', text: `${last.text}\n${p.text}` };
      } else {
        out.push(p);
      }
      // Only a placeholder joins the caller's text; two of the caller's parts never merge.
      lastIsOurs = false;
      continue;
    }
    if (!t) return []; // probing only: something would change
    countIr(t, p);
    out ??= parts.slice(0, i);
    const cache = 'cacheControl' in p ? p.cacheControl : undefined;
    const last = out[out.length - 1];
    if (cache === undefined && last && isPlainIrText(last)) {
      out[out.length - 1] = { type: 'text', text: `${last.text}\n${text}` };
    } else {
      out.push(cache === undefined ? { type: 'text', text } : { type: 'text', text, cacheControl: cache });
    }
    lastIsOurs = cache === undefined;
  }
  return out;
}

/** The message with placeholders, or undefined when it needs none. `t` undefined = probe. */
function stripIrMessage(m: IrMessage, mask: number, t: Tally | undefined): IrMessage | undefined {
  if (m.role === 'user') {
    const content = replaceIrParts(m.content, mask, t);
    if (!content) return undefined;
    const next: IrUserMessage = { ...m, content };
    return next;
  }
  if (m.role === 'tool') {
    const content = replaceIrParts(m.content, mask, t);
    if (!content) return undefined;
    // Tool results hold text and images only, and placeholders are text.
    const next: IrToolMessage = { ...m, content };
    return next;
  }
  // Assistant history holds text, reasoning and tool calls: nothing a model cannot read.
  return undefined;
}

function hasReasoningExtra(ir: IrRequest): boolean {
  const fields = ir.extra?.fields;
  return fields !== undefined && REASONING_FIELDS.some((k) => k in fields);
}

function hasIrTools(ir: IrRequest): boolean {
  return ir.tools !== undefined || ir.toolChoice !== undefined || ir.parallelToolCalls !== undefined;
}

function irNeedsChange(ir: IrRequest, mask: number): boolean {
  if (mask & TOOLS && hasIrTools(ir)) return true;
  if (mask & REASONING && (ir.reasoning !== undefined || hasReasoningExtra(ir))) return true;
  if (!(mask & (IMAGES | FILES | AUDIO))) return false;
  return ir.messages.some((m) => stripIrMessage(m, mask, undefined) !== undefined);
}

/** Adapts an IR request to what `caps` says the model can take. See the module comment. */
export function stripUnsupportedIr(ir: IrRequest, caps: ModelCapabilities, dropped?: DroppedFeatures): StripIrResult {
  const mask = dropMask(caps);
  if (mask === 0 || !irNeedsChange(ir, mask)) return { ir, notes: NO_NOTES };

  const t = new Tally();
  const out: IrRequest = { ...ir };
  if (mask & (IMAGES | FILES | AUDIO)) {
    let messages: IrMessage[] | undefined;
    for (let i = 0; i < ir.messages.length; i++) {
      const next = stripIrMessage(ir.messages[i]!, mask, t);
      if (next === undefined) continue;
      messages ??= ir.messages.slice();
      messages[i] = next;
    }
    // Copied only when a message changed: a tools-only change shares the caller's array.
    if (messages) out.messages = messages;
  }
  if (mask & TOOLS && hasIrTools(ir)) {
    delete out.tools;
    delete out.toolChoice;
    delete out.parallelToolCalls;
    t.tools = true;
  }
  if (mask & REASONING && (ir.reasoning !== undefined || hasReasoningExtra(ir))) {
    delete out.reasoning;
    // The OpenAI Chat decoder keeps spellings the IR cannot express (`reasoning_effort:
    // "none"`) and vendor fields (`enable_thinking`) in `extra`; its encoder would put them
    // back.
    if (ir.extra && hasReasoningExtra(ir)) {
      const fields = { ...ir.extra.fields };
      for (const k of REASONING_FIELDS) delete fields[k];
      if (Object.keys(fields).length > 0) out.extra = { protocol: ir.extra.protocol, fields };
      else delete out.extra;
    }
    t.reasoning = true;
  }
  t.record(dropped);
  return { ir: out, notes: t.notes() };
}

// ───────────────────────────── OpenAI Chat ─────────────────────────────

type WirePart = Exclude<ChatMessage['content'], string | null | undefined>[number];

function fileName(p: WirePart): string | undefined {
  const file = p.file;
  if (typeof file !== 'object' || file === null || !('filename' in file)) return undefined;
  return typeof file.filename === 'string' ? file.filename : undefined;
}

/** The placeholder for an OpenAI content part the model cannot take, or undefined to keep it. */
function wirePlaceholder(p: WirePart, mask: number, t: Tally | undefined): string | undefined {
  switch (p.type) {
    case 'image_url':
      if (!(mask & IMAGES)) return undefined;
      if (t) t.images++;
      return IMAGE_PLACEHOLDER;
    // DashScope and Ark take video parts; a model that cannot see images cannot see video.
    case 'video_url':
    case 'video':
      if (!(mask & IMAGES)) return undefined;
      if (t) t.videos++;
      return VIDEO_PLACEHOLDER;
    case 'file':
      if (!(mask & FILES)) return undefined;
      if (t) t.files++;
      return filePlaceholder(fileName(p));
    case 'input_audio':
      if (!(mask & AUDIO)) return undefined;
      if (t) t.audio++;
      return AUDIO_PLACEHOLDER;
    default:
      return undefined;
  }
}

/** A `{type: "text", text}` part with nothing else (no cache_control) may be joined. */
function isPlainWireText(p: WirePart): p is WirePart & { text: string } {
  if (p.type !== 'text' || typeof p.text !== 'string') return false;
  for (const k in p) if (k !== 'type' && k !== 'text') return false;
  return true;
}

/** Same contract as `replaceIrParts`, for OpenAI content arrays. */
function replaceWireParts(parts: readonly WirePart[], mask: number, t: Tally | undefined): WirePart[] | undefined {
  let out: WirePart[] | undefined;
  let lastIsOurs = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const text = wirePlaceholder(p, mask, t);
    if (text === undefined) {
      if (!out) continue;
      const last = out[out.length - 1];
      if (lastIsOurs && last && isPlainWireText(last) && isPlainWireText(p)) {
        out[out.length - 1] = { type: 'text', text: `${last.text}\n${p.text}` };
      } else {
        out.push(p);
      }
      lastIsOurs = false;
      continue;
    }
    if (!t) return [];
    out ??= parts.slice(0, i);
    const cache = p.cache_control;
    const last = out[out.length - 1];
    if (cache == null && last && isPlainWireText(last)) {
      out[out.length - 1] = { type: 'text', text: `${last.text}\n${text}` };
    } else {
      out.push(cache == null ? { type: 'text', text } : { type: 'text', text, cache_control: cache });
    }
    lastIsOurs = cache == null;
  }
  return out;
}

function stripWireMessage(m: ChatMessage, mask: number, t: Tally | undefined): ChatMessage | undefined {
  if (!Array.isArray(m.content)) return undefined;
  const parts = replaceWireParts(m.content, mask, t);
  if (!parts) return undefined;
  // One plain text part left: send a string, which every OpenAI-compatible vendor accepts
  // (some text-only ones reject content arrays).
  const only = parts.length === 1 ? parts[0] : undefined;
  return { ...m, content: only && isPlainWireText(only) ? only.text : parts };
}

function hasAny(body: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.some((k) => body[k] !== undefined);
}

/**
 * Adapts an OpenAI Chat request body to what `caps` says the model can take. See the
 * module comment; `body` is never mutated and is returned as is when nothing changes.
 */
export function stripUnsupportedOpenAI(body: ChatCompletionRequest, caps: ModelCapabilities, dropped?: DroppedFeatures): StripOpenAIResult {
  const mask = dropMask(caps);
  if (mask === 0) return { body, notes: NO_NOTES };
  const dropTools = (mask & TOOLS) !== 0 && hasAny(body, TOOL_FIELDS);
  const dropReasoning = (mask & REASONING) !== 0 && hasAny(body, REASONING_FIELDS);
  const media =
    (mask & (IMAGES | FILES | AUDIO)) !== 0 &&
    body.messages.some((m) => stripWireMessage(m, mask, undefined) !== undefined);
  if (!dropTools && !dropReasoning && !media) return { body, notes: NO_NOTES };

  const t = new Tally();
  const out: ChatCompletionRequest = { ...body };
  if (media) {
    const messages = body.messages.slice();
    for (let i = 0; i < messages.length; i++) {
      const next = stripWireMessage(messages[i]!, mask, t);
      if (next !== undefined) messages[i] = next;
    }
    out.messages = messages;
  }
  if (dropTools) {
    for (const k of TOOL_FIELDS) delete out[k];
    t.tools = true;
  }
  if (dropReasoning) {
    for (const k of REASONING_FIELDS) delete out[k];
    t.reasoning = true;
  }
  t.record(dropped);
  return { body: out, notes: t.notes() };
}
