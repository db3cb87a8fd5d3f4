/**
 * Points are integers of micro-points (1 point = 1,000,000), stored in 64-bit columns and
 * computed in SQL. In JavaScript they are plain numbers, exact up to 2^53 − 1 micro-points
 * (about nine billion points): anything read beyond that is refused rather than rounded.
 */
export const MICRO_PER_POINT = 1_000_000;

/** A 64-bit column as a number (PostgreSQL returns BIGINT as a string). */
export function microPoints(value: number | string | bigint): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${String(value)} is not an exact integer of micro-points`);
  return n;
}

/**
 * The most a balance may hold: 2^53 − 1 micro-points, the largest integer JavaScript holds
 * exactly (the 64-bit columns hold more, so this is the real limit).
 */
export const MAX_BALANCE = Number.MAX_SAFE_INTEGER;

/** The refusal of a credit that would take a balance past MAX_BALANCE, naming the limit. */
export function balanceLimitMessage(): string {
  return `the balance would exceed ${pointsText(MAX_BALANCE)} points (${MAX_BALANCE} micro-points, counting points held for calls in flight), the most it can hold`;
}

export function assertAmount(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${what} must be an integer of micro-points, got ${amount}`);
}

/** Micro-points as an exact decimal number of points ("1.5", "0.000001"), never through a float. */
export function pointsText(micro: number): string {
  const sign = micro < 0 ? '-' : '';
  const abs = Math.abs(micro);
  const whole = Math.floor(abs / MICRO_PER_POINT);
  const fraction = String(abs % MICRO_PER_POINT)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
