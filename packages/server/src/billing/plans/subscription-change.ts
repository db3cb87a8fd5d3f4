import { addMonths, DAY_MS, MAX_TIME } from './periods.js';

/**
 * What a subscription purchase costs and does (B-5), as pure integer arithmetic on
 * micro-points and milliseconds. BigInt keeps every product exact; each result is rounded
 * once, up for what the user pays and down for the time a downgrade leaves.
 */

/** Discounts for buying several months at once: at ≥ min_months, pay `percent` of the price. */
export const DISCOUNTS: readonly { min_months: number; percent: number }[] = [
  { min_months: 36, percent: 70 },
  { min_months: 12, percent: 80 },
  { min_months: 6, percent: 90 },
];

export function discountPercent(months: number): number {
  return DISCOUNTS.find((d) => months >= d.min_months)?.percent ?? 100;
}

/** price · months · discount, rounded up to a whole micro-point. */
export function purchaseCost(monthlyPrice: number, months: number): number {
  return safe(ceilDiv(BigInt(monthlyPrice) * BigInt(months) * BigInt(discountPercent(months)), 100n));
}

export interface CurrentSubscription {
  level: number;
  /** Monthly price of the current level now. */
  price: number;
  expiresAt: number;
}

export interface TargetPlan {
  level: number;
  price: number;
}

export type ChangeKind = 'new' | 'renew' | 'upgrade' | 'downgrade';

export type Change =
  | { ok: true; kind: ChangeKind; cost: number; expiresAt: number; /** Set for a new subscription only. */ startedAt?: number }
  | { ok: false; reason: 'months_required' };

/**
 * The change buying `months` of `target` makes, given the active subscription (`current`,
 * undefined when there is none or it expired):
 * - new: price · months (with the discount), from now;
 * - same level: the same price, the expiry extended from the current one;
 * - upgrade: the days left (rounded up) · the price difference / 30, expiry unchanged; with
 *   months > 0 those months are added at the new price too;
 * - downgrade: free; the time left is rescaled by oldPrice / newPrice (rounded down), then
 *   months > 0 are added at the new price.
 * months = 0 is allowed only to change the level of an active subscription.
 */
export function subscriptionChange(current: CurrentSubscription | undefined, target: TargetPlan, months: number, now: number): Change {
  const extend = (from: number) => (months > 0 ? addMonths(from, months) : from);
  const bought = months > 0 ? purchaseCost(target.price, months) : 0;
  if (!current) {
    if (months < 1) return { ok: false, reason: 'months_required' };
    return { ok: true, kind: 'new', cost: bought, expiresAt: extend(now), startedAt: now };
  }
  if (current.level === target.level) {
    if (months < 1) return { ok: false, reason: 'months_required' };
    return { ok: true, kind: 'renew', cost: bought, expiresAt: extend(Math.max(now, current.expiresAt)) };
  }
  const left = Math.max(0, current.expiresAt - now);
  if (target.level > current.level) {
    const days = BigInt(Math.ceil(left / DAY_MS));
    const difference = BigInt(Math.max(0, target.price - current.price));
    const upgrade = safe(ceilDiv(days * difference, 30n));
    return { ok: true, kind: 'upgrade', cost: safe(BigInt(upgrade) + BigInt(bought)), expiresAt: extend(current.expiresAt) };
  }
  const rescaled = (BigInt(left) * BigInt(current.price)) / BigInt(target.price);
  const base = rescaled >= BigInt(MAX_TIME - now) ? MAX_TIME : now + Number(rescaled);
  return { ok: true, kind: 'downgrade', cost: bought, expiresAt: extend(base) };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function safe(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount ${n} exceeds the exact integer range`);
  return Number(n);
}
