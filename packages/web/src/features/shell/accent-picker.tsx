import * as MenuPrimitive from '@radix-ui/react-dropdown-menu';
import { Check, RotateCcw } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { choosePrimary, usePrimary, useTheme } from '@/lib/theme';
import { defaultPrimary, primaryPresets, primaryTokens, type PrimaryPreset } from './primary-color';

const presetLabels = {
  indigo: 'shell.accent.presets.indigo',
  blue: 'shell.accent.presets.blue',
  violet: 'shell.accent.presets.violet',
  emerald: 'shell.accent.presets.emerald',
  teal: 'shell.accent.presets.teal',
  amber: 'shell.accent.presets.amber',
  rose: 'shell.accent.presets.rose',
  graphite: 'shell.accent.presets.graphite',
} as const satisfies Record<PrimaryPreset, string>;

const swatch =
  'relative flex size-8 items-center justify-center rounded-full outline-none ring-offset-2 ring-offset-popover transition-shadow duration-150 data-[highlighted]:ring-2 data-[highlighted]:ring-ring';

/**
 * The accent colour, inside the preferences menu: the presets and a custom colour as round
 * swatches (menu radio items, so arrow keys and Enter work), and a reset once it differs from the
 * default. Choosing keeps the menu open, so the new accent shows on the page behind it and another can be tried.
 */
export function AccentPicker() {
  const { t } = useTranslation();
  const primary = usePrimary();
  // Swatches show each colour as it would look now: in dark mode, its lighter variant.
  const theme = useTheme();
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  const fill = (color: string) => primaryTokens(color, dark);
  const input = useRef<HTMLInputElement>(null);
  const preset = (Object.keys(primaryPresets) as PrimaryPreset[]).find((name) => primaryPresets[name] === primary);
  const openPicker = () => {
    const field = input.current;
    if (!field) return;
    // showPicker opens the system colour dialog without the field having to be visible; older
    // browsers, or one that refuses it (already open, inside a frame), get the click instead.
    try {
      field.showPicker();
    } catch {
      field.click();
    }
  };
  return (
    <>
      <MenuPrimitive.RadioGroup value={preset ?? 'custom'} className="grid grid-cols-5 justify-items-center gap-2 px-2 pt-1 pb-2">
        {(Object.keys(primaryPresets) as PrimaryPreset[]).map((name) => (
          <MenuPrimitive.RadioItem
            key={name}
            value={name}
            aria-label={t(presetLabels[name])}
            title={t(presetLabels[name])}
            className={swatch}
            style={{ backgroundColor: fill(primaryPresets[name])['--primary'] }}
            onSelect={(event) => {
              event.preventDefault();
              choosePrimary(primaryPresets[name]);
            }}
          >
            <MenuPrimitive.ItemIndicator>
              <Check className="size-4" style={{ color: fill(primaryPresets[name])['--primary-foreground'] }} aria-hidden />
            </MenuPrimitive.ItemIndicator>
          </MenuPrimitive.RadioItem>
        ))}
        <MenuPrimitive.RadioItem
          value="custom"
          aria-label={t('shell.accent.custom')}
          title={t('shell.accent.custom')}
          className={swatch}
          // The user's own colour once chosen; before that, a colour wheel says "any colour".
          style={{ background: preset ? 'conic-gradient(#f43f5e, #f59e0b, #10b981, #06b6d4, #6366f1, #d946ef, #f43f5e)' : fill(primary)['--primary'] }}
          onSelect={(event) => {
            event.preventDefault();
            openPicker();
          }}
        >
          <MenuPrimitive.ItemIndicator>
            <Check className="size-4" style={{ color: fill(primary)['--primary-foreground'] }} aria-hidden />
          </MenuPrimitive.ItemIndicator>
        </MenuPrimitive.RadioItem>
      </MenuPrimitive.RadioGroup>
      <input
        ref={input}
        type="color"
        tabIndex={-1}
        aria-hidden
        className="sr-only"
        value={primary}
        onChange={(event) => choosePrimary(event.target.value)}
      />
      {primary !== defaultPrimary && (
        <MenuPrimitive.Item
          className="flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none select-none focus:bg-accent focus:text-accent-foreground"
          onSelect={(event) => {
            event.preventDefault();
            choosePrimary(null);
          }}
        >
          <RotateCcw className="size-4 text-muted-foreground" aria-hidden />
          {t('shell.accent.reset')}
        </MenuPrimitive.Item>
      )}
    </>
  );
}
