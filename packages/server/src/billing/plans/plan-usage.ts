import { sql } from '../../db/kysely-runtime.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/unique-violation.js';

/**
 * Per-user, per-item use counters (B-5) in the database, one row each: `period_start` and
 * `used` in that period. Taking a use is ONE conditional UPDATE — it rolls the period over
 * (used = 1) when the row's period is older than the current one, or else increments `used`
 * only while it is below the quota — so concurrent calls on any engine and any number of
 * nodes can never take more uses than the quota (Chat Nio's GET-then-SET in Redis could).
 */
export class PlanUsage {
  constructor(private readonly db: Db) {}

  /**
   * Takes one use of `item` in the period that starts at `periodStart`. Resolves to the start
   * of the period the use was counted in (to give it back to), or undefined when none is left.
   */
  async take(userId: number, item: { id: string; quota: number }, periodStart: number): Promise<number | undefined> {
    if (item.quota === 0) return undefined;
    let current = periodStart;
    for (let tries = 0; tries < 4; tries++) {
      let update = this.db.kysely
        .updateTable('plan_usage')
        // `used` first: MySQL evaluates SET left to right, so it must still see the old period_start.
        .set({ used: sql<number>`CASE WHEN period_start < ${current} THEN 1 ELSE used + 1 END`, period_start: current })
        .where('user_id', '=', userId)
        .where('item_id', '=', item.id)
        // A row already in a later period (a node whose clock is ahead rolled it) is not moved back.
        .where('period_start', '<=', current);
      if (item.quota !== -1) update = update.where((eb) => eb.or([eb('period_start', '<', current), eb('used', '<', item.quota)]));
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return current;

      const row = await this.db.kysely
        .selectFrom('plan_usage')
        .select('period_start')
        .where('user_id', '=', userId)
        .where('item_id', '=', item.id)
        .executeTakeFirst();
      if (!row) {
        // The first use of this item: the row is created with it. Of concurrent first uses one
        // inserts; the others find the row on their next try.
        try {
          await this.db.kysely.insertInto('plan_usage').values({ user_id: userId, item_id: item.id, period_start: current, used: 1 }).execute();
          return current;
        } catch (err) {
          if (isUniqueViolation(err)) continue;
          throw err;
        }
      }
      const rowPeriod = Number(row.period_start);
      if (rowPeriod <= current) return undefined; // the quota of this period is used up
      current = rowPeriod; // count it in the later period the row is in
    }
    return undefined;
  }

  /** Gives back one use taken in the period starting at `periodStart`; nothing once that period has rolled over. */
  async giveBack(userId: number, itemId: string, periodStart: number): Promise<void> {
    await this.db.kysely
      .updateTable('plan_usage')
      .set((eb) => ({ used: eb('used', '-', 1) }))
      .where('user_id', '=', userId)
      .where('item_id', '=', itemId)
      .where('period_start', '=', periodStart)
      .where('used', '>', 0)
      .execute();
  }

  /** Uses counted in each item's current period (a counter of an earlier period counts 0). */
  async usedSince(userId: number, periodStart: number): Promise<Map<string, number>> {
    const rows = await this.db.kysely
      .selectFrom('plan_usage')
      .select(['item_id', 'used'])
      .where('user_id', '=', userId)
      .where('period_start', '>=', periodStart)
      .execute();
    return new Map(rows.map((r) => [r.item_id, Number(r.used)]));
  }

  /** Chat Nio's "release usage": every counter of the user back to zero. Returns how many held uses. */
  async release(userId: number): Promise<number> {
    const result = await this.db.kysely.updateTable('plan_usage').set({ used: 0 }).where('user_id', '=', userId).where('used', '>', 0).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
