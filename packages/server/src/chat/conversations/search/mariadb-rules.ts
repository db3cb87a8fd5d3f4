import type { Db } from '../../../db/database.js';
import { sql } from '../../../db/kysely-runtime.js';
import type { FulltextRules } from './mariadb-terms.js';

/**
 * The server's own FULLTEXT settings (token sizes, stopwords), read once: a word shorter than the
 * minimum, or a stopword, is not in the index, and requiring it would find nothing.
 */
export async function readFulltextRules(db: Db): Promise<FulltextRules> {
  const { rows } = await sql<{ min: number | string; max: number | string; stop: number | string; own: string | null }>`
    SELECT @@innodb_ft_min_token_size AS min, @@innodb_ft_max_token_size AS max,
           @@innodb_ft_enable_stopword AS stop, @@innodb_ft_server_stopword_table AS own`.execute(db.kysely);
  const settings = rows[0]!;
  let stopwords: string[] = [];
  if (Number(settings.stop) === 1) {
    // An operator's own stopword table is named "database/table".
    const own = settings.own ? /^([\w$]+)\/([\w$]+)$/.exec(settings.own) : null;
    const source = own ? sql.id(own[1]!, own[2]!) : sql`information_schema.INNODB_FT_DEFAULT_STOPWORD`;
    stopwords = (await sql<{ value: string }>`SELECT value FROM ${source}`.execute(db.kysely)).rows.map((r) => r.value.toLowerCase());
  }
  return { minTokenSize: Number(settings.min), maxTokenSize: Number(settings.max), stopwords: new Set(stopwords) };
}
