import type { paths } from '@/lib/api/schema';

/** One model of the market as `GET /api/market` gives it (price in micro-points, null = unpriced). */
export type MarketEntry = paths['/api/market']['get']['responses'][200]['content']['application/json']['data'][number];

/** A market entry's price when it has one. */
export type MarketPrice = NonNullable<MarketEntry['price']>;

/** A conversation's settings as the server stores them (`GET /api/chat/conversations/{id}`). */
export type ChatSettings = paths['/api/chat/conversations/{id}']['get']['responses'][200]['content']['application/json']['settings'];

/** What the panel asks to change: only the fields given (`PATCH /api/chat/conversations/{id}`, `settings`). */
export type ChatSettingsPatch = NonNullable<
  paths['/api/chat/conversations/{id}']['patch']['requestBody']['content']['application/json']['settings']
>;
