import { closesFence, openingFence, type Fence } from './fences';

/**
 * Splits markdown into top-level blocks at blank lines, so that while an answer streams only its
 * last, growing block is parsed again on each delta: every earlier block keeps the same text and
 * its memoized render. A split never happens where it would change the meaning:
 * - inside a code fence or a `$$` math block (both may hold blank lines);
 * - before an indented line or, inside a list, before the next item (a loose list stays one list,
 *   and a paragraph or code indented under an item stays in that item);
 * - anywhere, when the text has link reference or footnote definitions, which reach across blocks.
 *
 * Given the split of an earlier version of the text that this one extends (a streaming answer),
 * only its last two blocks onwards are split again, so the cost of a delta does not grow with the
 * answer. Two, because the boundary before the last block was decided on its first line, which
 * may have been incomplete ("2" before "2. item" joins the list above).
 */
export function splitBlocks(text: string, previous?: { text: string; blocks: Block[] }): Block[] {
  const kept = Math.max(0, (previous?.blocks.length ?? 0) - 2);
  const from = previous?.blocks[kept]?.start ?? 0;
  if (previous && from > 0 && text.startsWith(previous.text) && !definition.test(text.slice(from))) {
    return [...previous.blocks.slice(0, kept), ...splitFrom(text, from)];
  }
  if (text.trim() === '') return [];
  if (definition.test(text)) return [{ text, start: 0 }];
  return splitFrom(text, 0);
}

export interface Block {
  text: string;
  /** Where the block starts in the whole text. */
  start: number;
}

/** The blocks of text from `from`, a point where no fence or math block is open. */
function splitFrom(text: string, from: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = from;
  let offset = from;
  let fence: Fence | null = null;
  let inMath = false;
  let blankBefore = false;

  const flush = () => {
    const block = current.join('\n');
    if (block.trim() !== '') blocks.push({ text: block, start });
    current = [];
  };

  for (const line of text.slice(from).split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
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
      start = lineStart;
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
