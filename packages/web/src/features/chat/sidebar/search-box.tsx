import { Search, X } from 'lucide-react';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { WithTooltip } from '@/components/ui/tooltip';
import { isApple } from './shortcut';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The search field: ⌘K / Ctrl+K focuses it from anywhere, Esc clears it (and leaves it when already empty). */
export function SearchBox({ value, onChange, inputRef }: SearchBoxProps) {
  const { t } = useTranslation();
  const own = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        own.current?.focus();
        own.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The shell's handle is the field itself (mounted whenever the sidebar is).
  useImperativeHandle(inputRef, () => own.current as HTMLInputElement, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (value) onChange('');
    else event.currentTarget.blur();
  };

  return (
    <div className="px-3 pb-2">
      <div className="relative">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <input
        ref={own}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label={t('sidebar.search.label')}
        placeholder={t('sidebar.search.placeholder')}
        enterKeyHint="search"
        className="h-9 w-full rounded-lg bg-background/70 pr-12 pl-8.5 text-base outline-none ring-1 ring-border/60 transition-shadow duration-150 placeholder:text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring md:text-sm [&::-webkit-search-cancel-button]:hidden"
      />
      {value ? (
        <WithTooltip label={t('sidebar.search.clear')}>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('sidebar.search.clear')}
            onClick={() => {
              onChange('');
              own.current?.focus();
            }}
            className="absolute top-0.5 right-0.5 size-8"
          >
            <X />
          </Button>
        </WithTooltip>
      ) : (
        <kbd className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 font-mono text-xs text-muted-foreground pointer-coarse:hidden" aria-hidden>
          {isApple() ? '⌘K' : 'Ctrl+K'}
        </kbd>
      )}
      </div>
    </div>
  );
}
