// Key combos as strings ("mod+shift+o", "shift+escape", "?"): matching a keydown against one,
// and showing one with the platform's key names. "mod" is ⌘ on Apple devices and Ctrl elsewhere.

type Combo = { mod: boolean; shift: boolean; alt: boolean; key: string };

function parse(combo: string): Combo {
  const parts = combo.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  return { mod: parts.includes('mod'), shift: parts.includes('shift'), alt: parts.includes('alt'), key };
}

/** Whether a combo may fire while the user is typing in a field: only with a modifier, so plain keys stay text. */
function hasModifier(combo: string): boolean {
  const { mod, shift, alt } = parse(combo);
  return mod || shift || alt;
}

/** macOS and iOS/iPadOS (⌘ is their command key); Node and unknown browsers count as not Apple. */
export function isApplePlatform(nav: { platform?: string; userAgent?: string } | undefined = globalThis.navigator): boolean {
  return /mac|iphone|ipad|ipod/i.test(nav?.platform || nav?.userAgent || '');
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'>;
type KeyDown = KeyEventLike & Pick<KeyboardEvent, 'target' | 'isComposing' | 'keyCode' | 'defaultPrevented'>;

function matchesCombo(event: KeyEventLike, combo: string, apple: boolean): boolean {
  const want = parse(combo);
  const mod = apple ? event.metaKey : event.ctrlKey;
  const otherMod = apple ? event.ctrlKey : event.metaKey;
  if (mod !== want.mod || otherMod || event.altKey !== want.alt) return false;
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(want.key)) {
    // By position as well as by character: Option and non-Latin layouts (Cyrillic, a Japanese
    // IME's kana) change event.key, while event.code stays KeyO.
    return event.shiftKey === want.shift && (key === want.key || event.code === `Key${want.key.toUpperCase()}`);
  }
  if (want.key.length > 1) return event.shiftKey === want.shift && key === want.key; // escape, enter…
  // A symbol such as "?" needs Shift on some layouts and not on others: Shift is part of the character.
  return key === want.key && (want.shift ? event.shiftKey : true);
}

const appleNames: Record<string, string> = { mod: '⌘', shift: '⇧', alt: '⌥' };
const otherNames: Record<string, string> = { mod: 'Ctrl', shift: 'Shift', alt: 'Alt' };
const keyNames: Record<string, string> = { escape: 'Esc', enter: 'Enter', arrowup: '↑', arrowdown: '↓' };

/** The keys of a combo as the platform writes them, one per <kbd>: ["⌘", "⇧", "O"] or ["Ctrl", "Shift", "O"]. */
export function comboKeys(combo: string, apple: boolean): string[] {
  const parts = combo.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  const names = apple ? appleNames : otherNames;
  return [...parts.map((part) => names[part] ?? part), keyNames[key] ?? key.toUpperCase()];
}

/** Whether keys typed now go into a field (input, textarea, select, contenteditable). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const field = element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  if (!field) return false;
  // Buttons-as-inputs take no text, so shortcuts still work from a focused checkbox or radio.
  return field.tagName !== 'INPUT' || !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes((field as HTMLInputElement).type);
}

/**
 * Whether a keydown triggers the shortcut `combo`. Keys an input method is composing never do:
 * the Enter or Esc that confirms or cancels a Chinese or Japanese candidate belongs to the IME
 * (keyCode 229 is how Safari reports it). In a text field only combos with a modifier fire,
 * unless `whileTyping` says otherwise, so that "?" stays a question mark.
 */
export function shortcutFires(event: KeyDown, combo: string, { apple, whileTyping = hasModifier(combo) }: { apple: boolean; whileTyping?: boolean }): boolean {
  if (event.defaultPrevented || event.isComposing || event.keyCode === 229) return false;
  if (!whileTyping && isTypingTarget(event.target)) return false;
  return matchesCombo(event, combo, apple);
}
