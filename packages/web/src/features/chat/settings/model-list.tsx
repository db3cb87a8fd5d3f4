import { useVirtualizer } from '@tanstack/react-virtual';
import { Check, Search } from 'lucide-react';
import { type KeyboardEvent, type ReactNode, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/lib/api/error-text';
import { cn } from '@/lib/cn';
import { groupEntries, offeredEntries, type PaletteRow, paletteRows } from './market-filter';
import type { MarketEntry } from './market-types';
import { ModelAvatar } from './model-avatar';
import { CapabilityIcons, FeatureBadges, PriceBadge } from './model-badges';
import { providerName } from './provider';
import { type ModelCapabilities, useCapabilities, useFavoriteOrder, useMarket } from './use-market';

interface ModelListProps {
  value: string;
  anonymous: boolean;
  onSelect: (model: string) => void;
  /** Rendered at the end of the search row (the phone dialog's close button). */
  searchEnd?: ReactNode;
  /** Focus the search box on open (desktop); phones leave the keyboard down until asked. */
  autoFocus?: boolean;
  className?: string;
}

/** Fixed row heights: the virtual list places rows without measuring them. */
const HEADING_HEIGHT = 36;
const MODEL_HEIGHT = 60;
/** Rows a Page Up / Page Down moves. */
const PAGE = 8;

/**
 * The palette: a search box over a virtual list (favourites, then the market by provider). Only
 * the rows on screen exist in the page, so 500 models open and filter as fast as 10. The search
 * box keeps the focus and drives the list as a combobox: arrows and Page keys move, Enter picks
 * (never while an IME is composing), Escape is the surrounding popover's or dialog's.
 */
export function ModelList({ value, anonymous, onSelect, searchEnd, autoFocus = true, className }: ModelListProps) {
  const { t } = useTranslation();
  const market = useMarket();
  const offered = useMemo(() => offeredEntries(market.data ?? [], anonymous), [market.data, anonymous]);
  const favoriteOrder = useFavoriteOrder(offered.some((entry) => entry.favorite)).data;
  const capabilities = useCapabilities(!anonymous).data;
  const groups = useMemo(() => groupEntries(offered, favoriteOrder), [offered, favoriteOrder]);
  const [search, setSearch] = useState('');
  // Typing stays instant; the list catches up when the browser has time.
  const deferredSearch = useDeferredValue(search);
  const rows = useMemo(() => paletteRows(groups, deferredSearch), [groups, deferredSearch]);

  const [activeModel, setActiveModel] = useState<string | null>(value || null);
  const modelRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'model' ? [index] : [])), [rows]);
  const found = rows.findIndex((row) => row.kind === 'model' && row.entry.model === activeModel);
  const activeRow = found >= 0 ? found : (modelRows[0] ?? -1);

  const listRef = useRef<HTMLDivElement>(null);
  // The app does not run the React Compiler, which is what this rule guards; the virtualizer
  // re-renders this component itself when the list scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'heading' ? HEADING_HEIGHT : MODEL_HEIGHT),
    getItemKey: (index) => rowKey(rows[index]),
    overscan: 6,
    // Rendered before the list has a size (and on a server): draw the first screenful.
    initialRect: { width: 480, height: 480 },
  });

  // Opening shows the current model, once the market is there.
  const shownCurrent = useRef(false);
  useEffect(() => {
    if (shownCurrent.current || !rows.length) return;
    shownCurrent.current = true;
    if (found > 0) virtualizer.scrollToIndex(found, { align: 'center' });
  }, [rows, found, virtualizer]);

  const moveTo = (row: number | undefined) => {
    const target = row === undefined ? undefined : rows[row];
    if (target?.kind !== 'model' || row === undefined) return;
    setActiveModel(target.entry.model);
    virtualizer.scrollToIndex(row, { align: 'auto' });
  };
  const move = (by: number) => {
    if (!modelRows.length) return;
    const at = Math.max(0, modelRows.indexOf(activeRow));
    const next = by === 1 || by === -1 ? (at + by + modelRows.length) % modelRows.length : Math.min(Math.max(at + by, 0), modelRows.length - 1);
    moveTo(modelRows[next]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(PAGE),
      PageUp: () => move(-PAGE),
      Enter: () => {
        const row = rows[activeRow];
        if (row?.kind === 'model') onSelect(row.entry.model);
      },
    };
    const action = keys[event.key];
    if (!action || event.nativeEvent.isComposing) return;
    event.preventDefault();
    action();
  };

  const listId = useId();
  const optionId = (row: number) => `${listId}-${row}`;
  const empty = market.isSuccess && !rows.length;
  const groupLabel = (group: Extract<PaletteRow, { kind: 'heading' }>['group']) =>
    group === 'favorites' ? t('settings.picker.favorites') : (providerName(group) ?? t('settings.picker.other'));

  return (
    <div className={cn('flex min-h-0 flex-col', className)}>
      <div className="flex items-center gap-2 border-b px-3">
        <Search aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        <input
          autoFocus={autoFocus}
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeRow >= 0 ? optionId(activeRow) : undefined}
          aria-label={t('settings.picker.search')}
          placeholder={t('settings.picker.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setActiveModel(null);
            virtualizer.scrollToOffset(0);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
          className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-muted-foreground md:text-sm"
        />
        {searchEnd}
      </div>
      {market.isPending && <ListSkeleton />}
      {market.isError && <ListError error={market.error} onRetry={() => void market.refetch()} />}
      {empty && (
        <p role="status" className="px-3 py-10 text-center text-sm text-muted-foreground">
          {offered.length ? t('settings.picker.empty') : t('settings.picker.none')}
        </p>
      )}
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t('settings.picker.title')}
        className={cn('min-h-0 flex-1 overflow-y-auto overscroll-contain md:max-h-[min(60vh,30rem)]', !rows.length && 'hidden')}
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const place = { transform: `translateY(${item.start}px)`, height: item.size };
            if (row.kind === 'heading') {
              return (
                <div
                  key={item.key}
                  role="presentation"
                  style={place}
                  className="absolute inset-x-0 top-0 flex items-end px-4 pb-1.5 text-xs font-medium text-muted-foreground"
                >
                  {groupLabel(row.group)}
                </div>
              );
            }
            return (
              <ModelOption
                key={item.key}
                id={optionId(item.index)}
                entry={row.entry}
                active={item.index === activeRow}
                current={row.entry.model === value}
                capabilities={capabilities?.get(row.entry.model)}
                style={place}
                onHover={() => setActiveModel(row.entry.model)}
                onSelect={() => onSelect(row.entry.model)}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function rowKey(row: PaletteRow | undefined): string {
  if (!row) return '';
  return row.kind === 'heading' ? `group:${row.group}` : row.entry.model;
}

interface ModelOptionProps {
  id: string;
  entry: MarketEntry;
  active: boolean;
  current: boolean;
  capabilities: ModelCapabilities | undefined;
  style: React.CSSProperties;
  onHover: () => void;
  onSelect: () => void;
}

function ModelOption({ id, entry, active, current, capabilities, style, onHover, onSelect }: ModelOptionProps) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      style={style}
      onPointerMove={active ? undefined : onHover}
      onClick={onSelect}
      className="absolute inset-x-0 top-0 px-1.5"
    >
      <div
        className={cn(
          'flex h-full cursor-pointer items-center gap-3 rounded-md px-2.5',
          // Muted grey on the highlight falls under 4.5:1; darken the secondary text there.
          active && 'bg-accent text-accent-foreground [&_.text-muted-foreground]:text-foreground/70',
        )}
      >
        <ModelAvatar entry={entry} />
        <span className="flex min-w-0 flex-1 flex-col gap-1">
          <span className="flex min-w-0 items-center gap-1.5">
            <span className="truncate text-sm font-medium">{entry.name || entry.model}</span>
            <FeatureBadges entry={entry} />
          </span>
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-mono text-xs text-muted-foreground">{entry.model}</span>
            <PriceBadge price={entry.price} />
            <CapabilityIcons capabilities={capabilities} />
          </span>
        </span>
        <Check aria-hidden className={cn('size-4 shrink-0 text-primary', !current && 'invisible')} />
      </div>
    </div>
  );
}

function ListSkeleton() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('settings.picker.loading')} className="flex flex-col gap-1 p-2.5">
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} aria-hidden className="flex items-center gap-3 px-1.5 py-2">
          <div className="size-7 animate-pulse rounded-full bg-muted" />
          <div className="flex flex-1 flex-col gap-1.5">
            <div className="h-3.5 w-2/5 animate-pulse rounded bg-muted" />
            <div className="h-3 w-3/5 animate-pulse rounded bg-muted" />
          </div>
        </div>
      ))}
    </div>
  );
}

function ListError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div role="alert" className="flex flex-col items-center gap-3 px-3 py-10 text-center text-sm text-muted-foreground">
      <p>{errorText(error)}</p>
      <Button variant="outline" size="sm" onClick={onRetry}>
        {t('settings.picker.retry')}
      </Button>
    </div>
  );
}
