/**
 * Chat Nio streams a job's progress as a ```progress fence, one number per line as it grows
 * (`12\n40\n100`): the bar shows the last number, kept within 0–100. Null when no line is a number.
 */
export function progressValue(source: string): number | null {
  const numbers = source
    .split('\n')
    .map((line) => line.trim().replace(/%$/, ''))
    .filter((line) => /^-?\d+(\.\d+)?$/.test(line))
    .map(Number);
  const last = numbers.at(-1);
  return last === undefined ? null : Math.min(100, Math.max(0, last));
}
