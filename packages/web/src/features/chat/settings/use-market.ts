import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import type { MarketEntry } from './market-types';

/** The market changes when an administrator edits it: a few minutes of staleness costs nothing. */
const FIVE_MINUTES = 5 * 60_000;

/** The models the chat offers, with prices, plan coverage and favourites (`GET /api/market`). */
export function useMarket() {
  return useQuery({
    queryKey: ['market'],
    queryFn: async () => (await unwrap(api.GET('/api/market'))).data,
    staleTime: FIVE_MINUTES,
  });
}

/** The user's favourites in their own order; only asked for when the market says there are some. */
export function useFavoriteOrder(enabled: boolean) {
  return useQuery({
    queryKey: ['market', 'favorites'],
    queryFn: async () => (await unwrap(api.GET('/api/market/favorites'))).data,
    staleTime: FIVE_MINUTES,
    enabled,
  });
}

/** The market's entry for a model id; undefined while loading or for a model the market does not list. */
export function findMarketEntry(entries: readonly MarketEntry[] | undefined, model: string): MarketEntry | undefined {
  return entries?.find((entry) => entry.model === model);
}

/** What a model can do (`GET /api/models`, P-7): only shown when the server knows the model. */
export type ModelCapabilities = paths['/api/models']['get']['responses'][200]['content']['application/json']['data'][number]['capabilities'];

/**
 * The signed-in user's models with their capabilities, by id. The market does not carry them;
 * signed-out visitors cannot ask (the route is for users), so they see none.
 */
export function useCapabilities(enabled: boolean) {
  return useQuery({
    queryKey: ['models'],
    queryFn: async () => new Map((await unwrap(api.GET('/api/models'))).data.map((model) => [model.id, model.capabilities])),
    staleTime: FIVE_MINUTES,
    enabled,
  });
}
