/**
 * The part of a message a search hit shows: about `width` characters on one line around the
 * first place the query occurs, with an ellipsis where text was left out. When the engine matched
 * in a way JavaScript's comparison does not see (MariaDB's accent-insensitive collation), the
 * message's start is shown.
 */
const DEFAULT_WIDTH = 160;
/** How much of the snippet comes before the match. */
const LEAD_SHARE = 0.3;

export function snippetOf(text: string, query: string, width = DEFAULT_WIDTH): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= width) return chars.join('');
  const needle = Array.from(query.replace(/\s+/g, ' ').trim().toLowerCase());
  const at = indexOf(
    chars.map((c) => c.toLowerCase()),
    needle,
  );
  const start = at <= 0 ? 0 : Math.max(0, Math.min(at - Math.floor(width * LEAD_SHARE), chars.length - width));
  const end = Math.min(chars.length, start + width);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
}

function indexOf(haystack: readonly string[], needle: readonly string[]): number {
  if (!needle.length) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
