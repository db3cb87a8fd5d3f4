import type { MarketEntry } from './market-types';
import { type ProviderId, providerName, providerOf } from './provider';

/** Signed-out visitors may only use free models opened to them (README, Anonymous chat). */
export function offeredEntries(entries: readonly MarketEntry[], anonymous: boolean): MarketEntry[] {
  return anonymous ? entries.filter((entry) => entry.price?.anonymous === true) : [...entries];
}

interface ModelGroup {
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

/** Each model's searchable text, built once per market answer (entries are replaced, never mutated). */
const haystacks = new WeakMap<MarketEntry, string>();

/** What a model is found by: its id, name, provider's name and tags, in lower case. */
function haystackOf(entry: MarketEntry): string {
  let found = haystacks.get(entry);
  if (found === undefined) {
    found = [entry.model, entry.name, providerName(providerOf(entry)) ?? '', ...entry.tags].join('\n').toLowerCase();
    haystacks.set(entry, found);
  }
  return found;
}

/**
 * The palette's search: every word typed must appear in the model's id, name, provider or tags
 * (case-insensitive, so 千问 and GPT-4O both work). Substrings rather than a fuzzy match: "gpt"
 * should not find "google-pro-thinking", and it stays cheap over 500 models on every keystroke.
 */
function matches(entry: MarketEntry, words: readonly string[]): boolean {
  const haystack = haystackOf(entry);
  return words.every((word) => haystack.includes(word));
}

/** One line of the palette: a group's heading or a model. */
export type PaletteRow = { kind: 'heading'; group: ModelGroup['key'] } | { kind: 'model'; entry: MarketEntry };

/**
 * The palette's lines for a search: the groups with only their matching models (a group left
 * empty disappears), flattened so a virtual list draws only what is on screen.
 */
export function paletteRows(groups: readonly ModelGroup[], search: string): PaletteRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const rows: PaletteRow[] = [];
  for (const group of groups) {
    const found = words.length ? group.entries.filter((entry) => matches(entry, words)) : group.entries;
    if (!found.length) continue;
    rows.push({ kind: 'heading', group: group.key });
    for (const entry of found) rows.push({ kind: 'model', entry });
  }
  return rows;
}

