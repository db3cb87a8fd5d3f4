import { describe, expect, it } from 'vitest';
import { etagOf, matchesIfNoneMatch } from './etag.js';

describe('If-None-Match', () => {
  const tag = etagOf('17.3.51');

  it('matches the same tag, weak or strong, alone or in a list, and *', () => {
    expect(tag).toBe('"17.3.51"');
    expect(matchesIfNoneMatch('"17.3.51"', tag)).toBe(true);
    expect(matchesIfNoneMatch('W/"17.3.51"', tag)).toBe(true);
    expect(matchesIfNoneMatch('"old", "17.3.51"', tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });

  it('does not match another tag or no header', () => {
    expect(matchesIfNoneMatch('"17.3.52"', tag)).toBe(false);
    expect(matchesIfNoneMatch('17.3.51', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
});
