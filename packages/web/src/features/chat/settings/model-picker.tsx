import { ChevronDown, X } from 'lucide-react';
import { type ComponentProps, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { cn } from '@/lib/cn';
import { ModelAvatar } from './model-avatar';
import { findMarketEntry, useMarket } from './use-market';
import { useIsPhone } from '@/lib/use-is-phone';

// The list (search, groups, a virtual list) loads when the picker first opens, outside the main bundle.
const ModelList = lazy(() => import('./model-list').then((m) => ({ default: m.ModelList })));

export interface ModelPickerProps {
  /** The chosen model id; "" when none is chosen (the conversation then uses the market's default). */
  value: string;
  onChange: (model: string) => void;
  /** Signed out: only free models opened to visitors are offered. */
  anonymous?: boolean;
  /** Extra classes for the trigger (e.g. full width in the settings panel). */
  className?: string;
  /** Labels the trigger for forms (the settings panel's "Model" label). */
  id?: string;
}

/**
 * The model switch: a button showing the current model that opens a searchable palette, a
 * popover under the button on desktop and a full-screen dialog on phones (room for the keyboard
 * and thumb-sized rows).
 */
export function ModelPicker({ value, onChange, anonymous = false, className, id }: ModelPickerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const choose = (model: string) => {
    setOpen(false);
    if (model !== value) onChange(model);
  };
  const trigger = <PickerTrigger id={id} value={value} open={open} className={className} />;

  if (isPhone) {
    return (
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>{trigger}</DialogTrigger>
        <DialogContent
          bare
          aria-describedby={undefined}
          // Focus the sheet, not the search box: the phone keyboard would cover half the list.
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            (event.currentTarget as HTMLElement).focus();
          }}
          className="top-0 left-0 flex h-dvh w-full max-w-none translate-x-0 translate-y-0 flex-col gap-0 rounded-none border-0 p-0 pt-[env(safe-area-inset-top)]">
          <DialogTitle className="sr-only">{t('settings.picker.title')}</DialogTitle>
          <Suspense fallback={<ListLoading />}>
            <ModelList
              value={value}
              anonymous={anonymous}
              onSelect={choose}
              autoFocus={false}
              className="flex-1"
              searchEnd={
                <DialogClose asChild>
                  <Button variant="ghost" size="icon" aria-label={t('common.close')}>
                    <X aria-hidden />
                  </Button>
                </DialogClose>
              }
            />
          </Suspense>
        </DialogContent>
      </Dialog>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent aria-label={t('settings.picker.title')} className="w-[min(30rem,calc(100vw-2rem))] overflow-hidden p-0">
        <Suspense fallback={<ListLoading />}>
          <ModelList value={value} anonymous={anonymous} onSelect={choose} />
        </Suspense>
      </PopoverContent>
    </Popover>
  );
}

/** Avatar, name and chevron; the model id while the market loads or when the market does not list it. */
function PickerTrigger({ value, open, className, ...props }: { value: string; open: boolean } & ComponentProps<'button'>) {
  const { t } = useTranslation();
  const entry = findMarketEntry(useMarket().data, value);
  const label = entry?.name || value || t('settings.picker.choose');
  return (
    <Button
      variant="ghost"
      aria-haspopup="dialog"
      aria-expanded={open}
      className={cn('h-10 max-w-full justify-start gap-2 px-2.5 text-base font-medium md:h-9 md:text-sm', className)}
      {...props}
    >
      {value && <ModelAvatar entry={entry ?? { model: value, name: value, avatar: '' }} className="size-6 text-[11px]" />}
      <span className={cn('truncate', !value && 'text-muted-foreground')}>{label}</span>
      <ChevronDown aria-hidden className="ml-auto text-muted-foreground" />
    </Button>
  );
}

/** What shows for the moment the list's code takes to arrive. */
function ListLoading() {
  return (
    <div className="space-y-2 p-3" aria-busy="true">
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className="h-10 animate-pulse rounded-md bg-muted motion-reduce:animate-none" />
      ))}
    </div>
  );
}
