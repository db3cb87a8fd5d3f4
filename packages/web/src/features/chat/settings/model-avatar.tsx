import { useState } from 'react';
import { cn } from '@/lib/cn';
import type { MarketEntry } from './market-types';
import { providerColor, providerName, providerOf } from './provider';

/**
 * A model's picture: the market's image when it is an http(s) URL, else a coloured circle with
 * the provider's initial (also when the image fails to load). Decorative (the name is always
 * beside it), so hidden from screen readers.
 */
export function ModelAvatar({ entry, className }: { entry: Pick<MarketEntry, 'model' | 'name' | 'avatar'>; className?: string }) {
  const [broken, setBroken] = useState<string | null>(null);
  if (/^https?:\/\//i.test(entry.avatar) && broken !== entry.avatar) {
    return (
      <img
        src={entry.avatar}
        alt=""
        aria-hidden
        loading="lazy"
        onError={() => setBroken(entry.avatar)}
        className={cn('size-7 shrink-0 rounded-full bg-muted object-cover', className)}
      />
    );
  }
  const provider = providerOf(entry);
  const initial = [...(providerName(provider) ?? (entry.name || entry.model))][0]?.toUpperCase() ?? '?';
  return (
    <span
      aria-hidden
      className={cn('inline-flex size-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold select-none', providerColor(provider), className)}
    >
      {initial}
    </span>
  );
}
