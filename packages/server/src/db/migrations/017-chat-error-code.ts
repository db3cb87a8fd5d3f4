import type { Kysely } from 'kysely';

/**
 * A failed chat answer keeps the machine-readable reason beside its English `error` text
 * (`insufficient_balance`, `model_not_found`, …), so the web app can say what happened in the
 * user's own language.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('error_code', 'varchar(64)').execute();
}
