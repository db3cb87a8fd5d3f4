import type { MarketEntry, MarketPrice } from './market-types';

/** A market entry for tests: a token-priced model unless told otherwise. */
export function marketEntry(model: string, over: Partial<MarketEntry> = {}): MarketEntry {
  return {
    model,
    name: model,
    description: '',
    tags: [],
    avatar: '',
    default: false,
    high_context: false,
    order: 0,
    price: tokenPrice(),
    plan: false,
    favorite: false,
    ...over,
  };
}

export function tokenPrice(over: Partial<MarketPrice> = {}): MarketPrice {
  return { mode: 'token', per_request: 0, input: 500_000, output: 1_500_000, cached_input: null, cache_write: null, unit_tokens: 1_000_000, anonymous: false, ...over };
}
