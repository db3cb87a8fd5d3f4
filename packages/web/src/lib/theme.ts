import { useSyncExternalStore } from 'react';

export const themes = ['light', 'dark', 'system'] as const;
export type Theme = (typeof themes)[number];

const storageKey = 'switchboard.theme';
const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function stored(): Theme {
  const value = localStorage.getItem(storageKey);
  return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

let current: Theme = 'system';

/** Puts the `dark` class on <html> for dark, or for system while the system is dark. */
function apply(): void {
  const dark = current === 'dark' || (current === 'system' && darkQuery().matches);
  document.documentElement.classList.toggle('dark', dark);
}

/** Applies the stored theme, and follows the system's changes while the theme is "system". */
export function setUpTheme(): void {
  current = stored();
  apply();
  darkQuery().addEventListener('change', apply);
}

export function chooseTheme(theme: Theme): void {
  current = theme;
  localStorage.setItem(storageKey, theme);
  apply();
  for (const listener of listeners) listener();
}

export function useTheme(): Theme {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}
