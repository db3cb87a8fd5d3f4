/**
 * Input echoed in an error message is capped: a message names what it refused, it never
 * carries it back in full (a 1 MB model name must not make a 1 MB 404).
 */

/** Longest stretch of one echoed value, in characters. */
export const ECHO_MAX = 64;
/** Longest zod issue message (custom messages and unrecognized keys quote input). */
export const ISSUE_MESSAGE_MAX = 200;

/** `text` cut to `max` characters, the cut marked with an ellipsis. Never splits a surrogate pair. */
export function clipped(text: string, max = ECHO_MAX): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  // A high surrogate at the cut would leave half a character.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A value of the caller's as it appears in a message: in double quotes, capped. */
export function quoted(value: unknown, max = ECHO_MAX): string {
  return `"${clipped(String(value), max)}"`;
}
