import { describe, expect, it } from 'vitest';
import { addMonths, DAY_MS, periodAt } from './periods.js';

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

describe('addMonths', () => {
  it('clamps to the last day of a shorter month and keeps the time of day', () => {
    expect(addMonths(utc(2025, 1, 31, 12), 1)).toBe(utc(2025, 2, 28, 12));
    expect(addMonths(utc(2024, 1, 31, 12), 1)).toBe(utc(2024, 2, 29, 12));
    expect(addMonths(utc(2025, 1, 31, 12), 2)).toBe(utc(2025, 3, 31, 12));
    expect(addMonths(utc(2025, 11, 15), 3)).toBe(utc(2026, 2, 15));
    expect(addMonths(utc(2025, 3, 10), 120)).toBe(utc(2035, 3, 10));
  });
});

describe('periodAt', () => {
  it('counts monthly periods from the anchor without drifting after a short month', () => {
    const anchor = utc(2025, 1, 31, 12);
    expect(periodAt(anchor, 'monthly', utc(2025, 2, 10))).toEqual({ start: anchor, end: utc(2025, 2, 28, 12) });
    expect(periodAt(anchor, 'monthly', utc(2025, 2, 28, 12))).toEqual({ start: utc(2025, 2, 28, 12), end: utc(2025, 3, 31, 12) });
    // March's period starts on the 31st again, not on the 28th carried over from February.
    expect(periodAt(anchor, 'monthly', utc(2025, 3, 30))).toEqual({ start: utc(2025, 2, 28, 12), end: utc(2025, 3, 31, 12) });
    expect(periodAt(anchor, 'monthly', utc(2026, 1, 31, 11))).toEqual({ start: utc(2025, 12, 31, 12), end: utc(2026, 1, 31, 12) });
  });

  it('counts daily and weekly periods in whole units from the anchor', () => {
    const anchor = utc(2025, 5, 1, 9);
    expect(periodAt(anchor, 'daily', anchor + 3 * DAY_MS + 5)).toEqual({ start: anchor + 3 * DAY_MS, end: anchor + 4 * DAY_MS });
    expect(periodAt(anchor, 'daily', anchor + DAY_MS - 1)).toEqual({ start: anchor, end: anchor + DAY_MS });
    expect(periodAt(anchor, 'weekly', anchor + 15 * DAY_MS)).toEqual({ start: anchor + 14 * DAY_MS, end: anchor + 21 * DAY_MS });
  });

  it('gives the first period to a clock that is behind the anchor', () => {
    const anchor = utc(2025, 5, 1);
    expect(periodAt(anchor, 'daily', anchor - 1000)).toEqual({ start: anchor, end: anchor + DAY_MS });
  });
});
