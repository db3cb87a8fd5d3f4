import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { NewUsageLog } from '../db/schema.js';
import { prepareUsageInsert } from '../relay/usage-batch-insert.js';
import type { Movement, PostResult } from './ledger.js';

/**
 * The ledger's movement and the reservation statements as prepared SQLite statements, run
 * synchronously inside one `handle.transaction`. On the embedded database this is the
 * relay's billing path: a reservation or settlement costs a few microseconds of CPU and
 * cannot interleave with anything, where the same work through Kysely's async connection
 * compiled six statements and queued every other query behind its transaction.
 * The semantics are LedgerService.postIn's and ReservationService's, statement for statement.
 */
export class SqliteMoney {
  private readonly credit: Statement;
  private readonly debit: Statement;
  private readonly balanceOf: Statement;
  private readonly insertLedger: Statement;
  readonly insertReservation: Statement;
  readonly takeReservation: Statement;
  readonly chargeKey: Statement;
  readonly keyRemaining: Statement;
  readonly adjustKey: Statement;
  /** A charged call's usage row, written in its settlement's transaction. */
  readonly insertUsage: Statement<[NewUsageLog]>;

  constructor(readonly handle: SqliteHandle) {
    this.credit = handle.prepare('UPDATE users SET balance = balance + ? WHERE id = ? RETURNING balance');
    // The check and the change are one statement, as in postIn: no balance goes below zero.
    this.debit = handle.prepare('UPDATE users SET balance = balance + ? WHERE id = ? AND balance >= ? RETURNING balance');
    this.balanceOf = handle.prepare('SELECT balance FROM users WHERE id = ?');
    this.insertLedger = handle.prepare(
      'INSERT INTO ledger (user_id, kind, amount, balance_after, idem_key, request_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertReservation = handle.prepare(
      'INSERT INTO reservations (request_id, user_id, amount, node_id, created_at, key_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.takeReservation = handle.prepare('DELETE FROM reservations WHERE request_id = ? RETURNING user_id, amount, key_id');
    this.chargeKey = handle.prepare(
      'UPDATE api_keys SET quota_used = quota_used + ? WHERE id = ? AND (quota_limit IS NULL OR quota_used + ? <= quota_limit)',
    );
    this.keyRemaining = handle.prepare('SELECT quota_limit - quota_used AS remaining FROM api_keys WHERE id = ?');
    // Never below zero: the settlement rule (reservations.ts, settlementOf), as on the Kysely path.
    this.adjustKey = handle.prepare('UPDATE api_keys SET quota_used = MAX(0, quota_used + ?) WHERE id = ?');
    this.insertUsage = prepareUsageInsert(handle);
  }

  /** LedgerService.postIn, synchronously; call inside a transaction. */
  post(m: Movement): PostResult {
    const row = (m.amount < 0 ? this.debit.get(m.amount, m.userId, -m.amount) : this.credit.get(m.amount, m.userId)) as
      | { balance: number }
      | undefined;
    if (!row) {
      const current = this.balanceOf.get(m.userId) as { balance: number } | undefined;
      if (!current) return { ok: false, reason: 'no_such_user', balance: 0 };
      return { ok: false, reason: 'insufficient_balance', balance: current.balance };
    }
    this.insertLedger.run(m.userId, m.kind, m.amount, row.balance, m.idemKey ?? null, m.requestId ?? null, m.note ?? null, Date.now());
    return { ok: true, balance: row.balance, duplicate: false };
  }
}
