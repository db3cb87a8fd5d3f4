/**
 * CommonMark code fences, read line by line. Indentation is accepted at any depth (a fence
 * inside a list item is indented past the list marker), which is all the splitter and the
 * delimiter conversion need to know: whether a line opens, or closes, a fence.
 */
export interface Fence {
  char: '`' | '~';
  length: number;
}

const fenceLine = /^[ \t]*(`{3,}|~{3,})(.*)$/;

/** The fence a line opens, or null. A backtick fence's info string may not contain a backtick. */
export function openingFence(line: string): Fence | null {
  const match = fenceLine.exec(line);
  if (!match) return null;
  const [, marker = '', info = ''] = match;
  const char = marker[0] as Fence['char'];
  if (char === '`' && info.includes('`')) return null;
  return { char, length: marker.length };
}

/** Whether a line closes an open fence: the same character, at least as long, nothing after it. */
export function closesFence(line: string, fence: Fence): boolean {
  const [, marker = '', rest = ''] = fenceLine.exec(line) ?? [];
  return marker.startsWith(fence.char) && marker.length >= fence.length && rest.trim() === '';
}

/** Whether a fenced code block's source (opening line to end) has its closing fence yet. */
export function isFenceClosed(source: string): boolean {
  const lines = source.replace(/\s+$/, '').split('\n');
  const fence = openingFence(lines[0] ?? '');
  if (!fence) return true; // not a fence at all (an indented code block): nothing is pending
  return lines.length > 1 && closesFence(lines.at(-1) ?? '', fence);
}
