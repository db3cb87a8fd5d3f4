/**
 * Calendar arithmetic for subscriptions (B-5), in UTC milliseconds. Months are calendar months
 * counted from a fixed anchor and clamped to the month's last day (Jan 31 → Feb 28 → Mar 31), so
 * periods never drift the way repeatedly adding a month to the previous boundary does.
 */
export type Period = 'monthly' | 'weekly' | 'daily';

/** The time the subscription code sees; tests move it. */
export type Clock = () => number;

export const DAY_MS = 86_400_000;
const FIXED: Record<Exclude<Period, 'monthly'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

/** The latest expiry a subscription can have (the end of year 9999), so no date arithmetic overflows. */
export const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** `t` plus `months` calendar months, the day clamped to the target month's length. */
export function addMonths(t: number, months: number): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  const out = Date.UTC(targetYear, targetMonth, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return Math.min(out, MAX_TIME);
}

/** The start of the k-th period after `anchor` (k = 0 is the anchor itself). */
function boundary(anchor: number, period: Period, k: number): number {
  return period === 'monthly' ? addMonths(anchor, k) : anchor + k * FIXED[period];
}

/**
 * The usage period that contains `now`, for a subscription started at `anchor`: periods are
 * whole days, weeks or months counted from the anchor. Before the anchor (a clock behind
 * another node's), the first period.
 */
export function periodAt(anchor: number, period: Period, now: number): { start: number; end: number } {
  if (now <= anchor) return { start: anchor, end: boundary(anchor, period, 1) };
  let k: number;
  if (period === 'monthly') {
    const a = new Date(anchor);
    const n = new Date(now);
    k = (n.getUTCFullYear() - a.getUTCFullYear()) * 12 + (n.getUTCMonth() - a.getUTCMonth());
    // The estimate is off by at most one: the anchor's day or time of day may not be reached yet.
    while (k > 0 && addMonths(anchor, k) > now) k--;
    while (addMonths(anchor, k + 1) <= now) k++;
  } else {
    k = Math.floor((now - anchor) / FIXED[period]);
  }
  return { start: boundary(anchor, period, k), end: boundary(anchor, period, k + 1) };
}
