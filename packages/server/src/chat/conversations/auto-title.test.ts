import { describe, expect, it } from 'vitest';
import { autoTitle } from './auto-title.js';

describe('autoTitle', () => {
  it('keeps a short message whole, whitespace collapsed', () => {
    expect(autoTitle('  How do I\n\nsort   a list?  ')).toBe('How do I sort a list?');
  });

  it('cuts a long spaced text at a word boundary near 40 characters', () => {
    const title = autoTitle('Explain the difference between processes and threads in operating systems');
    expect(title).toBe('Explain the difference between processes…');
    expect(title.length).toBeLessThanOrEqual(41);
  });

  it('cuts inside a word only when no space comes late enough', () => {
    const title = autoTitle(`Hi ${'x'.repeat(60)}`);
    expect(Array.from(title)).toHaveLength(41);
    expect(title.endsWith('…')).toBe(true);
  });

  it('cuts Chinese and Japanese at 20 characters', () => {
    expect(autoTitle('请帮我把这段很长的中文文本翻译成英文并且保持原来的语气和风格不变')).toBe('请帮我把这段很长的中文文本翻译成英文并且…');
    expect(autoTitle('この文章を自然な英語に翻訳してください。できるだけ丁寧な表現でお願いします')).toBe('この文章を自然な英語に翻訳してください…');
    expect(autoTitle('你好')).toBe('你好');
  });

  it('drops markdown syntax', () => {
    expect(autoTitle('# **Bold** title')).toBe('Bold title');
    expect(autoTitle('> quoted `code` and [a link](https://example.com) ![pic](x.png)')).toBe('quoted code and a link pic');
    expect(autoTitle('```ts\nconst x = 1;\n```')).toBe('const x = 1;');
    expect(autoTitle('- item one\n- item two')).toBe('item one item two');
    expect(autoTitle('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b 1 2');
    expect(autoTitle('keep snake_case but not _this_')).toBe('keep snake_case but not this');
  });

  it('never splits a character made of two UTF-16 units', () => {
    const title = autoTitle('😀'.repeat(50));
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('gives an empty title for a message without words', () => {
    expect(autoTitle('  ')).toBe('');
    expect(autoTitle('![](data:image/png;base64,AAAA)')).toBe('');
  });
});
