import { describe, expect, it } from 'vitest';
import { containsPattern } from './like-pattern.js';
import { snippetOf } from './snippet.js';

describe('search snippets', () => {
  it('shows a short text whole, on one line', () => {
    expect(snippetOf('line one\n\nline   two', 'two')).toBe('line one line two');
  });

  it('cuts a long text around the first match, case-insensitively', () => {
    const text = `${'before '.repeat(40)}The NEEDLE is here${' after'.repeat(40)}`;
    const snippet = snippetOf(text, 'needle', 60);
    expect(snippet).toContain('NEEDLE is here');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(Array.from(snippet).length).toBeLessThanOrEqual(62);
  });

  it('shows the start when the match is not found as typed', () => {
    expect(snippetOf('x'.repeat(300), 'é', 20)).toBe(`${'x'.repeat(20)}…`);
  });
});

describe('LIKE patterns', () => {
  it('takes wildcards and the escape character literally', () => {
    expect(containsPattern('100%')).toBe('%100!%%');
    expect(containsPattern('snake_case')).toBe('%snake!_case%');
    expect(containsPattern('wow!')).toBe('%wow!!%');
    expect(containsPattern('a\\b')).toBe('%a\\b%');
  });
});
