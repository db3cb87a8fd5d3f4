import type { Kysely } from 'kysely';

/**
 * Per-key limits (B-10): a spending cap in micro-points (`quota_limit`, null = none) with what
 * the key has spent against it (`quota_used`, reserved amounts included while calls run), and
 * requests / tokens per minute. A reservation remembers the capped key it counts against, so
 * settling or releasing it corrects that key's `quota_used` too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('quota_limit', 'bigint').execute();
  await db.schema
    .alterTable('api_keys')
    .addColumn('quota_used', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('api_keys').addColumn('rpm', 'integer').execute();
  await db.schema.alterTable('api_keys').addColumn('tpm', 'integer').execute();
  await db.schema.alterTable('reservations').addColumn('key_id', 'integer').execute();
}
