import { Command } from 'cmdk';
import { Check } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/lib/api/error-text';
import { cn } from '@/lib/cn';
import { groupEntries, matchScore, offeredEntries } from './market-filter';
import type { MarketEntry } from './market-types';
import { ModelAvatar } from './model-avatar';
import { FeatureBadges, PriceBadge } from './model-badges';
import { providerName, providerOf } from './provider';
import { useFavoriteOrder, useMarket } from './use-market';

interface ModelListProps {
  value: string;
  anonymous: boolean;
  onSelect: (model: string) => void;
  /** Rendered at the end of the search row (the phone dialog's close button). */
  searchEnd?: React.ReactNode;
  className?: string;
}

/**
 * The palette itself: search, favourites, then the market grouped by provider. cmdk owns the
 * keyboard (arrows move, Enter picks); Escape is the surrounding popover's or dialog's.
 */
export function ModelList({ value, anonymous, onSelect, searchEnd, className }: ModelListProps) {
  const { t } = useTranslation();
  const market = useMarket();
  const offered = useMemo(() => offeredEntries(market.data ?? [], anonymous), [market.data, anonymous]);
  const favoriteOrder = useFavoriteOrder(offered.some((entry) => entry.favorite)).data;
  const groups = useMemo(() => groupEntries(offered, favoriteOrder), [offered, favoriteOrder]);

  return (
    <Command filter={matchScore} loop className={cn('flex min-h-0 flex-col', className)}>
      <div className="flex items-center gap-1 border-b px-3">
        <Command.Input
          autoFocus
          placeholder={t('settings.picker.search')}
          className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-muted-foreground md:text-sm"
        />
        {searchEnd}
      </div>
      <Command.List className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-1.5 md:max-h-[min(60vh,28rem)]">
        {market.isPending && <ListSkeleton />}
        {market.isError && <ListError error={market.error} onRetry={() => void market.refetch()} />}
        {market.isSuccess && (
          <Command.Empty className="px-3 py-8 text-center text-sm text-muted-foreground">
            {offered.length ? t('settings.picker.empty') : t('settings.picker.none')}
          </Command.Empty>
        )}
        {groups.map((group) => (
          <Command.Group
            key={group.key}
            heading={group.key === 'favorites' ? t('settings.picker.favorites') : (providerName(group.key) ?? t('settings.picker.other'))}
            className="[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground"
          >
            {group.entries.map((entry) => (
              <ModelRow key={entry.model} entry={entry} selected={entry.model === value} onSelect={onSelect} />
            ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command>
  );
}

function ModelRow({ entry, selected, onSelect }: { entry: MarketEntry; selected: boolean; onSelect: (model: string) => void }) {
  const provider = providerName(providerOf(entry));
  return (
    <Command.Item
      value={entry.model}
      keywords={[entry.name, ...(provider ? [provider] : []), ...entry.tags]}
      onSelect={() => onSelect(entry.model)}
      className="flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-2 outline-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground"
    >
      <ModelAvatar entry={entry} />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="flex min-w-0 items-center gap-1.5">
          <span className="truncate text-sm font-medium">{entry.name || entry.model}</span>
          <FeatureBadges entry={entry} />
        </span>
        <span className="flex min-w-0 items-center gap-2">
          <span className="truncate font-mono text-xs text-muted-foreground">{entry.model}</span>
          <PriceBadge price={entry.price} />
        </span>
      </span>
      <Check aria-hidden className={cn('size-4 shrink-0 text-primary', !selected && 'invisible')} />
    </Command.Item>
  );
}

function ListSkeleton() {
  const { t } = useTranslation();
  return (
    <Command.Loading label={t('settings.picker.loading')}>
      <div className="flex flex-col gap-1 p-1" aria-hidden>
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="flex items-center gap-3 px-1.5 py-2">
            <div className="size-7 animate-pulse rounded-full bg-muted" />
            <div className="flex flex-1 flex-col gap-1.5">
              <div className="h-3.5 w-2/5 animate-pulse rounded bg-muted" />
              <div className="h-3 w-3/5 animate-pulse rounded bg-muted" />
            </div>
          </div>
        ))}
      </div>
    </Command.Loading>
  );
}

function ListError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div role="alert" className="flex flex-col items-center gap-3 px-3 py-8 text-center text-sm text-muted-foreground">
      <p>{errorText(error)}</p>
      <Button variant="outline" size="sm" onClick={onRetry}>
        {t('settings.picker.retry')}
      </Button>
    </div>
  );
}
