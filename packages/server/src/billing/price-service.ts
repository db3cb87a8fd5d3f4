import type { Db } from '../db/database.js';
import type { PricesTable } from '../db/schema.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { microPoints } from './money.js';
import type { Price } from './pricing.js';

export interface PriceView {
  model: string;
  mode: 'free' | 'request' | 'token';
  per_request: number;
  input: number;
  output: number;
  cached_input: number | null;
  cache_write: number | null;
  unit_tokens: 1000 | 1000000;
  anonymous: boolean;
  updated_at: number;
}

export type PriceInput = Omit<PriceView, 'model' | 'updated_at'>;

/**
 * Model prices, served from memory: the relay looks a price up on every call. Every write
 * reloads the table on every node (the `prices` invalidation), and the table is small.
 */
export class PriceService {
  private byModel = new Map<string, Price>();

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
  ) {
    bus.on(async (msg) => {
      if (msg.kind === 'prices') await this.reload();
    });
  }

  async start(): Promise<void> {
    await this.reload();
  }

  /** The price of a model, or undefined when none is set (B-2: refused to non-admins). */
  priceOf(model: string): Price | undefined {
    return this.byModel.get(model);
  }

  async list(): Promise<PriceView[]> {
    const rows = await this.db.kysely.selectFrom('prices').selectAll().orderBy('model').execute();
    return rows.map(viewOf);
  }

  async upsert(model: string, input: PriceInput): Promise<PriceView> {
    const now = Date.now();
    const values = {
      mode: input.mode,
      per_request: input.per_request,
      input: input.input,
      output: input.output,
      cached_input: input.cached_input,
      cache_write: input.cache_write,
      unit_tokens: input.unit_tokens,
      anonymous: input.anonymous ? 1 : 0,
      updated_at: now,
    };
    // Update first, insert when absent: one portable statement pair instead of three dialects of upsert.
    const updated = await this.db.kysely.updateTable('prices').set(values).where('model', '=', model).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.kysely.insertInto('prices').values({ model, ...values }).execute();
    await this.bus.publish({ kind: 'prices' });
    return { model, ...input, updated_at: now };
  }

  async remove(model: string): Promise<boolean> {
    const result = await this.db.kysely.deleteFrom('prices').where('model', '=', model).executeTakeFirst();
    await this.bus.publish({ kind: 'prices' });
    return Number(result.numDeletedRows) > 0;
  }

  private async reload(): Promise<void> {
    const rows = await this.db.kysely.selectFrom('prices').selectAll().execute();
    this.byModel = new Map(rows.map((r) => [r.model, priceOf(r)]));
  }
}

function viewOf(r: PricesTable): PriceView {
  return {
    model: r.model,
    mode: r.mode,
    per_request: microPoints(r.per_request),
    input: microPoints(r.input),
    output: microPoints(r.output),
    cached_input: r.cached_input === null ? null : microPoints(r.cached_input),
    cache_write: r.cache_write === null ? null : microPoints(r.cache_write),
    unit_tokens: r.unit_tokens === 1000 ? 1000 : 1000000,
    anonymous: r.anonymous === 1,
    updated_at: Number(r.updated_at),
  };
}

function priceOf(r: PricesTable): Price {
  const v = viewOf(r);
  if (v.mode === 'free') return { mode: 'free', anonymous: v.anonymous };
  if (v.mode === 'request') return { mode: 'request', perRequest: v.per_request, anonymous: v.anonymous };
  return {
    mode: 'token',
    input: v.input,
    output: v.output,
    ...(v.cached_input !== null ? { cachedInput: v.cached_input } : {}),
    ...(v.cache_write !== null ? { cacheWrite: v.cache_write } : {}),
    unitTokens: v.unit_tokens,
    anonymous: v.anonymous,
  };
}
