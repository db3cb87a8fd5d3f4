import { describe, expect, it } from 'vitest';
import { comboKeys, isApplePlatform, shortcutFires } from './keys';

type Down = Parameters<typeof shortcutFires>[0];
const key = (k: string, o: Partial<Down> = {}): Down => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : '',
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  target: null,
  isComposing: false,
  keyCode: 0,
  defaultPrevented: false,
  ...o,
});
const mac = { apple: true };
const pc = { apple: false };
const field = (tagName: string, type = 'text') => ({ tagName, type, isContentEditable: false, closest: () => ({ tagName, type }) }) as unknown as EventTarget;

describe('a shortcut', () => {
  it('uses ⌘ on a Mac and Ctrl elsewhere', () => {
    expect(shortcutFires(key('k', { metaKey: true }), 'mod+k', mac)).toBe(true);
    expect(shortcutFires(key('k', { ctrlKey: true }), 'mod+k', mac)).toBe(false);
    expect(shortcutFires(key('k', { ctrlKey: true }), 'mod+k', pc)).toBe(true);
    expect(shortcutFires(key('k', { metaKey: true }), 'mod+k', pc)).toBe(false);
  });

  it('needs exactly its modifiers', () => {
    expect(shortcutFires(key('O', { metaKey: true, shiftKey: true }), 'mod+shift+o', mac)).toBe(true);
    expect(shortcutFires(key('o', { metaKey: true }), 'mod+shift+o', mac)).toBe(false);
    expect(shortcutFires(key('k', { metaKey: true, shiftKey: true }), 'mod+k', mac)).toBe(false);
    expect(shortcutFires(key('k', { metaKey: true, altKey: true }), 'mod+k', mac)).toBe(false);
    expect(shortcutFires(key('k', { metaKey: true, ctrlKey: true }), 'mod+k', mac)).toBe(false);
    expect(shortcutFires(key('k'), 'mod+k', mac)).toBe(false);
  });

  it('finds a letter by its key position on a Cyrillic layout', () => {
    expect(shortcutFires(key('л', { code: 'KeyK', ctrlKey: true }), 'mod+k', pc)).toBe(true);
  });

  it('takes "?" with or without Shift (layouts differ), and Shift+Esc only with Shift', () => {
    expect(shortcutFires(key('?', { shiftKey: true }), '?', pc)).toBe(true);
    expect(shortcutFires(key('?'), '?', pc)).toBe(true);
    expect(shortcutFires(key('/', { ctrlKey: true }), 'mod+/', pc)).toBe(true);
    expect(shortcutFires(key('Escape', { shiftKey: true }), 'shift+escape', mac)).toBe(true);
    expect(shortcutFires(key('Escape'), 'shift+escape', mac)).toBe(false);
    expect(shortcutFires(key('Escape', { shiftKey: true }), 'escape', mac)).toBe(false);
  });

  it('leaves plain keys to a text field, but not combos with a modifier', () => {
    for (const target of [field('INPUT'), field('TEXTAREA'), { isContentEditable: true, closest: () => null } as unknown as EventTarget]) {
      expect(shortcutFires(key('?', { target }), '?', pc)).toBe(false);
      expect(shortcutFires(key('k', { ctrlKey: true, target }), 'mod+k', pc)).toBe(true);
      expect(shortcutFires(key('Escape', { shiftKey: true, target }), 'shift+escape', pc)).toBe(true);
    }
    expect(shortcutFires(key('Escape', { target: field('TEXTAREA') }), 'escape', pc)).toBe(false);
    expect(shortcutFires(key('Escape', { target: field('TEXTAREA') }), 'escape', { ...pc, whileTyping: true })).toBe(true);
    // A checkbox takes no text, so "?" still opens the list from it.
    expect(shortcutFires(key('?', { target: field('INPUT', 'checkbox') }), '?', pc)).toBe(true);
  });

  it('never fires while an input method is composing, or when another handler took the key', () => {
    expect(shortcutFires(key('Escape', { isComposing: true }), 'escape', pc)).toBe(false);
    expect(shortcutFires(key('Process', { keyCode: 229, ctrlKey: true }), 'mod+k', pc)).toBe(false);
    expect(shortcutFires(key('k', { ctrlKey: true, isComposing: true }), 'mod+k', pc)).toBe(false);
    expect(shortcutFires(key('Escape', { defaultPrevented: true }), 'escape', pc)).toBe(false);
  });
});

describe("a shortcut's keys as shown", () => {
  it('uses the symbols on a Mac and names elsewhere', () => {
    expect(comboKeys('mod+shift+o', true)).toEqual(['⌘', '⇧', 'O']);
    expect(comboKeys('mod+shift+o', false)).toEqual(['Ctrl', 'Shift', 'O']);
    expect(comboKeys('alt+k', true)).toEqual(['⌥', 'K']);
    expect(comboKeys('shift+escape', false)).toEqual(['Shift', 'Esc']);
    expect(comboKeys('mod+/', true)).toEqual(['⌘', '/']);
  });

  it('knows Apple devices from the platform or user agent', () => {
    expect(isApplePlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isApplePlatform({ platform: '', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)' })).toBe(true);
    expect(isApplePlatform({ platform: 'Win32' })).toBe(false);
    expect(isApplePlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isApplePlatform(undefined)).toBe(false);
  });
});
