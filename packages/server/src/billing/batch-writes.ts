import type { Insertable, Transaction } from 'kysely';
import { sql } from '../db/kysely-runtime.js';
import type { Database, NewUsageLog } from '../db/schema.js';
import { USAGE_COLUMNS } from '../relay/usage-batch-insert.js';

export type LedgerRow = Insertable<Database['ledger']>;
type ReservationRow = Insertable<Database['reservations']>;

/** What one batch of reservations and settlements changes (batched-money.ts). */
export interface BatchWrites {
  /** [user id, new balance] of every balance the batch changed. */
  balances: Array<[number, number]>;
  /** [key id, new quota_used] of every capped key it changed. */
  keysUsed: Array<[number, number]>;
  /** Reservations settled, to delete. */
  taken: string[];
  /** Reservations made and still open, to insert. */
  made: ReservationRow[];
  ledger: LedgerRow[];
  usage: NewUsageLog[];
}

/** MariaDB (and SQLite in the property test): a statement per changed row and one per table. */
export async function writeByTable(trx: Transaction<Database>, w: BatchWrites): Promise<void> {
  for (const [id, balance] of w.balances) await trx.updateTable('users').set({ balance }).where('id', '=', id).execute();
  for (const [id, used] of w.keysUsed) await trx.updateTable('api_keys').set({ quota_used: used }).where('id', '=', id).execute();
  if (w.taken.length) await trx.deleteFrom('reservations').where('request_id', 'in', w.taken).execute();
  if (w.made.length) await trx.insertInto('reservations').values(w.made).execute();
  if (w.ledger.length) await trx.insertInto('ledger').values(w.ledger).execute();
  if (w.usage.length) await trx.insertInto('usage_logs').values(w.usage).execute();
}

const USAGE_TEXT = new Set<string>(['request_id', 'endpoint', 'model', 'upstream_model', 'usage_source', 'status', 'error', 'ip']);

/**
 * PostgreSQL: every write of the batch in one statement, one round trip. Each table's rows go
 * as one array per column (`unnest`), so the statement's text and its parameter count are the
 * same whatever the batch's size: nothing grows with the batch but the arrays. Data-modifying
 * CTEs all run, to completion, whether or not the final SELECT reads them; a unique violation
 * in any of them fails the whole statement, as it would fail the batch anyway.
 */
export async function writeInOneStatement(trx: Transaction<Database>, w: BatchWrites): Promise<void> {
  const usageColumns = sql.join(USAGE_COLUMNS.map((c) => sql.ref(c)));
  const usageArrays = sql.join(
    USAGE_COLUMNS.map((c) => {
      const values = w.usage.map((row) => row[c] ?? null);
      return USAGE_TEXT.has(c) ? sql`${values}::text[]` : sql`${values}::bigint[]`;
    }),
  );
  await sql`
    WITH
      balances AS (
        UPDATE users SET balance = v.balance
        FROM unnest(${w.balances.map(([id]) => id)}::int[], ${w.balances.map(([, b]) => b)}::bigint[]) AS v(id, balance)
        WHERE users.id = v.id
      ),
      keys_used AS (
        UPDATE api_keys SET quota_used = v.used
        FROM unnest(${w.keysUsed.map(([id]) => id)}::int[], ${w.keysUsed.map(([, used]) => used)}::bigint[]) AS v(id, used)
        WHERE api_keys.id = v.id
      ),
      taken AS (DELETE FROM reservations WHERE request_id = ANY(${w.taken}::text[])),
      made AS (
        INSERT INTO reservations (request_id, user_id, amount, node_id, created_at, key_id)
        SELECT * FROM unnest(
          ${w.made.map((r) => r.request_id)}::text[], ${w.made.map((r) => r.user_id)}::int[], ${w.made.map((r) => r.amount)}::bigint[],
          ${w.made.map((r) => r.node_id)}::text[], ${w.made.map((r) => r.created_at)}::bigint[], ${w.made.map((r) => r.key_id ?? null)}::int[]
        )
      ),
      ledger AS (
        INSERT INTO ledger (user_id, kind, amount, balance_after, idem_key, request_id, note, created_at)
        SELECT * FROM unnest(
          ${w.ledger.map((r) => r.user_id)}::int[], ${w.ledger.map((r) => r.kind)}::text[], ${w.ledger.map((r) => r.amount)}::bigint[],
          ${w.ledger.map((r) => r.balance_after)}::bigint[], ${w.ledger.map((r) => r.idem_key ?? null)}::text[],
          ${w.ledger.map((r) => r.request_id ?? null)}::text[], ${w.ledger.map((r) => r.note ?? null)}::text[], ${w.ledger.map((r) => r.created_at)}::bigint[]
        )
      ),
      usage AS (
        INSERT INTO usage_logs (${usageColumns})
        SELECT * FROM unnest(${usageArrays})
      )
    SELECT 1
  `.execute(trx);
}
