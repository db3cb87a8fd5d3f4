/** A piece of a snippet, `match` when it is the searched text. */
interface Segment {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits `text` around every case-insensitive occurrence of `query`, for rendering as text nodes
 * (never as HTML, so a snippet holding markup shows it as typed). Works for any script: the
 * match is on Unicode code points, so Chinese or Japanese needs no word boundaries.
 */
export function highlight(text: string, query: string): Segment[] {
  const needle = query.trim();
  if (!needle) return text ? [{ text, match: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const found of text.matchAll(new RegExp(escapeRegExp(needle), 'giu'))) {
    if (found.index > last) segments.push({ text: text.slice(last, found.index), match: false });
    segments.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
