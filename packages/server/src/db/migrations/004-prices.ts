import type { Kysely } from 'kysely';

/**
 * Model prices (B-2). Amounts are micro-points: `per_request` for request pricing; per
 * `unit_tokens` (1,000 or 1,000,000) tokens for token pricing, with separate prices for
 * cached input and cache writes (null = the input price).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prices')
    .addColumn('model', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('per_request', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('input', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('output', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('cached_input', 'bigint')
    .addColumn('cache_write', 'bigint')
    .addColumn('unit_tokens', 'integer', (c) => c.notNull().defaultTo(1_000_000))
    .addColumn('anonymous', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
