import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { inTransaction } from '../db/transaction-retry.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { MoneyBatches } from './batched-money.js';
import { GroupCommit } from './group-commit.js';
import type { LedgerService, Movement } from './ledger.js';
import { assertAmount, microPoints } from './money.js';
import { settlementOf, type ReserveResult, type SettleOptions, type Settled } from './settlement.js';
import { SqliteMoney } from './sqlite-ledger.js';

/**
 * How reservations and settlements reach the database:
 * - `prepared`: SQLite's prepared statements in a group commit (the default on SQLite);
 * - `batched`: many calls' jobs per transaction through Kysely (the default elsewhere);
 * - `single`: one transaction per job through Kysely, what a failed batch falls back to.
 */
export type MoneyEngine = 'prepared' | 'batched' | 'single';

/** Thrown inside a transaction to roll it back with a refusal as its result. */
class Refused extends Error {
  constructor(readonly result: ReserveResult) {
    super('refused');
  }
}

/**
 * Points held for requests in flight (B-4). A request reserves an estimate before its
 * upstream call and settles the exact cost after it. Both are single transactions on the
 * reservation row: settling deletes it, so a second settlement of the same request finds
 * nothing and moves nothing (exactly once, also across nodes and retries). A reservation
 * that outlives its process is released by `reconcile` at the next start.
 *
 * A call made with a capped API key (B-10) also counts against the key's `quota_used`, in
 * the same transaction and by the same kind of conditional update as the balance.
 *
 * On SQLite both run as prepared statements, synchronously, in a group commit with the others of
 * the same turn of the event loop (group-commit.ts, sqlite-ledger.ts); elsewhere the jobs of many
 * calls share a transaction (batched-money.ts), and a batch that fails runs its jobs one by one
 * (`reserveAlone`, `settleAlone`).
 */
export class ReservationService {
  private readonly sqlite: { money: SqliteMoney; group: GroupCommit } | undefined;
  private readonly batches: MoneyBatches | undefined;

  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    /** This node's lasting identity, recorded on each reservation it makes. */
    private readonly nodeId = 'local',
    /** The property test runs every engine this database has against one rule. */
    engine: MoneyEngine = db.sqlite ? 'prepared' : 'batched',
  ) {
    this.sqlite = db.sqlite && engine === 'prepared' ? { money: new SqliteMoney(db.sqlite), group: new GroupCommit(db.sqlite) } : undefined;
    this.batches =
      engine === 'batched'
        ? new MoneyBatches(db, nodeId, {
            reserve: (job) => this.reserveAlone(job.userId, job.requestId, job.amount, job.keyId),
            settle: (job) => this.settleAlone(job.requestId, job.cost, job),
          })
        : undefined;
  }

  /** Batches that failed and ran their jobs one by one instead (see batched-money.ts). */
  get batchesRunAlone(): number {
    return this.batches?.runAlone ?? 0;
  }

  /** Holds `amount` of the user's balance (and of `keyId`'s cap, when given) for `requestId`. */
  async reserve(userId: number, requestId: string, amount: number, keyId?: number): Promise<ReserveResult> {
    assertAmount(amount, 'reservation');
    if (this.batches) return this.batches.run({ kind: 'reserve', userId, requestId, amount, keyId: keyId ?? null });
    return this.reserveAlone(userId, requestId, amount, keyId ?? null);
  }

  /** Settles a reservation at `cost` (refunding the rest, or collecting more up to the balance). */
  async settle(requestId: string, cost: number, options: SettleOptions = {}): Promise<Settled> {
    assertAmount(cost, 'cost');
    if (cost < 0) throw new RangeError('cost must not be negative');
    if (this.batches) return this.batches.run({ kind: 'settle', requestId, cost, ...options });
    return this.settleAlone(requestId, cost, options);
  }

  private async reserveAlone(userId: number, requestId: string, amount: number, keyId: number | null): Promise<ReserveResult> {
    try {
      const sync = this.sqlite;
      if (sync) return await sync.group.run(() => this.reserveSync(sync.money, userId, requestId, amount, keyId));
      return await inTransaction(this.db, (trx) => this.reserveIn(trx, userId, requestId, amount, keyId));
    } catch (err) {
      if (err instanceof Refused) return err.result;
      // The same request id reserved twice: the first reservation stands, the second is refused.
      if (isUniqueViolation(err)) throw new Error(`request ${requestId} already holds a reservation`);
      throw err;
    }
  }

  private settleAlone(requestId: string, cost: number, options: SettleOptions): Promise<Settled> {
    const sync = this.sqlite;
    if (sync) return sync.group.run(() => this.settleSync(sync.money, requestId, cost, options));
    return inTransaction(this.db, (trx) => this.settleIn(trx, requestId, cost, options));
  }

  /**
   * Releases, in full, the reservations whose request cannot finish any more: at start-up
   * (`ownEarlier`), those this node made before it restarted, since its requests died with it;
   * and any older than `olderThanMs`, left by a node that never came back. Nothing was
   * delivered that can be proven, so nothing is charged. Returns how many were released.
   */
  async reconcile(opts: { ownEarlier: boolean; olderThanMs: number }): Promise<number> {
    const cutoff = Date.now() - opts.olderThanMs;
    const stale = await this.db.kysely
      .selectFrom('reservations')
      .select('request_id')
      .where((eb) => (opts.ownEarlier ? eb.or([eb('node_id', '=', this.nodeId), eb('created_at', '<', cutoff)]) : eb('created_at', '<', cutoff)))
      .execute();
    let released = 0;
    for (const { request_id } of stale) {
      if ((await this.settle(request_id, 0, { note: 'released: the request did not finish (node restarted)' })).settled) released++;
    }
    return released;
  }

  private reserveSync(s: SqliteMoney, userId: number, requestId: string, amount: number, keyId: number | null): ReserveResult {
    // The balance first, then the key: the order settling takes them in (see reserveIn).
    const posted = s.post({ userId, kind: 'reserve', amount: -amount, idemKey: `reserve:${requestId}`, requestId });
    if (!posted.ok) return posted;
    if (keyId !== null && s.chargeKey.run(amount, keyId, amount).changes !== 1) {
      const row = s.keyRemaining.get(keyId) as { remaining: number | null } | undefined;
      // The balance was debited: roll the transaction back.
      throw new Refused({ ok: false, reason: 'key_quota_exceeded', remaining: Math.max(0, row?.remaining ?? 0) });
    }
    s.insertReservation.run(requestId, userId, amount, this.nodeId, Date.now(), keyId);
    return { ok: true };
  }

  /**
   * Locks the user's balance row, then the key's row: settleIn takes them in the same order
   * (after the call's own reservation row), so a reservation and a settlement of one user's
   * calls through one key can never wait on each other in a circle. Taken the other way round,
   * 50 concurrent calls deadlocked on PostgreSQL (a second each to detect) and MariaDB.
   */
  private async reserveIn(trx: Transaction<Database>, userId: number, requestId: string, amount: number, keyId: number | null): Promise<ReserveResult> {
    const posted = await this.ledger.postIn(trx, { userId, kind: 'reserve', amount: -amount, idemKey: `reserve:${requestId}`, requestId });
    if (!posted.ok) return posted;
    if (keyId !== null) {
      const charged = await trx
        .updateTable('api_keys')
        .set((eb) => ({ quota_used: eb('quota_used', '+', amount) }))
        .where('id', '=', keyId)
        .where((eb) => eb.or([eb('quota_limit', 'is', null), eb(eb('quota_used', '+', amount), '<=', eb.ref('quota_limit'))]))
        .executeTakeFirst();
      if (Number(charged.numUpdatedRows) !== 1) {
        const row = await trx.selectFrom('api_keys').select(['quota_limit', 'quota_used']).where('id', '=', keyId).executeTakeFirst();
        const remaining = row && row.quota_limit !== null ? microPoints(row.quota_limit) - microPoints(row.quota_used) : 0;
        // The balance was debited: roll the transaction back.
        throw new Refused({ ok: false, reason: 'key_quota_exceeded', remaining: Math.max(0, remaining) });
      }
    }
    await trx
      .insertInto('reservations')
      .values({ request_id: requestId, user_id: userId, amount, node_id: this.nodeId, created_at: Date.now(), key_id: keyId })
      .execute();
    return { ok: true };
  }

  private settleSync(s: SqliteMoney, requestId: string, cost: number, { note, usage }: SettleOptions): Settled {
    // Deleting the row is the claim: of two settlements only one gets it back.
    const row = s.takeReservation.get(requestId) as { user_id: number; amount: number; key_id: number | null } | undefined;
    if (!row) return { settled: false, charged: 0, unpaid: 0 };
    const plan = settlementOf(row.amount, cost, note);
    const movement = (amount: number, why: string | undefined): Movement => settleMovement(row.user_id, requestId, amount, why);
    let posted = s.post(movement(plan.amount, note));
    let unpaid = 0;
    if (!posted.ok && posted.reason === 'insufficient_balance') {
      const short = plan.against(posted.balance);
      unpaid = short.unpaid;
      posted = s.post(movement(short.amount, short.note));
    }
    if (!posted.ok) throw new Error(`settlement of ${requestId} failed: ${posted.reason}`);
    if (row.key_id !== null) s.adjustKey.run(cost - unpaid - row.amount, row.key_id);
    const charged = cost - unpaid;
    if (!usage) return { settled: true, charged, unpaid };
    const written = { ...usage, cost: charged };
    s.insertUsage.run(written);
    return { settled: true, charged, unpaid, usage: written };
  }

  private async settleIn(trx: Transaction<Database>, requestId: string, cost: number, { note, usage }: SettleOptions): Promise<Settled> {
    const row = await trx.selectFrom('reservations').selectAll().where('request_id', '=', requestId).executeTakeFirst();
    if (!row) return { settled: false, charged: 0, unpaid: 0 };
    const deleted = await trx.deleteFrom('reservations').where('request_id', '=', requestId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return { settled: false, charged: 0, unpaid: 0 };
    const reserved = microPoints(row.amount);
    const plan = settlementOf(reserved, cost, note);
    const movement = (amount: number, why: string | undefined): Movement => settleMovement(row.user_id, requestId, amount, why);
    let posted = await this.ledger.postIn(trx, movement(plan.amount, note));
    let unpaid = 0;
    if (!posted.ok && posted.reason === 'insufficient_balance') {
      const short = plan.against(posted.balance);
      unpaid = short.unpaid;
      posted = await this.ledger.postIn(trx, movement(short.amount, short.note));
    }
    if (!posted.ok) throw new Error(`settlement of ${requestId} failed: ${posted.reason}`);
    if (row.key_id !== null) {
      const correction = cost - unpaid - reserved;
      // Never below zero, like the prepared path's MAX(0, …): see settlement.ts.
      await trx
        .updateTable('api_keys')
        .set((eb) => {
          const corrected = eb('quota_used', '+', correction);
          return { quota_used: eb.case().when(corrected, '<', 0).then(0).else(corrected).end() };
        })
        .where('id', '=', row.key_id)
        .execute();
    }
    const charged = cost - unpaid;
    if (!usage) return { settled: true, charged, unpaid };
    const written = { ...usage, cost: charged };
    await trx.insertInto('usage_logs').values(written).execute();
    return { settled: true, charged, unpaid, usage: written };
  }
}

function settleMovement(userId: number, requestId: string, amount: number, note: string | undefined): Movement {
  return { userId, kind: 'settle', amount, idemKey: `settle:${requestId}`, requestId, ...(note ? { note } : {}) };
}
