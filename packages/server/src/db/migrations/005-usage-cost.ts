import type { Kysely } from 'kysely';

/** What each request was charged, in micro-points (B-8), beside its token counts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('usage_logs')
    .addColumn('cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}
