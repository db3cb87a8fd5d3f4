import { describe, expect, it } from 'vitest';
import { splitEvenly, splitOnWords } from './split.js';
import { DEFAULT_TEXT } from './plan.js';

describe('splitOnWords', () => {
  it('cuts the default answer into 5 lossless deltas on word boundaries', () => {
    const parts = splitOnWords(DEFAULT_TEXT, 5);
    expect(parts).toEqual(['Hello! This ', 'is a mock ', 'answer ', 'from the ', 'upstream.']);
    expect(parts.join('')).toBe(DEFAULT_TEXT);
  });

  it('returns fewer parts when there are fewer words, none for empty text', () => {
    expect(splitOnWords('one two', 5)).toEqual(['one ', 'two']);
    expect(splitOnWords('', 5)).toEqual([]);
  });

  it('keeps odd whitespace intact', () => {
    const text = '  lead  and\ttrail \n';
    expect(splitOnWords(text, 3).join('')).toBe(text);
  });
});

describe('splitEvenly', () => {
  it('splits into nearly equal fragments without breaking surrogate pairs', () => {
    const parts = splitEvenly('{"q":"😀😀"}', 4);
    expect(parts).toHaveLength(4);
    expect(parts.join('')).toBe('{"q":"😀😀"}');
    for (const p of parts) expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});
