import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { sql } from '../kysely-runtime.js';

/**
 * The chat app's conversations (W-1, W-2, W-5, W-9). A conversation is a tree of messages
 * joined by `parent_id`; `current_leaf_id` is the branch every device shows. `settings` is
 * the JSON text of the conversation's model parameters. A deleted conversation keeps its row
 * with `deleted_at` set (so a device syncing with `?since=` learns of it); its messages go.
 *
 * An assistant message being generated is its own job: `status` 'generating', the node
 * running it in `node_id`, and `heartbeat_at` refreshed while it runs, so another node can
 * tell a dead node's job and save what it generated as interrupted.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const longText = dialect === 'mysql' ? sql`mediumtext` : 'text';
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('title_source', 'varchar(8)', (c) => c.notNull())
    .addColumn('pinned', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('current_leaf_id', 'varchar(36)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('conversations_user_updated').on('conversations').columns(['user_id', 'updated_at']).execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('content', longText, (c) => c.notNull())
    .addColumn('reasoning', longText)
    .addColumn('attachments', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('model', 'varchar(128)')
    .addColumn('provider', 'varchar(64)')
    .addColumn('prompt_tokens', 'integer')
    .addColumn('completion_tokens', 'integer')
    .addColumn('cost', 'bigint')
    .addColumn('plan_item', 'varchar(128)')
    .addColumn('latency_ms', 'integer')
    .addColumn('ttft_ms', 'integer')
    .addColumn('finish_reason', 'varchar(32)')
    .addColumn('error', 'text')
    .addColumn('request_id', 'varchar(64)')
    .addColumn('node_id', 'varchar(64)')
    .addColumn('heartbeat_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chat_messages_conversation').on('chat_messages').columns(['conversation_id', 'created_at']).execute();
  await db.schema.createIndex('chat_messages_status_heartbeat').on('chat_messages').columns(['status', 'heartbeat_at']).execute();
}
