import { describe, expect, it } from 'vitest';
import { clipped, quoted } from './echo.js';

describe('echoed input', () => {
  it('keeps short values and cuts long ones with an ellipsis', () => {
    expect(quoted('gpt-4o')).toBe('"gpt-4o"');
    const long = quoted('x'.repeat(10_000));
    expect(long.length).toBe(66);
    expect(long.endsWith('…"')).toBe(true);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const text = `${'a'.repeat(62)}😀😀`;
    const out = clipped(text, 64);
    expect(out).toBe(`${'a'.repeat(62)}…`);
    // encodeURIComponent throws on a lone surrogate.
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});
