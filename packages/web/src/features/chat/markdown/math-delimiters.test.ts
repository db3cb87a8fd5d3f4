import { describe, expect, it } from 'vitest';
import { normalizeMath } from './math-delimiters';

describe('normalizeMath', () => {
  it('turns \\( \\) into inline dollars', () => {
    expect(normalizeMath('Energy \\(E = mc^2\\) is conserved.')).toBe('Energy $E = mc^2$ is conserved.');
  });

  it('turns \\[ \\] on its own lines into a $$ block', () => {
    expect(normalizeMath('Sum:\n\\[\n\\sum_i x_i\n\\]\nend')).toBe('Sum:\n$$\n\\sum_i x_i\n$$\nend');
  });

  it('puts one-line display math on lines of its own, keeping a list item’s indentation', () => {
    expect(normalizeMath('\\[ a^2 + b^2 = c^2 \\]')).toBe('$$\na^2 + b^2 = c^2\n$$');
    expect(normalizeMath('1. Then\n   \\[x = 1\\]')).toBe('1. Then\n   $$\n   x = 1\n   $$');
    expect(normalizeMath('$$E = mc^2$$\n\nnext')).toBe('$$\nE = mc^2\n$$\n\nnext');
  });

  it('keeps display brackets inside a sentence inline', () => {
    expect(normalizeMath('so \\[x\\] holds')).toBe('so $$x$$ holds');
  });

  it('never touches code fences or inline code', () => {
    const fenced = '```latex\n\\(a\\) and \\[b\\]\n```';
    expect(normalizeMath(fenced)).toBe(fenced);
    expect(normalizeMath('Write `\\(x\\)` or ``\\[y\\]`` in LaTeX, giving \\(x\\).')).toBe('Write `\\(x\\)` or ``\\[y\\]`` in LaTeX, giving $x$.');
    const tilde = '~~~\n$$x$$\n\\(y\\)\n~~~';
    expect(normalizeMath(tilde)).toBe(tilde);
  });

  it('leaves an unclosed code fence (still streaming) alone', () => {
    const streaming = 'Try:\n```js\nconst s = "\\(";\n';
    expect(normalizeMath(streaming)).toBe(streaming);
  });

  it('treats an unmatched backtick as text, converting what follows', () => {
    expect(normalizeMath('a ` b \\(x\\)')).toBe('a ` b $x$');
  });

  it('leaves escaped backslashes and unclosed brackets as they are', () => {
    expect(normalizeMath('a\\\\(b) c')).toBe('a\\\\(b) c');
    expect(normalizeMath('open \\( without close')).toBe('open \\( without close');
  });

  it('does not join brackets across paragraphs', () => {
    const text = 'a \\( b\n\nc \\) d';
    expect(normalizeMath(text)).toBe(text);
  });

  it('leaves multi-line $$ blocks and LaTeX line breaks alone', () => {
    const block = '$$\n\\begin{aligned} a &= b \\\\[4pt] c &= d \\end{aligned}\n$$';
    expect(normalizeMath(block)).toBe(block);
  });

  it('returns text without math unchanged', () => {
    expect(normalizeMath('Plain text, (a) and [b].')).toBe('Plain text, (a) and [b].');
  });

  it('keeps prices as text: a $ is math only before and after a non-space, not before a digit', () => {
    expect(normalizeMath('It costs $5 and $10 a month.')).toBe('It costs \\$5 and \\$10 a month.');
    expect(normalizeMath('From $5-$10, or $ 3.')).toBe('From \\$5-\\$10, or \\$ 3.');
    expect(normalizeMath('Let $x$ and $\\alpha_1$ be')).toBe('Let $x$ and $\\alpha_1$ be');
    expect(normalizeMath('$5 and $x$')).toBe('$5 and \\$x$');
  });

  it('leaves a $ that is already escaped, or in code, alone', () => {
    expect(normalizeMath('a \\$5 and `$HOME` b')).toBe('a \\$5 and `$HOME` b');
    expect(normalizeMath('```sh\necho $PATH $1\n```')).toBe('```sh\necho $PATH $1\n```');
  });

  it('copies display math as it is, dollars, brackets and blank lines included', () => {
    const block = '$$\n\\text{cost: \\$5} \\quad \\[x\\]\n\nb\n$$';
    expect(normalizeMath(block)).toBe(block);
  });
});
