import type { RawBuilder, SqlBool } from 'kysely';
import type { Db } from '../../../db/database.js';
import { sql } from '../../../db/kysely-runtime.js';
import { containsPattern, LIKE_ESCAPE } from './like-pattern.js';
import { readFulltextRules } from './mariadb-rules.js';
import { booleanPrefixQuery, type FulltextRules } from './mariadb-terms.js';

/**
 * "Contains this text", case-insensitively, as each engine can answer it from an index (see
 * migration 016). The owner is part of the message condition, so each engine can choose which
 * index leads; titles are always combined with the owner by the caller.
 */
export interface TextMatch {
  /** On `chat_messages`: the user's, and its content contains `query`. */
  userMessages(userId: number, query: string): Promise<RawBuilder<SqlBool>>;
  /** On `conversations`: its title contains `query`. */
  title(query: string): RawBuilder<SqlBool>;
}

/** The trigram tokenizer indexes runs of 3 characters: a shorter query has nothing to look up. */
const MIN_TRIGRAM_QUERY = 3;

const like = (column: string, query: string) => sql<SqlBool>`${sql.ref(column)} LIKE ${containsPattern(query)} ESCAPE ${sql.lit(LIKE_ESCAPE)}`;
const owner = (userId: number) => sql<SqlBool>`chat_messages.user_id = ${userId}`;

export function textMatchFor(db: Db): TextMatch {
  if (db.dialect === 'postgres') return postgresMatch;
  if (db.dialect === 'mysql') return new MariaDbMatch(db);
  return sqliteMatch;
}

/** pg_trgm's GIN indexes serve ILIKE '%…%' directly, for titles and content alike. */
const postgresMatch: TextMatch = {
  async userMessages(userId, query) {
    return sql<SqlBool>`(${owner(userId)} AND chat_messages.content ILIKE ${containsPattern(query)} ESCAPE ${sql.lit(LIKE_ESCAPE)})`;
  },
  title(query) {
    return sql<SqlBool>`conversations.title ILIKE ${containsPattern(query)} ESCAPE ${sql.lit(LIKE_ESCAPE)}`;
  },
};

/**
 * FTS5 with the trigram tokenizer: a phrase query finds the substring (case-insensitively), and
 * the matches lead; the unary `+` keeps SQLite's planner (which has no statistics unless ANALYZE
 * ran) from walking all of the user's messages by the owner index instead. A query under three
 * characters cannot use the FTS table and falls back to LIKE over the user's messages, which the
 * owner index does lead. Titles, one per conversation, are matched with LIKE over the caller's
 * conversations.
 */
const sqliteMatch: TextMatch = {
  async userMessages(userId, query) {
    if (Array.from(query).length < MIN_TRIGRAM_QUERY) return sql<SqlBool>`(${owner(userId)} AND ${like('chat_messages.content', query)})`;
    const phrase = `"${query.replace(/"/g, '""')}"`;
    return sql<SqlBool>`(+chat_messages.user_id = ${userId} AND chat_messages.id IN (SELECT k.message_id FROM chat_search_keys k WHERE k.key IN (SELECT rowid FROM chat_messages_fts WHERE chat_messages_fts MATCH ${phrase})))`;
  },
  title(query) {
    return like('conversations.title', query);
  },
};

/**
 * FULLTEXT + MATCH … AGAINST in boolean mode narrows to messages holding the query's words (as
 * word starts); LIKE then keeps those that contain the query as typed, so the answer is the same
 * substring match as on the other engines, for queries whose words start words of the text.
 * MariaDB's parser does not split Chinese or Japanese into words, so a query with no word the
 * index can find (all CJK, too short, or stopwords) falls back to LIKE over the caller's messages.
 * Titles are matched with LIKE over the caller's conversations (one per conversation, few).
 */
class MariaDbMatch implements TextMatch {
  private rules: Promise<FulltextRules> | undefined;

  constructor(private readonly db: Db) {}

  async userMessages(userId: number, query: string): Promise<RawBuilder<SqlBool>> {
    this.rules ??= readFulltextRules(this.db).catch((err: unknown) => {
      this.rules = undefined; // asked again next time rather than failing every search
      throw err;
    });
    const against = booleanPrefixQuery(query, await this.rules);
    const substring = like('chat_messages.content', query);
    return against === undefined
      ? sql<SqlBool>`(${owner(userId)} AND ${substring})`
      : sql<SqlBool>`(${owner(userId)} AND MATCH (chat_messages.content) AGAINST (${against} IN BOOLEAN MODE) AND ${substring})`;
  }

  title(query: string): RawBuilder<SqlBool> {
    return like('conversations.title', query);
  }
}
