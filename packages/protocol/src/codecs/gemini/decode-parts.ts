import type { DroppedFeatures } from '../../dropped.js';
import type { IrAssistantPart, IrAudioPart, IrFilePart, IrImagePart, IrReasoningPart, IrToolCallPart } from '../../ir.js';
import type { GeminiBlob, GeminiFileData, GeminiPart } from './schema.js';
import { audioFormatFromMediaType, mediaTypeFromUrl } from './values.js';

/**
 * Gemini parts → IR parts, shared by request, response and (per part) stream decoding.
 *
 * Thought signatures. Gemini attaches `thoughtSignature` to whichever part ends a thinking
 * step: a `functionCall` part (→ the IR tool call's `signature`), a `thought: true` part
 * (→ that reasoning part's `signature`), or a plain text part — often the last one, and in
 * streams an empty `{"text": "", "thoughtSignature": …}` part. IR text parts carry no
 * signature, so a signature on a plain text part becomes an empty reasoning part
 * `{type: 'reasoning', text: '', signature}` placed just BEFORE that text; the encoders
 * put it back on the following text part (see encode-parts.ts), so Gemini → Gemini keeps
 * the signature on the exact part it came on.
 */
export function decodeModelParts(parts: readonly GeminiPart[], nextCallId: () => string, dropped?: DroppedFeatures): IrAssistantPart[] {
  const out: IrAssistantPart[] = [];
  for (const part of parts) {
    const signature = part.thoughtSignature;
    if (part.functionCall) {
      const call = part.functionCall;
      const toolCall: IrToolCallPart = {
        type: 'tool-call',
        id: call.id ?? nextCallId(),
        name: call.name,
        arguments: JSON.stringify(call.args ?? {}),
      };
      if (signature !== undefined) toolCall.signature = signature;
      out.push(toolCall);
    } else if (part.text !== undefined && part.thought === true) {
      if (part.text === '' && signature === undefined) continue;
      const reasoning: IrReasoningPart = { type: 'reasoning', text: part.text };
      if (signature !== undefined) reasoning.signature = signature;
      out.push(reasoning);
    } else if (part.text !== undefined) {
      if (signature !== undefined) out.push({ type: 'reasoning', text: '', signature });
      if (part.text !== '') out.push({ type: 'text', text: part.text });
    } else if (signature !== undefined) {
      // A signature on a part the IR cannot hold (model-generated image, code execution …):
      // keep the signature, drop the payload.
      out.push({ type: 'reasoning', text: '', signature });
    }
    // Other model output (inlineData images, executableCode, codeExecutionResult) is dropped.
    if (part.functionCall === undefined && part.text === undefined) recordPartKind(part, dropped);
  }
  return out;
}

/** Part fields that qualify a part rather than name its kind. */
const QUALIFIERS: ReadonlySet<string> = new Set(['thought', 'thoughtSignature', 'videoMetadata', 'partMetadata']);

/** Records a part the IR cannot hold by its kind (`content.executablecode`). */
export function recordPartKind(part: GeminiPart, dropped: DroppedFeatures | undefined): void {
  if (!dropped) return;
  const kind = Object.keys(part).find((key) => !QUALIFIERS.has(key));
  if (kind !== undefined) dropped.add('content', kind);
}

/** `inlineData` → image (image/*), audio (audio/*) or file part (anything else). */
export function decodeInlineData(blob: GeminiBlob): IrImagePart | IrAudioPart | IrFilePart {
  const mediaType = blob.mimeType;
  const kind = mediaType.toLowerCase();
  if (kind.startsWith('image/')) return { type: 'image', source: { kind: 'base64', mediaType, data: blob.data } };
  if (kind.startsWith('audio/')) return { type: 'audio', data: blob.data, format: audioFormatFromMediaType(kind) };
  return { type: 'file', source: { kind: 'base64', mediaType, data: blob.data } };
}

/**
 * `fileData` → image part (image/* or an image extension) or file part, with a URL source.
 * The media type itself is not kept: IR URL sources have none (encoders guess it back
 * from the extension).
 */
export function decodeFileData(file: GeminiFileData): IrImagePart | IrFilePart {
  const mediaType = (file.mimeType ?? mediaTypeFromUrl(file.fileUri) ?? '').toLowerCase();
  if (mediaType.startsWith('image/')) return { type: 'image', source: { kind: 'url', url: file.fileUri } };
  return { type: 'file', source: { kind: 'url', url: file.fileUri } };
}
