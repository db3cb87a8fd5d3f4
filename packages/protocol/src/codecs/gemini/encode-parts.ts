import { parseDataUrl } from '../../ir.js';
import type { IrAssistantPart, IrImagePart, IrToolCallPart, IrUserPart } from '../../ir.js';
import type { GeminiOutPart } from './schema.js';
import { audioMediaType, mediaTypeFromUrl, parseJsonObject } from './values.js';

export interface AssistantPartOptions {
  /** Put the IR tool-call id into `functionCall.id` (answers: yes; requests: no, see encode-request.ts). */
  callIds: boolean;
  /**
   * Unsigned reasoning: answers show it as a `thought: true` part; requests drop it
   * (Gemini cannot use thoughts it did not sign).
   */
  unsignedReasoning: 'thought' | 'drop';
}

/**
 * IR assistant parts → Gemini model parts.
 *
 * - text → `{text}` (empty text dropped).
 * - reasoning with a signature and text → `{text, thought: true, thoughtSignature}`.
 * - reasoning with a signature and NO text (how decode-parts.ts keeps a signature that
 *   came on a plain text part) → the signature goes onto the following text part, or, if
 *   no text follows, a signature-only `{text: "", thoughtSignature}` part.
 * - unsigned reasoning → see `unsignedReasoning`; redacted reasoning (Anthropic) is dropped.
 * - tool call → `{functionCall: {name, args}, thoughtSignature?}`; `args` is the parsed
 *   arguments object (`{}` when the arguments are not a JSON object).
 */
export function encodeAssistantParts(parts: readonly IrAssistantPart[], opts: AssistantPartOptions): GeminiOutPart[] {
  const out: GeminiOutPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    switch (part.type) {
      case 'text':
        if (part.text !== '') out.push({ text: part.text });
        break;
      case 'reasoning': {
        if (part.redacted !== undefined && part.text === '') break;
        if (part.signature === undefined) {
          if (opts.unsignedReasoning === 'thought' && part.text !== '') out.push({ text: part.text, thought: true });
          break;
        }
        if (part.text !== '') {
          out.push({ text: part.text, thought: true, thoughtSignature: part.signature });
          break;
        }
        const next = parts[i + 1];
        if (next?.type === 'text' && next.text !== '') {
          out.push({ text: next.text, thoughtSignature: part.signature });
          i++;
        } else {
          out.push({ text: '', thoughtSignature: part.signature });
        }
        break;
      }
      case 'tool-call':
        out.push(encodeFunctionCall(part, opts.callIds));
        break;
    }
  }
  return out;
}

export function encodeFunctionCall(call: IrToolCallPart, withId: boolean): GeminiOutPart {
  const functionCall: NonNullable<GeminiOutPart['functionCall']> = withId
    ? { id: call.id, name: call.name, args: parseJsonObject(call.arguments) ?? {} }
    : { name: call.name, args: parseJsonObject(call.arguments) ?? {} };
  const part: GeminiOutPart = { functionCall };
  if (call.signature !== undefined) part.thoughtSignature = call.signature;
  return part;
}

/**
 * IR user part → Gemini part; undefined when Gemini cannot take it.
 *
 * - base64 image/file and `data:` URLs → `inlineData`.
 * - other URLs → `fileData {mimeType, fileUri}`, the media type guessed from the
 *   extension (images default to image/jpeg, files to application/pdf). Gemini fetches
 *   only URIs it can read (its Files API, and for some models public http(s) URLs);
 *   anything else fails upstream.
 * - audio → `inlineData` with `audio/<format>`.
 * - file ids (OpenAI `file-…`) mean nothing to Gemini: dropped.
 */
export function encodeUserPart(part: IrUserPart | IrImagePart): GeminiOutPart | undefined {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image':
      return encodeMedia(part.source, 'image/jpeg');
    case 'file':
      if (part.source.kind === 'file-id') return undefined;
      return encodeMedia(part.source, 'application/pdf');
    case 'audio':
      return { inlineData: { mimeType: audioMediaType(part.format), data: part.data } };
  }
}

function encodeMedia(
  source: { kind: 'url'; url: string } | { kind: 'base64'; mediaType: string; data: string },
  defaultType: string,
): GeminiOutPart {
  if (source.kind === 'base64') return { inlineData: { mimeType: source.mediaType, data: source.data } };
  const inline = parseDataUrl(source.url);
  if (inline) return { inlineData: { mimeType: inline.mediaType, data: inline.data } };
  const guessed = mediaTypeFromUrl(source.url);
  const family = defaultType.slice(0, defaultType.indexOf('/') + 1);
  const mimeType = guessed !== undefined && (family !== 'image/' || guessed.startsWith(family)) ? guessed : defaultType;
  return { fileData: { mimeType, fileUri: source.url } };
}
