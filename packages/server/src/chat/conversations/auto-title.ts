/**
 * A conversation's first title (W-1): the first words of its first message, shown at once, before
 * any model could write one. Markdown syntax is dropped (a title is plain text), whitespace is
 * collapsed, and the text is cut to about 40 characters at a word boundary; text in a script
 * written without spaces (Chinese, Japanese) is cut at 20 characters, which hold as much meaning.
 */
const SPACED_LIMIT = 40;
const UNSPACED_LIMIT = 20;
/** A cut earlier than this would leave a stub; cut inside the long word instead. */
const MIN_WORD_CUT = 16;

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function autoTitle(content: string): string {
  const text = plainText(content);
  const chars = Array.from(text); // code points: a cut never splits a surrogate pair
  const unspaced = UNSPACED_SCRIPT.test(chars.slice(0, UNSPACED_LIMIT).join(''));
  const limit = unspaced ? UNSPACED_LIMIT : SPACED_LIMIT;
  if (chars.length <= limit) return text;
  let cut = limit;
  if (!unspaced) {
    const space = chars.lastIndexOf(' ', limit);
    if (space >= MIN_WORD_CUT) cut = space;
  }
  return `${chars
    .slice(0, cut)
    .join('')
    .replace(/[\s,.;:!?、，。；：！？-]+$/u, '')}…`;
}

/** Markdown to the words a reader sees, on one line. */
function plainText(markdown: string): string {
  return (
    markdown
      .replace(/^\s*(```|~~~).*$/gm, ' ') // code fence lines (the code itself stays)
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ') // HTML tags
      .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)/gm, '') // headings, quotes, list markers
      .replace(/^\s*([-*_]\s*){3,}$/gm, ' ') // horizontal rules
      .replace(/^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/gm, ' ') // table separator rows
      .replace(/\|/g, ' ') // table cell borders
      .replace(/(\*\*|__|~~|\*|`)/g, '') // emphasis, strike-through and code marks
      .replace(/(^|\s)_(\S[^_]*\S|\S)_(?=\s|$)/g, '$1$2') // _emphasis_, but not snake_case
      .replace(/\s+/g, ' ')
      .trim()
  );
}
