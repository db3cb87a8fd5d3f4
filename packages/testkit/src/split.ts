// Splitting helpers that turn a whole answer into stream deltas. Both are
// lossless (parts.join('') === input) so tests can compare reassembled text.

/**
 * Splits `text` into at most `parts` pieces of roughly equal length, cutting only
 * after whitespace. Fewer pieces come back when the text has fewer words.
 */
export function splitOnWords(text: string, parts: number): string[] {
  if (text === '') return [];
  // Each token is a word with its trailing whitespace (or leading whitespace alone),
  // so joining the tokens restores the text exactly.
  const words = text.match(/\S+\s*|\s+/g) ?? [text];
  const n = Math.max(1, Math.min(parts, words.length));
  const total = text.length;
  const out: string[] = [];
  let start = 0;
  let consumed = 0;
  for (let i = 1; i < n; i++) {
    let end = start;
    // Take at least one word, leave at least one word per remaining piece, and
    // otherwise stop at the first word that reaches this piece's share of the text.
    const maxEnd = words.length - (n - i);
    do {
      consumed += words[end]!.length;
      end++;
    } while (end < maxEnd && consumed < (i * total) / n);
    out.push(words.slice(start, end).join(''));
    start = end;
  }
  out.push(words.slice(start).join(''));
  return out;
}

/**
 * Splits `s` into at most `parts` pieces of nearly equal code-point length, the
 * way tool-call arguments arrive in fragments that ignore JSON structure.
 */
export function splitEvenly(s: string, parts: number): string[] {
  if (s === '') return [];
  // Array.from keeps surrogate pairs together so no fragment is invalid UTF-16.
  const chars = Array.from(s);
  const n = Math.max(1, Math.min(parts, chars.length));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(chars.slice(Math.floor((i * chars.length) / n), Math.floor(((i + 1) * chars.length) / n)).join(''));
  }
  return out;
}
