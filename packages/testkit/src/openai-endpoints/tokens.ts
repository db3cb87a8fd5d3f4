// Deterministic stand-in for a tokenizer so tests can predict usage: ~4 characters
// a token, at least one. Token arrays (OpenAI accepts them as input) count as given.
export function countTokens(input: unknown): number {
  if (typeof input === 'string') return Math.max(1, Math.ceil(input.length / 4));
  if (Array.isArray(input) && input.every((t) => typeof t === 'number')) return Math.max(1, input.length);
  return 1;
}

/** The items of an `input`/`prompt` that may be one string, many strings, one token array or many. */
export function inputItems(input: unknown): Array<string | number[]> | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((t) => typeof t === 'number')) return [input as number[]];
  const items: Array<string | number[]> = [];
  for (const x of input) {
    if (typeof x === 'string') items.push(x);
    else if (Array.isArray(x) && x.every((t) => typeof t === 'number')) items.push(x as number[]);
    else return undefined;
  }
  return items;
}
