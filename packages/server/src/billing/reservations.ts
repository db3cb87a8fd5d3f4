import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction-retry.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { LedgerService } from './ledger.js';
import { assertAmount, microPoints } from './money.js';

export type ReserveResult = { ok: true } | { ok: false; reason: 'insufficient_balance' | 'no_such_user'; balance: number };

export interface Settled {
  /** False when the request was already settled (or never reserved): nothing moved. */
  settled: boolean;
  /** What the request finally cost, in micro-points. */
  charged: number;
  /** Cost that exceeded the reservation and the balance left, so was not collected. */
  unpaid: number;
}

/**
 * Points held for requests in flight (B-4). A request reserves an estimate before its
 * upstream call and settles the exact cost after it. Both are single transactions on the
 * reservation row: settling deletes it, so a second settlement of the same request finds
 * nothing and moves nothing (exactly once, also across nodes and retries). A reservation
 * that outlives its process is released by `reconcile` at the next start.
 */
export class ReservationService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    /** This node's lasting identity, recorded on each reservation it makes. */
    private readonly nodeId = 'local',
  ) {}

  async reserve(userId: number, requestId: string, amount: number): Promise<ReserveResult> {
    assertAmount(amount, 'reservation');
    try {
      return await inTransaction(this.db, async (trx) => {
        const posted = await this.ledger.postIn(trx, { userId, kind: 'reserve', amount: -amount, idemKey: `reserve:${requestId}`, requestId });
        if (!posted.ok) return posted;
        await trx.insertInto('reservations').values({ request_id: requestId, user_id: userId, amount, node_id: this.nodeId, created_at: Date.now() }).execute();
        return { ok: true } as const;
      });
    } catch (err) {
      // The same request id reserved twice: the first reservation stands, the second is refused.
      if (isUniqueViolation(err)) throw new Error(`request ${requestId} already holds a reservation`);
      throw err;
    }
  }

  /** Settles a reservation at `cost` (refunding the rest, or collecting more up to the balance). */
  async settle(requestId: string, cost: number, note?: string): Promise<Settled> {
    assertAmount(cost, 'cost');
    if (cost < 0) throw new RangeError('cost must not be negative');
    return inTransaction(this.db, async (trx) => {
      const row = await trx.selectFrom('reservations').selectAll().where('request_id', '=', requestId).executeTakeFirst();
      if (!row) return { settled: false, charged: 0, unpaid: 0 };
      // Deleting the row is the claim: of two concurrent settlements only one deletes it.
      const deleted = await trx.deleteFrom('reservations').where('request_id', '=', requestId).executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) return { settled: false, charged: 0, unpaid: 0 };
      const reserved = microPoints(row.amount);
      const common = { userId: row.user_id, kind: 'settle' as const, idemKey: `settle:${requestId}`, requestId, ...(note ? { note } : {}) };
      const delta = reserved - cost; // > 0 refunds the difference, < 0 collects the excess
      let posted = await this.ledger.postIn(trx, { ...common, amount: delta });
      let unpaid = 0;
      if (!posted.ok && posted.reason === 'insufficient_balance') {
        // The answer cost more than was held and the balance cannot cover it all: collect what
        // is there and record the rest, rather than letting the balance go negative.
        const collectable = Math.min(-delta, posted.balance);
        unpaid = -delta - collectable;
        posted = await this.ledger.postIn(trx, { ...common, amount: -collectable, note: `${note ? `${note}; ` : ''}unpaid ${unpaid}` });
      }
      if (!posted.ok) throw new Error(`settlement of ${requestId} failed: ${posted.reason}`);
      return { settled: true, charged: cost - unpaid, unpaid };
    });
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
      if ((await this.settle(request_id, 0, 'released: the request did not finish (node restarted)')).settled) released++;
    }
    return released;
  }
}
