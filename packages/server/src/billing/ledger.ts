import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction-retry.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { assertAmount, MAX_BALANCE, microPoints } from './money.js';

/** What moved a user's points (B-4). */
type LedgerKind = 'signup' | 'redeem' | 'gift' | 'adjust' | 'purchase' | 'reserve' | 'settle' | 'refund' | 'subscription';

export interface Movement {
  userId: number;
  kind: LedgerKind;
  /** Signed micro-points: positive credits, negative debits. */
  amount: number;
  /** A movement posted twice with the same key happens once (retries, double submits). */
  idemKey?: string;
  requestId?: string;
  note?: string;
}

export type PostResult =
  | { ok: true; balance: number; duplicate: boolean }
  | { ok: false; reason: 'insufficient_balance' | 'no_such_user'; balance: number }
  /** A credit that would take balance + points held past MAX_BALANCE; nothing was written. */
  | { ok: false; reason: 'balance_limit'; balance: number };

/**
 * The only writer of balances. Each movement is one transaction: a conditional update
 * (`balance + amount >= 0`, so no balance ever goes below zero whatever runs concurrently),
 * then the ledger row with the balance it produced. Either both commit or neither does, so
 * the ledger's sum for a user always equals the user's balance.
 */
export class LedgerService {
  constructor(private readonly db: Db) {}

  async post(m: Movement): Promise<PostResult> {
    assertAmount(m.amount);
    try {
      return await inTransaction(this.db, (trx) => this.postIn(trx, m));
    } catch (err) {
      if (m.idemKey && isUniqueViolation(err)) return { ok: true, balance: await this.balance(m.userId), duplicate: true };
      throw err;
    }
  }

  /** The movement inside a caller's transaction (for reservations and settlements). */
  async postIn(trx: Transaction<Database> | Kysely<Database>, m: Movement): Promise<PostResult> {
    const now = Date.now();
    let update = trx.updateTable('users').set((eb) => ({ balance: eb('balance', '+', m.amount) })).where('id', '=', m.userId);
    // A debit succeeds only while it leaves the balance at zero or above: the check and the
    // change are one statement, so two concurrent debits cannot both pass on a stale read.
    if (m.amount < 0) update = update.where('balance', '>=', -m.amount);
    // A credit from outside (adjustment, code, grant) succeeds only while the balance and the
    // points held for calls in flight stay within MAX_BALANCE, so that a settlement's refund,
    // which only returns what was held, can never overflow either. The refund itself is exempt.
    const limited = m.amount > 0 && m.kind !== 'settle';
    if (limited) {
      const held = trx
        .selectFrom('reservations')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount'), eb.lit(0)).as('held'))
        .where('user_id', '=', m.userId);
      update = update.where((eb) => eb(eb('balance', '+', held), '<=', MAX_BALANCE - m.amount));
    }
    const result = await update.executeTakeFirst();
    const balanceRow = await trx.selectFrom('users').select('balance').where('id', '=', m.userId).executeTakeFirst();
    if (!balanceRow) return { ok: false, reason: 'no_such_user', balance: 0 };
    const balance = microPoints(balanceRow.balance);
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: limited ? 'balance_limit' : 'insufficient_balance', balance };
    await trx
      .insertInto('ledger')
      .values({
        user_id: m.userId,
        kind: m.kind,
        amount: m.amount,
        balance_after: balance,
        idem_key: m.idemKey ?? null,
        request_id: m.requestId ?? null,
        note: m.note ?? null,
        created_at: now,
      })
      .execute();
    return { ok: true, balance, duplicate: false };
  }

  async balance(userId: number): Promise<number> {
    const row = await this.db.kysely.selectFrom('users').select('balance').where('id', '=', userId).executeTakeFirst();
    return row ? microPoints(row.balance) : 0;
  }

  /** The sum of a user's ledger rows; equals `balance` for every user (the invariant tests check). */
  async ledgerSum(userId: number): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount'), eb.lit(0)).as('total'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? microPoints(row.total) : 0;
  }
}
