import { useSyncExternalStore } from 'react';
import { defaultPrimary, primaryStorageKey, primaryTokens, readPrimary } from '@/features/shell/primary-color';

export const themes = ['light', 'dark', 'system'] as const;
export type Theme = (typeof themes)[number];

const storageKey = 'switchboard.theme';
const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The page surface per theme (index.css --background): the browser's bar around the app matches it. */
const surfaces = { light: '#ffffff', dark: '#09090b' };

function stored(): Theme {
  const value = localStorage.getItem(storageKey);
  return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

let current: Theme = 'system';
/** The user's accent, or null for the design's default (index.css). */
let primary: string | null = null;

/**
 * Puts the `dark` class on <html> for dark, or for system while the system is dark; sets the
 * accent's variables for that mode (a lighter variant in dark) and the browser's theme colour.
 */
function apply(): void {
  const dark = current === 'dark' || (current === 'system' && darkQuery().matches);
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  if (primary) {
    for (const [name, value] of Object.entries(primaryTokens(primary, dark))) root.style.setProperty(name, value);
  } else {
    root.style.removeProperty('--primary');
    root.style.removeProperty('--primary-foreground');
  }
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? surfaces.dark : surfaces.light);
}

function changed(): void {
  apply();
  for (const listener of listeners) listener();
}

/** Applies the stored theme and accent before the first render, and follows the system's changes while the theme is "system". */
export function setUpTheme(): void {
  current = stored();
  primary = readPrimary(localStorage);
  apply();
  darkQuery().addEventListener('change', apply);
}

export function chooseTheme(theme: Theme): void {
  current = theme;
  localStorage.setItem(storageKey, theme);
  changed();
}

/** Sets the accent (#rrggbb) and remembers it; null, or the default colour, goes back to the default. */
export function choosePrimary(color: string | null): void {
  if (color === null || color.toLowerCase() === defaultPrimary) localStorage.removeItem(primaryStorageKey);
  else localStorage.setItem(primaryStorageKey, color.toLowerCase());
  primary = readPrimary(localStorage);
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, () => current, () => current);
}

/** The accent as the user picked it (#rrggbb); the default when none is stored. */
export function usePrimary(): string {
  const value = useSyncExternalStore(subscribe, () => primary, () => primary);
  return value ?? defaultPrimary;
}
