import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { NewUsageLog } from '../db/schema.js';

/** Writes one batch of usage rows. Batches stay small so no write holds the event loop for long. */
export type BatchInsert = (rows: NewUsageLog[]) => Promise<void>;

export const USAGE_COLUMNS = [
  'request_id',
  'user_id',
  'key_id',
  'endpoint',
  'model',
  'upstream_model',
  'channel_id',
  'prompt_tokens',
  'completion_tokens',
  'cached_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'cost',
  'usage_source',
  'is_stream',
  'status',
  'http_status',
  'error',
  'attempts',
  'latency_ms',
  'ttft_ms',
  'ip',
  'created_at',
] as const satisfies readonly (keyof NewUsageLog)[];

/**
 * One usage row as a prepared SQLite statement: named parameters bind straight from a row
 * object (every column is present in a row). Shared by the batch and by settlements
 * (billing/sqlite-ledger.ts), which write a charged call's row in their own transaction.
 */
export function prepareUsageInsert(sqlite: SqliteHandle): Statement<[NewUsageLog]> {
  return sqlite.prepare<NewUsageLog>(`INSERT INTO usage_logs (${USAGE_COLUMNS.join(', ')}) VALUES (${USAGE_COLUMNS.map((c) => `@${c}`).join(', ')})`);
}

export function createUsageBatchInsert(db: Db): BatchInsert {
  const sqlite = db.sqlite;
  if (sqlite) {
    // SQLite is synchronous and in-process: reuse one prepared statement inside a transaction.
    const insert = prepareUsageInsert(sqlite);
    const insertAll = sqlite.transaction((rows: NewUsageLog[]) => {
      for (const row of rows) insert.run(row);
    });
    return async (rows) => {
      insertAll(rows);
    };
  }
  // PostgreSQL and MySQL: one multi-row INSERT per batch; the server does the work off our thread.
  return async (rows) => {
    await db.kysely.insertInto('usage_logs').values(rows).execute();
  };
}
