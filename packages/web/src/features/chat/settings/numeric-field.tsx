import { RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Slider } from '@/components/ui/slider';
import { WithTooltip } from '@/components/ui/tooltip';
import { cn } from '@/lib/cn';
import { type NumericSetting, parseSetting, snap } from './numeric-settings';

interface NumericFieldProps {
  setting: NumericSetting;
  value: number | null;
  label: string;
  help: string;
  /** A valid new value; `immediate` for a reset, which need not wait for more typing. */
  onValue: (value: number | null, immediate?: boolean) => void;
}

const show = (value: number | null) => (value === null ? '' : String(value));

/** A slider and a number box kept in step, with its default, a reset and a line of help. */
export function NumericField({ setting, value, label, help, onValue }: NumericFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [text, setText] = useState(show(value));
  const [shown, setShown] = useState(value);
  // A value changed from elsewhere (the slider, a reset, another device) replaces the text;
  // a value this box produced itself does not, so "0." is not rewritten to "0" mid-typing.
  if (value !== shown) {
    setShown(value);
    setText(show(value));
  }
  const parsed = parseSetting(setting, text);
  const atDefault = value === setting.fallback;
  const number = new Intl.NumberFormat(i18n.language);
  const range = { min: number.format(setting.min), max: number.format(setting.max) };

  const type = (next: string) => {
    setText(next);
    const result = parseSetting(setting, next);
    if (result.ok && result.value !== value) {
      setShown(result.value);
      onValue(result.value);
    }
  };

  return (
    <div className="flex flex-col gap-2.5">
      <div className="flex min-h-8 items-center gap-2">
        <Label htmlFor={id} className="min-w-0 flex-1">
          {label}
        </Label>
        <WithTooltip label={t('settings.panel.reset', { field: label })}>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('settings.panel.reset', { field: label })}
            className={cn('text-muted-foreground', atDefault && 'invisible')}
            onClick={() => onValue(setting.fallback, true)}
          >
            <RotateCcw aria-hidden />
          </Button>
        </WithTooltip>
      </div>
      <div className="flex items-center gap-4">
        {setting.slider && (
          <Slider
            aria-label={label}
            // In the phone drawer a sideways drag moves the thumb, not the drawer.
            data-vaul-no-drag
            min={setting.slider.min}
            max={setting.slider.max}
            step={setting.step}
            value={[Math.min(Math.max(value ?? setting.neutral, setting.slider.min), setting.slider.max)]}
            onValueChange={([next]) => next !== undefined && onValue(snap(setting, next))}
            // An unset setting shows where the usual default sits, dimmed: nothing is sent for it.
            className={cn('flex-1 py-2', value === null && 'opacity-50')}
          />
        )}
        <Input
          id={id}
          inputMode={setting.integer && setting.min >= 0 ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={text}
          placeholder={setting.fallback === null ? t('settings.panel.default') : String(setting.fallback)}
          aria-invalid={!parsed.ok}
          aria-describedby={`${id}-help`}
          onChange={(event) => type(event.target.value)}
          className={cn('text-right tabular-nums', setting.slider ? 'w-24' : 'w-full')}
        />
      </div>
      {parsed.ok ? (
        <p id={`${id}-help`} className="text-xs leading-relaxed text-muted-foreground">
          {help}
        </p>
      ) : (
        <p id={`${id}-help`} role="alert" className="text-xs leading-relaxed text-destructive">
          {t(setting.integer ? 'settings.panel.outOfRangeInteger' : 'settings.panel.outOfRange', range)}
        </p>
      )}
    </div>
  );
}
