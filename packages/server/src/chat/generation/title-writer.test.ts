import { describe, expect, it } from 'vitest';
import { cleanTitle } from './title-writer.js';

describe('cleanTitle', () => {
  it('keeps the first line and strips labels, quotes, markdown and final punctuation', () => {
    expect(cleanTitle('"Planning a Trip to Kyoto."\nMore text')).toBe('Planning a Trip to Kyoto');
    expect(cleanTitle('Title: **Rust lifetimes**')).toBe('Rust lifetimes');
    expect(cleanTitle('标题：「京都旅行计划」。')).toBe('京都旅行计划');
    expect(cleanTitle('<think>hmm</think>\n# Sorting in Go')).toBe('Sorting in Go');
  });

  it('cuts long titles and answers empty for nothing usable', () => {
    expect([...cleanTitle('x'.repeat(200))]).toHaveLength(60);
    expect(cleanTitle('  \n')).toBe('');
  });
});
