import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.js';

function withBigId<T extends string>(t: CreateTableBuilder<T, never>, dialect: Dialect) {
  if (dialect === 'postgres') return t.addColumn('id', 'bigserial', (c) => c.primaryKey());
  if (dialect === 'mysql') return t.addColumn('id', 'bigint', (c) => c.primaryKey().autoIncrement());
  return t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Money (B-1, B-4): every user has a balance in micro-points (1 point = 1,000,000), and every
 * movement of it is a ledger row written in the same transaction as the balance change.
 * `idem_key` is unique, so a movement retried with the same key happens once. Amounts held
 * for requests in flight are `reservations`, so a crash leaves a record to reconcile.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await withBigId(db.schema.createTable('ledger'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('balance_after', 'bigint', (c) => c.notNull())
    .addColumn('idem_key', 'varchar(128)', (c) => c.unique())
    .addColumn('request_id', 'varchar(40)')
    .addColumn('note', 'varchar(512)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_user_created').on('ledger').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('reservations')
    .addColumn('request_id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('node_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reservations_node').on('reservations').column('node_id').execute();
  await db.schema.createIndex('reservations_created').on('reservations').column('created_at').execute();
}
