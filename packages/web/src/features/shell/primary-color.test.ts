import { describe, expect, it } from 'vitest';
import { darkVariant } from './color';
import { primaryStorageKey, primaryTokens, readPrimary } from './primary-color';

const storage = (value: string | null) => ({ getItem: (key: string) => (key === primaryStorageKey ? value : null) });

describe('the stored accent', () => {
  it('is read back lower-cased', () => {
    expect(readPrimary(storage('#E11D48'))).toBe('#e11d48');
  });

  it('is the default (null) when nothing, the default itself, or garbage is stored', () => {
    for (const value of [null, '', '#4f46e5', 'red', '#fff', 'url(javascript:alert(1))', '#e11d48; --x: 1', '{"color":"#e11d48"}']) {
      expect(readPrimary(storage(value)), String(value)).toBeNull();
    }
  });

  it('is the default when the browser blocks storage', () => {
    expect(
      readPrimary({
        getItem: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
    ).toBeNull();
  });
});

describe('the variables an accent sets', () => {
  it('uses the colour as picked in light mode, with white text on a deep colour', () => {
    expect(primaryTokens('#E11D48', false)).toEqual({ '--primary': '#e11d48', '--primary-foreground': '#ffffff' });
  });

  it('uses the lighter variant in dark mode, with dark text on it', () => {
    const tokens = primaryTokens('#e11d48', true);
    expect(tokens['--primary']).toBe(darkVariant('#e11d48'));
    expect(tokens['--primary-foreground']).not.toBe('#ffffff');
  });
});
