import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { darkVariant } from '@/features/shell/color';

// The theme and accent as the page gets them: a fake <html>, storage and system preference,
// and theme.ts loaded fresh for each test as on a page load.
let stored: Map<string, string>;
let systemDark: boolean;
const style = new Map<string, string>();
const classes = new Set<string>();
const meta = { content: '#ffffff', setAttribute: (_: string, value: string) => void (meta.content = value) };

beforeEach(() => {
  stored = new Map();
  systemDark = false;
  style.clear();
  classes.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
  vi.stubGlobal('window', { matchMedia: () => ({ matches: systemDark, addEventListener: () => {} }) });
  vi.stubGlobal('document', {
    documentElement: {
      classList: { toggle: (name: string, on: boolean) => void (on ? classes.add(name) : classes.delete(name)) },
      style: { setProperty: (name: string, value: string) => void style.set(name, value), removeProperty: (name: string) => void style.delete(name) },
    },
    querySelector: () => meta,
  });
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const load = () => import('./theme');

describe('on page load', () => {
  it('leaves the design’s indigo alone when no accent, or a broken one, is stored', async () => {
    stored.set('switchboard.primary', 'hotpink; --x: 1');
    (await load()).setUpTheme();
    expect(style.size).toBe(0);
    expect(meta.content).toBe('#ffffff');
  });

  it('applies the stored accent, lighter in dark mode, with the dark surface as the browser colour', async () => {
    stored.set('switchboard.primary', '#e11d48');
    systemDark = true;
    (await load()).setUpTheme();
    expect(classes.has('dark')).toBe(true);
    expect(style.get('--primary')).toBe(darkVariant('#e11d48'));
    expect(meta.content).toBe('#09090b');
  });
});

describe('choosing', () => {
  it('an accent stores it and sets it with readable text; switching theme re-derives it; reset clears it', async () => {
    const theme = await load();
    theme.setUpTheme();
    theme.choosePrimary('#D97706');
    expect(stored.get('switchboard.primary')).toBe('#d97706');
    expect(style.get('--primary')).toBe('#d97706');
    expect(style.get('--primary-foreground')).not.toBe('#ffffff'); // amber takes dark text
    theme.chooseTheme('dark');
    expect(style.get('--primary')).toBe(darkVariant('#d97706'));
    expect(meta.content).toBe('#09090b');
    theme.choosePrimary(null);
    expect(stored.has('switchboard.primary')).toBe(false);
    expect(style.size).toBe(0);
  });

  it('the default colour is the same as resetting', async () => {
    const theme = await load();
    theme.setUpTheme();
    theme.choosePrimary('#2563eb');
    theme.choosePrimary('#4F46E5');
    expect(stored.has('switchboard.primary')).toBe(false);
    expect(style.size).toBe(0);
  });
});
