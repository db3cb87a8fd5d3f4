/**
 * Adds a streamed piece to the text received so far. Each piece carries `at`, the length of the
 * text before it, so a piece seen twice (a replay after re-attaching, or after a reset to the
 * saved text) adds only what is new; a piece past the end means some were missed.
 */
export function spliceDelta(text: string, piece: string, at: number): { text: string; gap: boolean } {
  if (at > text.length) return { text, gap: true };
  const overlap = text.length - at;
  if (overlap >= piece.length) return { text, gap: false };
  return { text: text + piece.slice(overlap), gap: false };
}
