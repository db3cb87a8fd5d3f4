import { describe, expect, it } from 'vitest';
import { grammarFor } from './languages';
import { highlightCode } from './shiki-tokens';

describe('grammarFor', () => {
  it('maps the names fences use to a grammar, and anything else to plain text', () => {
    expect(grammarFor('ts')).toBe('typescript');
    expect(grammarFor('Python3')).toBe('python');
    expect(grammarFor('c++')).toBe('cpp');
    expect(grammarFor('rust')).toBe('rust');
    expect(grammarFor('brainfuck')).toBeNull();
    expect(grammarFor('')).toBeNull();
  });
});

describe('highlightCode (what the worker runs)', () => {
  it('splits the code into lines of pieces carrying both themes’ colours, keeping every character', async () => {
    const code = 'const answer: number = 42;\n// done';
    const lines = await highlightCode(code, 'typescript');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.map((piece) => piece.content).join('')).join('\n')).toBe(code);
    const keyword = lines[0]!.find((piece) => piece.content === 'const');
    expect(keyword?.style?.['--shiki-light']).toMatch(/^#[0-9a-f]{6}$/i);
    expect(keyword?.style?.['--shiki-dark']).toMatch(/^#[0-9a-f]{6}$/i);
    // A keyword and a comment are coloured differently.
    const comment = lines[1]!.find((piece) => piece.content.includes('done'));
    expect(comment?.style?.['--shiki-light']).not.toBe(keyword?.style?.['--shiki-light']);
  });
});
