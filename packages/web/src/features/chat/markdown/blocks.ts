import { closesFence, openingFence, type Fence } from './fences';

/**
 * Splits markdown into top-level blocks at blank lines, so that while an answer streams only its
 * last, growing block is parsed again on each delta: every earlier block keeps the same text and
 * its memoized render. A split never happens where it would change the meaning:
 * - inside a code fence or a `$$` math block (both may hold blank lines);
 * - before an indented line or, inside a list, before the next item (a loose list stays one list,
 *   and a paragraph or code indented under an item stays in that item);
 * - anywhere, when the text has link reference or footnote definitions, which reach across blocks.
 */
export function splitBlocks(text: string): string[] {
  if (text.trim() === '') return [];
  if (definition.test(text)) return [text];

  const blocks: string[] = [];
  let current: string[] = [];
  let fence: Fence | null = null;
  let inMath = false;
  let blankBefore = false;

  const flush = () => {
    const block = current.join('\n');
    if (block.trim() !== '') blocks.push(block);
    current = [];
  };

  for (const line of text.split('\n')) {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      current.push(line);
      continue;
    }
    if (inMath) {
      if (line.trimEnd().endsWith('$$')) inMath = false;
      current.push(line);
      continue;
    }
    if (line.trim() === '') {
      blankBefore = current.length > 0;
      current.push(line);
      continue;
    }
    if (blankBefore && !continuesBlock(line, current)) {
      // The blank lines that separated the blocks belong to neither.
      while (current.length > 0 && current.at(-1)?.trim() === '') current.pop();
      flush();
    }
    blankBefore = false;
    fence = openingFence(line);
    if (!fence) inMath = opensMath(line);
    current.push(line);
  }
  flush();
  return blocks;
}

/** `[label]: url` or `[^note]: text` at the start of a line. */
const definition = /^ {0,3}\[[^\]\n]+\]:/m;
const listItem = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Whether a line after a blank line still belongs to the block before it. */
function continuesBlock(line: string, block: string[]): boolean {
  if (/^[ \t]/.test(line)) return true;
  const first = block.find((l) => l.trim() !== '') ?? '';
  return listItem.test(first) && listItem.test(line);
}

/** A line starting with `$$` opens a math block unless it also closes it (`$$ x $$`). */
function opensMath(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('$$') && !(trimmed.length > 2 && trimmed.slice(2).includes('$$'));
}
