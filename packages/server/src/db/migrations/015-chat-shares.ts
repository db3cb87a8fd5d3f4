import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { sql } from '../kysely-runtime.js';

/**
 * Shared conversations (W-8): a snapshot of one path of a conversation (whole, or up to a
 * message) under a random, unguessable id. The snapshot is copied, so deleting or changing
 * the conversation never breaks or alters a link already given out.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('chat_shares')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('message_id', 'varchar(36)')
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('snapshot', dialect === 'mysql' ? sql`mediumtext` : 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_shares_user_created').on('chat_shares').columns(['user_id', 'created_at']).execute();
}
