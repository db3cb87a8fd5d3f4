import { dirname } from 'node:path';
import type { InsertResult, Kysely as KyselyDb } from 'kysely';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect, sql } from './kysely-runtime.js';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { ensurePrivateDir, prepareSqliteFile } from '../data-dir.js';
import type { Database } from './schema.js';
import { SAFETY_NET_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres' | 'mysql';

export interface Db {
  kysely: KyselyDb<Database>;
  dialect: Dialect;
  /**
   * The raw SQLite handle, for bulk writes only: a cached prepared statement in a transaction is
   * an order of magnitude cheaper than compiling a many-row INSERT on the event loop.
   */
  sqlite?: import('better-sqlite3').Database;
  /**
   * SQLite only: moves WAL checkpoints to a worker thread (see sqlite-checkpointer.ts). Started
   * by the first sustained write load, so a quiet node never pays the worker's memory.
   */
  startBackgroundCheckpoints?: () => void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the configured database. Drivers are imported lazily: a SQLite deployment never loads pg or mysql2. */
export async function openDatabase(database: Config['database'], log?: Logger): Promise<Db> {
  if (database.kind === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3');
    if (database.file !== ':memory:') {
      ensurePrivateDir(dirname(database.file));
      const loose = prepareSqliteFile(database.file);
      if (loose.length) log?.warn({ files: loose }, 'could not make these database files private to this user (owned by another user?)');
    }
    const handle = new SQLite(database.file);
    // WAL lets readers proceed while the usage batch writes; NORMAL sync is durable across process crashes.
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('busy_timeout = 5000');
    handle.pragma('foreign_keys = ON');
    const base = wrap(new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) }), 'sqlite');
    if (database.file === ':memory:') return { ...base, sqlite: handle };
    const file = database.file;
    let stopCheckpointer: (() => Promise<void>) | undefined;
    return {
      ...base,
      sqlite: handle,
      startBackgroundCheckpoints() {
        if (stopCheckpointer) return;
        stopCheckpointer = startCheckpointer(file, createRequire(import.meta.url).resolve('better-sqlite3'));
        handle.pragma(`wal_autocheckpoint = ${SAFETY_NET_AUTOCHECKPOINT_PAGES}`);
        log?.info('sustained writes: SQLite checkpoints moved to a background thread');
      },
      async close() {
        await stopCheckpointer?.();
        await base.close();
      },
    };
  }
  if (database.kind === 'postgres') {
    const pg = await import('pg');
    // BIGINT (timestamps, token counts) comes back as a string by default; every value we store fits a JS number.
    pg.default.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.default.Pool({ connectionString: database.url, max: 20 });
    // An idle connection dropped by the server (restart, failover) is reported here; without a
    // listener it would crash the process. The pool replaces it on the next query.
    pool.on('error', (err) => log?.warn({ err: err.message }, 'database connection lost; reconnecting on next use'));
    return wrap(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  }
  const mysql = await import('mysql2');
  const pool = mysql.createPool({
    uri: database.url,
    connectionLimit: 20,
    supportBigNumbers: true,
    bigNumberStrings: false,
    timezone: 'Z',
  });
  return wrap(new Kysely<Database>({ dialect: new MysqlDialect({ pool }) }), 'mysql');
}

function wrap(kysely: KyselyDb<Database>, dialect: Dialect): Db {
  return {
    kysely,
    dialect,
    async ping() {
      await sql`select 1`.execute(kysely);
    },
    async close() {
      await kysely.destroy();
    },
  };
}

/** MySQL has no RETURNING; every engine reports the generated id one way or the other. */
export function insertedId(result: InsertResult | { id: number } | undefined): number {
  if (result && 'id' in result) return Number(result.id);
  if (result && result.insertId !== undefined) return Number(result.insertId);
  throw new Error('insert returned no id');
}
