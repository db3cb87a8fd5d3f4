import type { Kysely } from 'kysely';

/**
 * Subscriptions (B-5). `plans`: one row per level, items as JSON. `subscriptions`: one row per
 * user; `version` moves on with every change so a purchase writes only the state it priced.
 * `plan_usage`: one counter per user and plan item, for the period starting at `period_start`;
 * a use is one conditional UPDATE of that row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('level', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('period', 'varchar(16)', (c) => c.notNull().defaultTo('monthly'))
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('total_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscriptions_level_expires').on('subscriptions').columns(['level', 'expires_at']).execute();

  await db.schema
    .createTable('plan_usage')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('plan_usage_pk', ['user_id', 'item_id'])
    .execute();
}
