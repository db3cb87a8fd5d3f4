import { darkVariant, foregroundFor, isHexColor } from './color';

/**
 * The accent presets, each checked for contrast by color.test.ts. Indigo is the design's own
 * default (index.css), so choosing it clears the custom colour rather than storing a copy.
 */
export const primaryPresets = {
  indigo: '#4f46e5',
  blue: '#2563eb',
  violet: '#7c3aed',
  emerald: '#047857',
  teal: '#0f766e',
  amber: '#d97706',
  rose: '#e11d48',
  graphite: '#3f3f46',
} as const;
export type PrimaryPreset = keyof typeof primaryPresets;

export const defaultPrimary = primaryPresets.indigo;
export const primaryStorageKey = 'switchboard.primary';

/** The stored accent, or null for the default; anything that is not #rrggbb (hand-edited, older format) counts as unset. */
export function readPrimary(storage: Pick<Storage, 'getItem'>): string | null {
  let value: string | null;
  try {
    value = storage.getItem(primaryStorageKey);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): the default
  }
  return isHexColor(value) && value.toLowerCase() !== defaultPrimary ? value.toLowerCase() : null;
}

/** The CSS variables an accent sets on <html> for the light or dark theme. */
export function primaryTokens(color: string, dark: boolean): { '--primary': string; '--primary-foreground': string } {
  const primary = dark ? darkVariant(color) : color.toLowerCase();
  return { '--primary': primary, '--primary-foreground': foregroundFor(primary) };
}
