import type { NewUsageLog } from '../db/schema.js';
import type { UsageDraft } from '../relay/accounting.js';
import type { PostResult } from './ledger.js';

export type ReserveResult =
  | { ok: true }
  /** The ledger's refusal of the debit (never balance_limit: a reservation only takes points). */
  | Extract<PostResult, { ok: false }>
  /** The API key's spending cap (B-10) leaves less than the amount; `remaining` is what it allows. */
  | { ok: false; reason: 'key_quota_exceeded'; remaining: number };

export interface Settled {
  /** False when the request was already settled (or never reserved): nothing moved. */
  settled: boolean;
  /** What the request finally cost, in micro-points. */
  charged: number;
  /** Cost that exceeded the reservation and the balance left, so was not collected. */
  unpaid: number;
  /** The usage row written with the settlement (its cost is `charged`), when one was given and the request settled. */
  usage?: NewUsageLog;
}

export interface SettleOptions {
  /** Why, for the ledger row (releases say so). */
  note?: string;
  /** The call's usage row, to commit in the settlement's transaction at the charged cost: both or neither. */
  usage?: UsageDraft;
}

/**
 * A settlement's money, the one rule every engine (prepared SQLite, Kysely per call, the
 * batches of batched-money.ts) follows:
 * - refund what was held beyond the cost, or collect the excess while the balance lasts;
 * - what the balance cannot cover is `unpaid`: not collected, not charged, and the balance
 *   never goes negative (the call has already been served, so it is not refused either);
 * - a capped key's quota_used moves by what was charged minus what was held, and never below
 *   zero: a count reset while the call ran would otherwise go negative and hand the key
 *   spending beyond its cap.
 */
export function settlementOf(reserved: number, cost: number, note: string | undefined) {
  const delta = reserved - cost; // > 0 refunds the difference, < 0 collects the excess
  return {
    /** The movement when the balance covers it. */
    amount: delta,
    /** The movement against a balance of `balance`, and what it leaves unpaid. */
    against(balance: number): { amount: number; unpaid: number; note: string | undefined } {
      if (delta >= 0 || balance >= -delta) return { amount: delta, unpaid: 0, note };
      const collectable = Math.min(-delta, balance);
      const unpaid = -delta - collectable;
      return { amount: -collectable, unpaid, note: `${note ? `${note}; ` : ''}unpaid ${unpaid}` };
    },
    /** The key's spending count after the settlement. */
    keyUsedAfter(used: number, unpaid: number): number {
      return Math.max(0, used + cost - unpaid - reserved);
    },
  };
}
