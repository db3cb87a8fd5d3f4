import { useMarket } from '@/features/chat/settings/use-market';

const storageKey = 'switchboard.lastModel';

/** A new chat starts on the model last used, while the market still offers it; else the market's first default. */
export function useStartingModel(): string {
  const market = useMarket().data ?? [];
  const last = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  if (last && market.some((entry) => entry.model === last)) return last;
  return (market.find((entry) => entry.default) ?? market[0])?.model ?? '';
}

export function rememberModel(model: string): void {
  if (model) localStorage.setItem(storageKey, model);
}
