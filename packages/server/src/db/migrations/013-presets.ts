import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { sql } from '../kysely-runtime.js';

/**
 * Users' own presets (W-6). Ids are UUIDs made by the server. `context` is the JSON text of the
 * preset's messages: up to 50 of 20k characters, more than MySQL's TEXT holds, hence MEDIUMTEXT
 * there. A deletion only sets `deleted_at` (and `updated_at`), so a device syncing with
 * `?since=` learns of it; the index serves exactly that read.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('user_presets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('avatar', 'varchar(512)', (c) => c.notNull())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('context', dialect === 'mysql' ? sql`mediumtext` : 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('user_presets_user_updated').on('user_presets').columns(['user_id', 'updated_at']).execute();
}
