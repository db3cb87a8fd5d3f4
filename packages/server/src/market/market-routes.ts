import { quoted } from '@switchboard/protocol';
import { z } from 'zod';
import type { Plans } from '../billing/plans/plans.js';
import type { PriceService, PriceView } from '../billing/price-service.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { badRequest, notFound } from '../http/errors.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { Favorites } from './favorites.js';
import type { MarketCatalog } from './market-catalog.js';
import { entryBody, entryListBody, entryView, marketModel, MAX_ENTRIES, type MarketEntry } from './market-schema.js';
import { planCoverage } from './plan-coverage.js';

export interface MarketRouteDeps {
  market: MarketCatalog;
  favorites: Favorites;
  prices: PriceService;
  plans: Plans;
  settings: SettingsService;
}

const modelParams = z.object({ model: marketModel });

const priceOfEntry = z
  .object({
    mode: z.enum(['free', 'request', 'token']),
    per_request: z.number(),
    input: z.number(),
    output: z.number(),
    cached_input: z.number().nullable(),
    cache_write: z.number().nullable(),
    unit_tokens: z.union([z.literal(1000), z.literal(1000000)]),
    anonymous: z.boolean(),
  })
  .nullable()
  .describe('as in GET /api/admin/prices, micro-points; null = unpriced (only administrators may use it)');

const marketItem = entryView.omit({ updated_at: true }).extend({
  price: priceOfEntry,
  plan: z.boolean().describe("the caller's running subscription pays for this model"),
  favorite: z.boolean().describe("in the caller's favourites"),
});

/** Chat Nio's market item (`admin/market.go`), so its front end or another site can sync. */
const chatNioItem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  default: z.boolean(),
  high_context: z.boolean(),
  avatar: z.string(),
  tag: z.array(z.string()),
});

const favoritesView = z.object({ data: z.array(z.string()).describe('model ids, in the order the user chose') });

/** The model market (W-7, A-7, R-10): administration, the market list, Chat Nio's /v1/market and favourites. */
export function registerMarketRoutes(routes: ApiRoutes, deps: MarketRouteDeps): void {
  const { market, favorites } = deps;

  routes.add({
    method: 'GET',
    url: '/api/admin/market',
    summary: 'Every market entry, in market order.',
    tag: 'market',
    access: 'admin',
    response: z.object({ data: z.array(entryView) }),
    async handler() {
      return { data: [...market.list()] };
    },
  });
  routes.add({
    method: 'PUT',
    url: '/api/admin/market',
    summary: `Replace the whole market with this list, in this order (at most ${MAX_ENTRIES}), all at once: a bad entry changes nothing.`,
    tag: 'market',
    access: 'admin',
    body: entryListBody,
    response: z.object({ data: z.array(entryView) }),
    async handler({ body }) {
      return { data: [...(await market.replaceAll(body))] };
    },
  });
  routes.add({
    method: 'PUT',
    url: '/api/admin/market/:model',
    summary: 'Create or replace the market entry of a model (URL-encode a "/" in its id). Applies on every node at once.',
    tag: 'market',
    access: 'admin',
    params: modelParams,
    body: entryBody,
    response: entryView,
    async handler({ params, body }) {
      return market.upsert(params.model, body);
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/admin/market/:model',
    summary: 'Remove a model from the market (its price and channels stay).',
    tag: 'market',
    access: 'admin',
    status: 204,
    params: modelParams,
    async handler({ params }) {
      if (!(await market.remove(params.model))) throw notFound(`model ${quoted(params.model)} is not in the market`, 'market_entry_not_found');
      return undefined;
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/market',
    summary: "The market in order, each model with its price and, for a signed-in caller, whether their plan covers it and whether it is a favourite.",
    tag: 'market',
    access: 'public',
    response: z.object({ data: z.array(marketItem) }),
    async handler({ principal }) {
      const userId = principal?.id;
      const [prices, covers, favs] = await Promise.all([
        deps.prices.list(),
        planCoverage(deps.plans, deps.settings, userId),
        userId === undefined ? [] : favorites.list(userId, (m) => market.has(m)),
      ]);
      const priceOf = new Map(prices.map((p) => [p.model, p]));
      const favSet = new Set(favs);
      return { data: market.list().map((e) => itemOf(e, priceOf.get(e.model), covers(e.model), favSet.has(e.model))) };
    },
  });
  routes.add({
    method: 'GET',
    url: '/v1/market',
    summary: "The market in Chat Nio's shape, public, so another site (or a Chat Nio front end) can sync it; prices are in /v1/charge.",
    tag: 'market',
    access: 'public',
    response: z.array(chatNioItem),
    async handler({ reply }) {
      // Other sites read it from the browser.
      reply.header('access-control-allow-origin', '*');
      return market.list().map((e) => ({ id: e.model, name: e.name, description: e.description, default: e.default, high_context: e.high_context, avatar: e.avatar, tag: e.tags }));
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/market/favorites',
    summary: "The caller's favourite models, in their order.",
    tag: 'market',
    access: 'user',
    response: favoritesView,
    async handler({ principal }) {
      return { data: await favorites.list(principal!.id, (m) => market.has(m)) };
    },
  });
  routes.add({
    method: 'PUT',
    url: '/api/market/favorites',
    summary: "Replace the caller's favourites with this ordered list of market models.",
    tag: 'market',
    access: 'user',
    body: z.object({ models: z.array(marketModel).max(MAX_ENTRIES) }),
    response: favoritesView,
    async handler({ principal, body }) {
      const seen = new Set<string>();
      for (const model of body.models) {
        if (seen.has(model)) throw badRequest(`model ${quoted(model)} is listed twice`, 'validation_failed');
        if (!market.has(model)) throw badRequest(`model ${quoted(model)} is not in the market`, 'validation_failed');
        seen.add(model);
      }
      await favorites.replace(principal!.id, body.models);
      return { data: body.models };
    },
  });
}

function itemOf(e: MarketEntry, p: PriceView | undefined, plan: boolean, favorite: boolean): z.infer<typeof marketItem> {
  const price = p
    ? { mode: p.mode, per_request: p.per_request, input: p.input, output: p.output, cached_input: p.cached_input, cache_write: p.cache_write, unit_tokens: p.unit_tokens, anonymous: p.anonymous }
    : null;
  return { model: e.model, name: e.name, description: e.description, tags: e.tags, avatar: e.avatar, default: e.default, high_context: e.high_context, order: e.order, price, plan, favorite };
}
