import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';

function withId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect) {
  if (dialect === 'postgres') return t.addColumn('id', 'serial', (c) => c.primaryKey());
  if (dialect === 'mysql') return t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  return t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Redeem and gift codes (B-6). A code is spent by one conditional update (`status = 'unused'`),
 * so it can be spent once; a gift type is claimed once per user by the ledger's unique
 * idempotency key (`gift:<type>:<user>`).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('codes'), dialect)
    .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('gift_type', 'varchar(64)')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('batch', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('unused'))
    .addColumn('used_by', 'integer')
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('codes_batch').on('codes').column('batch').execute();
}
