import type { Transaction } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

const MAX_ATTEMPTS = 5;

/** A transaction the engine aborted to break a deadlock or a serialization conflict: safe to run again. */
function isTransientConflict(err: unknown): boolean {
  const e = err as { code?: unknown; errno?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return (
    e.code === '40001' || // PostgreSQL serialization_failure
    e.code === '40P01' || // PostgreSQL deadlock_detected
    e.errno === 1213 || // MySQL / MariaDB ER_LOCK_DEADLOCK
    e.errno === 1205 || // ER_LOCK_WAIT_TIMEOUT
    e.code === 'SQLITE_BUSY'
  );
}

/**
 * Runs `work` in a transaction, again (after a short random pause) when the engine aborted it
 * for a deadlock. Money movements carry idempotency keys, so a retry can never apply twice.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.kysely.transaction().execute(work);
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isTransientConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
