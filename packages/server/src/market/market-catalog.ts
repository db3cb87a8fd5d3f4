import type { Db } from '../db/database.js';
import type { MarketEntriesTable } from '../db/schema.js';
import { parseStoredJson } from '../db/stored-json.js';
import { inTransaction } from '../db/transaction-retry.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { storedTags, type EntryInput, type EntryListInput, type MarketEntry } from './market-schema.js';

/** Rows per INSERT when the whole list is replaced: well under every engine's parameter limit. */
const INSERT_CHUNK = 100;

/**
 * The model market entries (W-7), served from memory in market order: every market page and
 * `/v1/market` read them. Every write reloads the table on every node (the `market`
 * invalidation), and the table is small.
 */
export class MarketCatalog {
  private entries: MarketEntry[] = [];
  private byModel = new Map<string, MarketEntry>();

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
  ) {
    bus.on(async (msg) => {
      if (msg.kind === 'market') await this.reload();
    });
  }

  async start(): Promise<void> {
    await this.reload();
  }

  /** Every entry, lowest order first (ties by model id). */
  list(): readonly MarketEntry[] {
    return this.entries;
  }

  /** The model a conversation uses until it chooses one: the entry marked default, else the first. */
  defaultModel(): string | undefined {
    return (this.entries.find((e) => e.default) ?? this.entries[0])?.model;
  }

  has(model: string): boolean {
    return this.byModel.has(model);
  }

  /** Creates or replaces one entry; without an order it keeps its place, or a new one goes last. */
  async upsert(model: string, input: EntryInput): Promise<MarketEntry> {
    const now = Date.now();
    const order = input.order ?? (await this.placeOf(model));
    const values = { ...columnsOf(input), sort_order: order, updated_at: now };
    // Update first, insert when absent: one portable statement pair instead of three dialects of upsert.
    const updated = await this.db.kysely.updateTable('market_entries').set(values).where('model', '=', model).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.kysely.insertInto('market_entries').values({ model, ...values, created_at: now }).execute();
    await this.bus.publish({ kind: 'market' });
    return entryOf({ model, ...values, created_at: now })!;
  }

  async remove(model: string): Promise<boolean> {
    const result = await this.db.kysely.deleteFrom('market_entries').where('model', '=', model).executeTakeFirst();
    await this.bus.publish({ kind: 'market' });
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Replaces the whole market with `list`, in its order, in one transaction: a failure leaves
   * the previous market as it was. Entries that stay keep their creation time.
   */
  async replaceAll(list: EntryListInput): Promise<readonly MarketEntry[]> {
    const now = Date.now();
    await inTransaction(this.db, async (trx) => {
      const created = new Map((await trx.selectFrom('market_entries').select(['model', 'created_at']).execute()).map((r) => [r.model, Number(r.created_at)]));
      await trx.deleteFrom('market_entries').execute();
      const rows = list.map((e, i) => ({ model: e.model, ...columnsOf(e), sort_order: i, created_at: created.get(e.model) ?? now, updated_at: now }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('market_entries').values(rows.slice(i, i + INSERT_CHUNK)).execute();
    });
    await this.bus.publish({ kind: 'market' });
    return this.entries;
  }

  /** The current order of `model`, or one past the last entry for a new model. */
  private async placeOf(model: string): Promise<number> {
    const existing = await this.db.kysely.selectFrom('market_entries').select('sort_order').where('model', '=', model).executeTakeFirst();
    if (existing) return Number(existing.sort_order);
    const last = await this.db.kysely
      .selectFrom('market_entries')
      .select((eb) => eb.fn.max('sort_order').as('top'))
      .executeTakeFirst();
    return last?.top === null || last?.top === undefined ? 0 : Number(last.top) + 1;
  }

  private async reload(): Promise<void> {
    const rows = await this.db.kysely.selectFrom('market_entries').selectAll().orderBy('sort_order').orderBy('model').execute();
    // A row that no longer validates is skipped rather than breaking the market.
    const entries = rows.map(entryOf).filter((e): e is MarketEntry => e !== undefined);
    this.entries = entries;
    this.byModel = new Map(entries.map((e) => [e.model, e]));
  }
}

function columnsOf(input: Omit<EntryInput, 'order'>) {
  return {
    name: input.name,
    description: input.description,
    tags: JSON.stringify(input.tags),
    avatar: input.avatar,
    is_default: input.default ? 1 : 0,
    high_context: input.high_context ? 1 : 0,
  };
}

function entryOf(row: MarketEntriesTable): MarketEntry | undefined {
  const tags = parseStoredJson(storedTags, row.tags);
  if (!tags) return undefined;
  return {
    model: row.model,
    name: row.name,
    description: row.description,
    tags,
    avatar: row.avatar,
    default: Number(row.is_default) === 1,
    high_context: Number(row.high_context) === 1,
    order: Number(row.sort_order),
    updated_at: Number(row.updated_at),
  };
}
