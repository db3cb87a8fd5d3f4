import { describe, expect, it } from 'vitest';
import { randomBase62 } from '../crypto/tokens.js';
import { KeyTag } from './key-tag.js';

describe('KeyTag', () => {
  const tags = new KeyTag('a-deployment-secret-long-enough-0123456789');

  it('issues keys of the usual form that it recognises', () => {
    const key = tags.issue();
    expect(key).toMatch(/^sk-[0-9A-Za-z]{48}$/);
    expect(tags.verifies(key)).toBe(true);
  });

  it('does not recognise guesses, altered keys, keys from before tags or from another secret', () => {
    const key = tags.issue();
    const altered = key.slice(0, 10) + (key[10] === 'a' ? 'b' : 'a') + key.slice(11);
    expect(tags.verifies(altered)).toBe(false);
    expect(tags.verifies(`sk-${randomBase62(48)}`)).toBe(false);
    expect(tags.verifies(new KeyTag('another-secret-that-is-long-enough-012345').issue())).toBe(false);
    expect(tags.verifies(`${key.slice(0, -1)}é`)).toBe(false);
    expect(tags.verifies('sk-short')).toBe(false);
  });
});
