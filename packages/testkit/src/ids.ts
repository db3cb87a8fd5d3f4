// Random identifiers in the alphabets providers use (chatcmpl-…, msg_01…, toolu_01…,
// req_…). Tests match them with regexes, so the alphabet matters, not the entropy.
import { randomBytes } from 'node:crypto';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `prefix` followed by `length` random alphanumeric characters. */
export function randomId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  let s = prefix;
  for (let i = 0; i < length; i++) s += ALPHANUM[bytes[i]! % ALPHANUM.length];
  return s;
}
