/**
 * Small value helpers shared by the Gemini codec: plain-object checks, JSON parsing of
 * tool arguments, deterministic ids, and media-type guesses.
 */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON text that must be an object; undefined for anything else (invalid, array, scalar). */
export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A short deterministic id derived from text (FNV-1a, 32 bit, hex), for answers that carry
 * no `responseId`: the same upstream bytes always give the same id, and different answers
 * almost always differ.
 */
export function stableId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `gemini-${h.toString(16).padStart(8, '0')}`;
}

/** Tool-call id for the `n`-th (1-based) function call of an answer whose id is `answerId`. */
export function answerCallId(answerId: string, n: number): string {
  return `call_${answerId}_${n}`;
}

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
  wav: 'audio/wav',
  mp3: 'audio/mp3',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  mp4: 'video/mp4',
};

/** Media type from a URL's file extension (query and fragment ignored); undefined if unknown. */
export function mediaTypeFromUrl(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return undefined;
  return EXTENSION_TYPES[path.slice(dot + 1).toLowerCase()];
}

/** IR audio `format` ("wav", "mp3" …) from an audio media type. */
export function audioFormatFromMediaType(mediaType: string): string {
  const sub = (mediaType.split('/')[1] ?? mediaType).split(';')[0]!.trim().toLowerCase();
  if (sub === 'mpeg' || sub === 'mp3' || sub === 'x-mp3') return 'mp3';
  if (sub === 'wav' || sub === 'x-wav' || sub === 'wave' || sub === 'vnd.wave') return 'wav';
  return sub.startsWith('x-') ? sub.slice(2) : sub;
}

/** Audio media type for an IR audio `format`. */
export function audioMediaType(format: string): string {
  const f = format.toLowerCase();
  if (f.includes('/')) return f;
  if (f === 'mpeg') return 'audio/mp3';
  return `audio/${f}`;
}

/** Unix seconds of an RFC 3339 time (Vertex `createTime`); 0 when absent or unreadable. */
export function unixSeconds(time: string | undefined): number {
  if (time === undefined) return 0;
  const ms = Date.parse(time);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}
