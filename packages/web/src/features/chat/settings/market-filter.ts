import type { MarketEntry } from './market-types';
import { type ProviderId, providerOf } from './provider';

/** Signed-out visitors may only use free models opened to them (README, Anonymous chat). */
export function offeredEntries(entries: readonly MarketEntry[], anonymous: boolean): MarketEntry[] {
  return anonymous ? entries.filter((entry) => entry.price?.anonymous === true) : [...entries];
}

export interface ModelGroup {
  /** 'favorites' for the user's own list, else the provider. */
  key: 'favorites' | ProviderId;
  entries: MarketEntry[];
}

/**
 * The picker's sections: favourites first (in the user's own order when known, each shown once),
 * then one group per provider in the order the market first lists it, "other" last. Within a
 * group the market's order (the administrators' choice) is kept.
 */
export function groupEntries(entries: readonly MarketEntry[], favoriteOrder: readonly string[] = []): ModelGroup[] {
  const rank = new Map(favoriteOrder.map((model, index) => [model, index]));
  const favorites = entries
    .filter((entry) => entry.favorite)
    .sort((a, b) => (rank.get(a.model) ?? Infinity) - (rank.get(b.model) ?? Infinity));
  const byProvider = new Map<ProviderId, MarketEntry[]>();
  for (const entry of entries) {
    if (entry.favorite) continue;
    const provider = providerOf(entry);
    const group = byProvider.get(provider);
    if (group) group.push(entry);
    else byProvider.set(provider, [entry]);
  }
  const groups: ModelGroup[] = favorites.length ? [{ key: 'favorites', entries: favorites }] : [];
  for (const [key, group] of byProvider) if (key !== 'other') groups.push({ key, entries: group });
  const other = byProvider.get('other');
  if (other) groups.push({ key: 'other', entries: other });
  return groups;
}

/**
 * The palette's search: every word typed must appear in the model's id, name, provider or tags
 * (case-insensitive, so 千问 and GPT-4O both work), a name or id that starts with the search
 * ranks first. Substrings rather than cmdk's fuzzy default: "gpt" should not match
 * "google-pro-thinking", and it stays cheap over 500 models on every keystroke.
 */
export function matchScore(value: string, search: string, keywords: readonly string[] = []): number {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return 1;
  const fields = [value, ...keywords].map((field) => field.toLowerCase());
  const haystack = fields.join('\n');
  if (!words.every((word) => haystack.includes(word))) return 0;
  const whole = search.trim().toLowerCase();
  return fields.slice(0, 2).some((field) => field.startsWith(whole)) ? 1 : 0.5;
}
