import { Link2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { WithTooltip } from '@/components/ui/tooltip';

interface Props {
  /** Adds the link; returns why it was refused, or null. */
  onAdd(url: string): string | null;
  /** Where focus goes once the link is added (the message box). */
  onDone(): void;
}

/** "Add image by link": a small popover with one field, checked before it closes. */
export function ImageUrlPopover({ onAdd, onDone }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const errorId = useId();

  const openChange = (next: boolean) => {
    setOpen(next);
    setError(null);
    if (!next) setUrl('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation(); // the popover is portalled, but React bubbles the submit to the composer's form
    const refusal = onAdd(url);
    setError(refusal);
    if (refusal) return;
    openChange(false);
    onDone();
  };

  return (
    <Popover open={open} onOpenChange={openChange}>
      <WithTooltip label={t('composer.url.open')}>
        <PopoverTrigger asChild>
          <Button type="button" variant="ghost" size="icon-sm" aria-label={t('composer.url.open')} className="size-10 rounded-full text-muted-foreground md:size-8">
            <Link2 aria-hidden />
          </Button>
        </PopoverTrigger>
      </WithTooltip>
      <PopoverContent side="top" aria-label={t('composer.url.open')} className="w-80 max-w-[calc(100vw-2rem)]">
        <form onSubmit={submit} className="grid gap-3" noValidate>
          <Label htmlFor={fieldId}>{t('composer.url.label')}</Label>
          <div className="flex gap-2">
            <Input
              id={fieldId}
              type="url"
              inputMode="url"
              autoComplete="off"
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                setError(null);
              }}
              placeholder={t('composer.url.placeholder')}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            <Button type="submit" disabled={!url.trim()}>
              {t('composer.url.add')}
            </Button>
          </div>
          {error && (
            <p id={errorId} role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </form>
      </PopoverContent>
    </Popover>
  );
}
