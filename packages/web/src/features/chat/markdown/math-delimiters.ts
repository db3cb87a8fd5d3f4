import { closesFence, openingFence, type Fence } from './fences';

/**
 * Models write LaTeX as `\( … \)` and `\[ … \]` as often as with dollars, and remark-math reads
 * only dollars: the brackets become `$ … $` and `$$ … $$` here, before parsing. Display math
 * alone on its line (in brackets or as `$$ … $$`) is put on lines of its own, the only form
 * remark-math draws as a display block. A single `$` follows Pandoc's rule, so prices are not math:
 * it opens only before a non-space and closes only after a non-space and not before a digit
 * ("$5 and $10" stays text); a `$` that is no delimiter is escaped. Code (fences and inline spans)
 * is never touched, nor an escaped backslash (`\\(`).
 */
export function normalizeMath(text: string): string {
  if (!text.includes('\\') && !text.includes('$')) return text;
  const out: string[] = [];
  let prose: string[] = [];
  let fence: Fence | null = null;
  const flush = () => {
    if (prose.length > 0) out.push(convertProse(prose.join('\n')));
    prose = [];
  };
  for (const line of text.split('\n')) {
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = openingFence(line);
    if (fence) {
      flush();
      out.push(line);
    } else prose.push(line);
  }
  flush();
  return out.join('\n');
}

/** Prose between fences: inline code spans are copied as they are, brackets outside them converted. */
function convertProse(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = closingRun(text, i + run.length, run.length);
      // An unmatched run is literal backticks (CommonMark), and what follows it is still prose.
      const stop = end === -1 ? i + run.length : end + run.length;
      out += text.slice(i, stop);
      i = stop;
    } else if (char === '\\' && (text[i + 1] === '(' || text[i + 1] === '[')) {
      const display = text[i + 1] === '[';
      const close = text.indexOf(display ? '\\]' : '\\)', i + 2);
      // Math never spans paragraphs: a bracket closed only after a blank line is literal text.
      if (close === -1 || blankLine.test(text.slice(i + 2, close))) {
        out += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      const inner = text.slice(i + 2, close);
      out += display ? displayMath(inner, lineBefore(out), lineAfter(text, close + 2)) : `$${inner}$`;
      i = close + 2;
    } else if (char === '\\') {
      out += text.slice(i, i + 2); // an escape: `\\(` is a backslash and a parenthesis
      i += 2;
    } else if (char === '$' && text.startsWith('$$', i)) {
      const close = text.indexOf('$$', i + 2);
      const inner = close === -1 ? '' : text.slice(i + 2, close);
      const atLineStart = lineBefore(out).trim() === '';
      // A `$$` block may hold blank lines; inline `$$ … $$` stays within its paragraph.
      if (close === -1 || (!atLineStart && blankLine.test(inner))) {
        out += '$$';
        i += 2;
      } else {
        // Display math is copied as it is: brackets and dollars inside it are LaTeX's.
        const single = atLineStart && !inner.includes('\n') && inner.trim() !== '' && lineAfter(text, close + 2).trim() === '';
        out += single ? displayMath(inner, lineBefore(out), '') : `$$${inner}$$`;
        i = close + 2;
      }
    } else if (char === '$') {
      const close = inlineMathEnd(text, i);
      if (close === -1) {
        out += '\\$';
        i += 1;
      } else {
        // A `$` between the delimiters that is not one (a space before it, a digit after) is escaped,
        // or remark-math would close the math there.
        out += `$${text.slice(i + 1, close).replace(/(?<!\\)\$/g, '\\$')}$`;
        i = close + 1;
      }
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** Display math on its own line becomes a `$$` block at that line's indentation; inside text it stays inline. */
function displayMath(inner: string, before: string, after: string): string {
  if (before.trim() !== '' || after.trim() !== '') return `$$${inner}$$`;
  if (inner.includes('\n')) return `$$${inner}$$`;
  return `$$\n${before}${inner.trim()}\n${before}$$`;
}

const blankLine = /\n[ \t]*\n/;

/** Where the inline math opened by the `$` at `from` closes (Pandoc's rule), or -1 if it is no delimiter. */
function inlineMathEnd(text: string, from: number): number {
  if (!/\S/.test(text[from + 1] ?? '')) return -1;
  for (let j = from + 1; j < text.length; j++) {
    const char = text[j];
    if (char === '\\') j += 1;
    else if (char === '`' || (char === '\n' && blankLine.test(text.slice(j, j + 64)))) return -1;
    else if (char === '$') {
      if (text[j + 1] === '$') return -1;
      if (/\S/.test(text[j - 1] ?? '') && !/\d/.test(text[j + 1] ?? '')) return j;
    }
  }
  return -1;
}

function closingRun(text: string, from: number, length: number): number {
  const run = new RegExp(`(?<!\`)\`{${length}}(?!\`)`, 'g');
  run.lastIndex = from;
  const match = run.exec(text);
  return match ? match.index : -1;
}

const lineBefore = (out: string) => out.slice(out.lastIndexOf('\n') + 1);
const lineAfter = (text: string, from: number) => {
  const end = text.indexOf('\n', from);
  return text.slice(from, end === -1 ? text.length : end);
};
