import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import { sql } from '../kysely-runtime.js';

/**
 * Search over conversation titles and message content (W-1). A plain `LIKE '%…%'` reads every
 * message; each engine gets the facility it has instead:
 *
 * - PostgreSQL: `pg_trgm` and GIN trigram indexes, which `ILIKE '%…%'` uses as it is. pg_trgm
 *   ships with PostgreSQL and is a trusted extension (13+): the database's owner may create it.
 * - MariaDB: a FULLTEXT index on the content, searched with MATCH … AGAINST in boolean mode
 *   (see chat/conversations/search/).
 * - SQLite: an FTS5 table with the trigram tokenizer (substring matches of 3+ characters), kept
 *   in step with the messages by triggers. FTS5 rows are keyed by integer; a message's key lives
 *   in `chat_search_keys` (an INTEGER PRIMARY KEY, stable across VACUUM, unlike the implicit
 *   rowid of a table keyed by text). The FTS table is contentless: the text stays in
 *   chat_messages only.
 *
 * On MySQL, two columns of 014 that can outgrow TEXT's 64 KB become MEDIUMTEXT.
 *
 * Every engine also gets an index on the messages' owner: a query too short for the index (or,
 * on MariaDB, in a script its parser does not split into words) reads only the caller's rows.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.createIndex('chat_messages_user').on('chat_messages').columns(['user_id', 'created_at']).execute();

  if (dialect === 'postgres') {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX chat_messages_content_trgm ON chat_messages USING gin (content gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX conversations_title_trgm ON conversations USING gin (title gin_trgm_ops)`.execute(db);
    return;
  }
  if (dialect === 'mysql') {
    await sql`ALTER TABLE chat_messages ADD FULLTEXT INDEX chat_messages_content_ft (content)`.execute(db);
    // TEXT holds 64 KB on MySQL: a message's attachments may hold 8 MB of inline images, and a
    // settings object with a 20,000-character system prompt can pass 64 KB once JSON-escaped.
    await sql`ALTER TABLE chat_messages MODIFY attachments MEDIUMTEXT NULL`.execute(db);
    await sql`ALTER TABLE conversations MODIFY settings MEDIUMTEXT NOT NULL`.execute(db);
    return;
  }

  await sql`CREATE TABLE chat_search_keys (key INTEGER PRIMARY KEY, message_id varchar(36) NOT NULL UNIQUE)`.execute(db);
  await sql`CREATE VIRTUAL TABLE chat_messages_fts USING fts5(content, tokenize = 'trigram', content = '', contentless_delete = 1)`.execute(db);
  await sql`
    CREATE TRIGGER chat_messages_search_insert AFTER INSERT ON chat_messages BEGIN
      INSERT INTO chat_search_keys (message_id) VALUES (new.id);
      INSERT INTO chat_messages_fts (rowid, content) VALUES (last_insert_rowid(), new.content);
    END`.execute(db);
  await sql`
    CREATE TRIGGER chat_messages_search_update AFTER UPDATE OF content ON chat_messages BEGIN
      DELETE FROM chat_messages_fts WHERE rowid = (SELECT key FROM chat_search_keys WHERE message_id = old.id);
      INSERT INTO chat_messages_fts (rowid, content) SELECT key, new.content FROM chat_search_keys WHERE message_id = new.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER chat_messages_search_delete AFTER DELETE ON chat_messages BEGIN
      DELETE FROM chat_messages_fts WHERE rowid = (SELECT key FROM chat_search_keys WHERE message_id = old.id);
      DELETE FROM chat_search_keys WHERE message_id = old.id;
    END`.execute(db);
  // Messages written before this migration.
  await sql`INSERT INTO chat_search_keys (message_id) SELECT id FROM chat_messages`.execute(db);
  await sql`INSERT INTO chat_messages_fts (rowid, content) SELECT k.key, m.content FROM chat_search_keys k JOIN chat_messages m ON m.id = k.message_id`.execute(db);
}
