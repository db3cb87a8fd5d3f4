import { describe, expect, it } from 'vitest';
import { splitBlocks as split } from './blocks';

const splitBlocks = (text: string) => split(text).map((block) => block.text);

describe('splitBlocks', () => {
  it('splits paragraphs, headings and tables at blank lines', () => {
    expect(splitBlocks('# Title\n\nFirst paragraph\nstill first.\n\n\n| a | b |\n|---|---|\n| 1 | 2 |')).toEqual([
      '# Title',
      'First paragraph\nstill first.',
      '| a | b |\n|---|---|\n| 1 | 2 |',
    ]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(splitBlocks('')).toEqual([]);
    expect(splitBlocks('\n  \n')).toEqual([]);
  });

  it('keeps a fenced block with blank lines in one piece', () => {
    const code = '```python\ndef f():\n\n    return 1\n\n\n```';
    expect(splitBlocks(`Intro\n\n${code}\n\nAfter`)).toEqual(['Intro', code, 'After']);
  });

  it('keeps a tilde fence, and a longer backtick fence that holds a shorter one', () => {
    const tilde = '~~~\na\n\nb\n~~~';
    const outer = '````md\n```js\n\nx\n```\n\nstill inside\n````';
    expect(splitBlocks(`${tilde}\n\n${outer}\n\nend`)).toEqual([tilde, outer, 'end']);
  });

  it('keeps everything after an unclosed fence together while it streams', () => {
    expect(splitBlocks('Look:\n\n```ts\nconst a = 1;\n\nconst b')).toEqual(['Look:', '```ts\nconst a = 1;\n\nconst b']);
  });

  it('keeps a $$ math block with blank lines in one piece', () => {
    const math = '$$\na = b\n\nc = d\n$$';
    expect(splitBlocks(`Where\n\n${math}\n\nso`)).toEqual(['Where', math, 'so']);
  });

  it('does not treat one-line $$ math as an open block', () => {
    expect(splitBlocks('$$x$$\n\nnext')).toEqual(['$$x$$', 'next']);
  });

  it('keeps a loose list one list, with its indented paragraphs and code', () => {
    const list = '1. First\n\n   More about the first.\n\n2. Second\n\n       indented code\n\n- a bullet';
    expect(splitBlocks(`${list}\n\nAfter the list.`)).toEqual([list, 'After the list.']);
  });

  it('keeps the whole text together when it has link or footnote definitions', () => {
    const text = 'See [the docs][d] and this[^1].\n\n[d]: https://example.com\n\n[^1]: A note.';
    expect(splitBlocks(text)).toEqual([text]);
  });

  it('leaves earlier blocks unchanged as text streams in, so their renders are reused', () => {
    const answer = '# Plan\n\nStep one.\n\n```js\nlet a = 1;\n\nlet b = 2;\n```\n\n- x\n- y\n\n$$\na\n\nb\n$$\n\nDone.';
    const final = splitBlocks(answer);
    for (let end = 1; end <= answer.length; end++) {
      const partial = splitBlocks(answer.slice(0, end));
      // Every block but the last two is already final (the last one's first line may be incomplete).
      expect(partial.slice(0, -2)).toEqual(final.slice(0, Math.max(0, partial.length - 2)));
    }
  });

  it('splits a growing text from its last block on, the same as splitting it whole', () => {
    const answer =
      'Intro.\n\n1. a\n\n   more\n\n2. b\n\n```py\nx = 1\n\ny = 2\n```\n\n| a |\n|---|\n| 1 |\n\nSee [docs][d].\n\n[d]: https://example.com\n\nEnd.';
    let previous = { text: '', blocks: split('') };
    for (let end = 1; end <= answer.length; end += 1) {
      const text = answer.slice(0, end);
      const blocks = split(text, previous);
      expect(blocks, text).toEqual(split(text));
      previous = { text, blocks };
    }
  });

  it('records where each block starts', () => {
    const text = 'One.\n\n\nTwo.\n\nThree.';
    for (const block of split(text)) expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text);
  });

  it('splits a text that does not extend the previous one afresh', () => {
    const previous = { text: 'Hello\n\nworld', blocks: split('Hello\n\nworld') };
    expect(split('Bye\n\nall', previous).map((block) => block.text)).toEqual(['Bye', 'all']);
  });
});
