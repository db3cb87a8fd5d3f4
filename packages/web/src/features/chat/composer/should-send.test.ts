import { describe, expect, it } from 'vitest';
import { shouldSend } from './should-send';

type KeyLike = Parameters<typeof shouldSend>[0];

const key = (over: Partial<KeyLike> = {}): KeyLike => ({
  key: 'Enter',
  keyCode: 13,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  ...over,
});

describe('which key sends', () => {
  it('Enter sends and Shift+Enter breaks a line, by default', () => {
    expect(shouldSend(key(), 'enter', false)).toBe(true);
    expect(shouldSend(key({ shiftKey: true }), 'enter', false)).toBe(false);
  });

  it('Ctrl+Enter and ⌘+Enter send in both modes', () => {
    for (const mode of ['enter', 'mod-enter'] as const) {
      expect(shouldSend(key({ ctrlKey: true }), mode, false)).toBe(true);
      expect(shouldSend(key({ metaKey: true }), mode, false)).toBe(true);
    }
  });

  it('with Ctrl/⌘+Enter chosen, a plain Enter (or Shift+Enter) breaks a line', () => {
    expect(shouldSend(key(), 'mod-enter', false)).toBe(false);
    expect(shouldSend(key({ shiftKey: true }), 'mod-enter', false)).toBe(false);
  });

  it('other keys and Alt+Enter never send', () => {
    expect(shouldSend(key({ key: 'a', keyCode: 65 }), 'enter', false)).toBe(false);
    expect(shouldSend(key({ altKey: true }), 'enter', false)).toBe(false);
  });

  it('the Enter that picks an IME candidate never sends, however the browser reports it', () => {
    for (const mode of ['enter', 'mod-enter'] as const) {
      // Chrome, Firefox: the event says it is composing.
      expect(shouldSend(key({ isComposing: true }), mode, false)).toBe(false);
      expect(shouldSend(key({ isComposing: true, ctrlKey: true }), mode, false)).toBe(false);
      // Older browsers and some IMEs: only keyCode 229 ("being processed by the IME").
      expect(shouldSend(key({ keyCode: 229 }), mode, false)).toBe(false);
      // Safari: the Enter keydown comes right after compositionend, with isComposing false.
      expect(shouldSend(key(), mode, true)).toBe(false);
      expect(shouldSend(key({ metaKey: true }), mode, true)).toBe(false);
    }
  });
});
