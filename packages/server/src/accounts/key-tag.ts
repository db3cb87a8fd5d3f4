import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from '../crypto/tokens.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_CHARS = 40;
const TAG_CHARS = 8;

/**
 * API keys end in a short MAC of themselves, made with a key derived from the deployment SECRET,
 * so the relay can tell a key this deployment issued from a guess without asking the database.
 * The bad-key block uses it to let issued keys through an address it has shut out (a guesser
 * cannot make a tag: 8 base62 characters, ≈ 2^47 tries per hit). Keys stay `sk-` + 48 base62
 * characters: 40 from the CSPRNG (≈ 238 bits) and the tag. Keys issued before tags, or under
 * another SECRET, simply do not verify and are treated as untagged.
 */
export class KeyTag {
  private readonly macKey: Buffer;

  constructor(secret: string) {
    this.macKey = Buffer.from(hkdfSync('sha256', secret, 'switchboard', 'api-key-tag/v1', 32));
  }

  issue(): string {
    const body = `sk-${randomBase62(RANDOM_CHARS)}`;
    return body + this.tagOf(body);
  }

  /** Whether `key` carries the tag this deployment gives its keys (CPU only, constant time). */
  verifies(key: string): boolean {
    if (key.length !== 3 + RANDOM_CHARS + TAG_CHARS || !key.startsWith('sk-')) return false;
    const body = key.slice(0, -TAG_CHARS);
    const given = Buffer.from(key.slice(-TAG_CHARS));
    const expected = Buffer.from(this.tagOf(body));
    // Lengths differ only for non-ASCII input, which is no key of ours.
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private tagOf(body: string): string {
    const mac = createHmac('sha256', this.macKey).update(body).digest();
    let tag = '';
    // A byte modulo 62 is slightly uneven; for a tag that only has to be unguessable, that is fine.
    for (let i = 0; i < TAG_CHARS; i++) tag += BASE62[mac[i]! % 62];
    return tag;
  }
}
