import type { Kysely } from 'kysely';

/**
 * The model market (W-7, A-7). `market_entries`: one row per model id, shown in `sort_order`
 * (then by model id); tags are JSON text. No text column has a default: MySQL refuses
 * defaults on TEXT, so every write sets them all. `market_favorites`: a user's favourite
 * models in their own order (`position`), at most one row per user and model.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('market_entries')
    .addColumn('model', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('avatar', 'varchar(512)', (c) => c.notNull())
    .addColumn('is_default', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('high_context', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('market_favorites')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('model', 'varchar(128)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('market_favorites_pk', ['user_id', 'model'])
    .execute();
}
