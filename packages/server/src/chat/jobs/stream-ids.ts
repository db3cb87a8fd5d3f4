/**
 * Job event ids in Redis are stream ids the appending node chooses, `<n>-0` for its n-th
 * event, so a reader can tell from two ids whether events between them were trimmed.
 */
export function eventStreamId(seq: number): string {
  return `${seq}-0`;
}

/** n for an id `<n>-0` this log gave (0 for `0-0`, "before the first"), else undefined (a client's id is untrusted input). */
export function seqOfStreamId(id: string): number | undefined {
  const match = /^(0|[1-9]\d{0,14})-0$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** Orders two Redis stream ids (`<ms>-<seq>`). */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}
