import type { Kysely } from 'kysely';

/**
 * Operator settings that change at run time without a restart (registration, plans, the
 * response cache): one JSON document per section, validated by the section's schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
