import { useEffect, useRef } from 'react';
import { isApplePlatform, shortcutFires } from './keys';

type Options = {
  /** Off while false, e.g. "stop generating" only while an answer streams. Default true. */
  enabled?: boolean;
  /** Fire while focus is in a text field. Default: only combos with a modifier do, so plain keys stay text. */
  whileTyping?: boolean;
};

/**
 * Calls `handler` on a keydown matching `combo` ("mod+k", "shift+escape", "?"; "mod" is ⌘ on
 * Apple devices, Ctrl elsewhere), with the browser's own action for those keys prevented.
 */
export function useShortcut(combo: string, handler: (event: KeyboardEvent) => void, { enabled = true, whileTyping }: Options = {}): void {
  // The latest handler, without re-adding the listener on every render.
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const apple = isApplePlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (!shortcutFires(event, combo, { apple, whileTyping })) return;
      event.preventDefault();
      latest.current(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [combo, enabled, whileTyping]);
}
