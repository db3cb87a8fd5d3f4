import { describe, expect, it } from 'vitest';
import { addMonths, DAY_MS } from './periods.js';
import { discountPercent, purchaseCost, subscriptionChange } from './subscription-change.js';

const NOW = Date.UTC(2025, 0, 15, 10);

describe('purchaseCost', () => {
  it('applies 0.9 from 6, 0.8 from 12 and 0.7 from 36 months, rounding up once', () => {
    expect([1, 5, 6, 11, 12, 35, 36, 120].map(discountPercent)).toEqual([100, 100, 90, 90, 80, 80, 70, 70]);
    expect(purchaseCost(9_999_999, 1)).toBe(9_999_999);
    expect(purchaseCost(9_999_999, 6)).toBe(53_999_995); // 53,999,994.6
    expect(purchaseCost(9_999_999, 12)).toBe(95_999_991); // 95,999,990.4
    expect(purchaseCost(9_999_999, 36)).toBe(251_999_975); // 251,999,974.8
    expect(purchaseCost(10_000_000_000_000, 120)).toBe(840_000_000_000_000);
  });
});

describe('subscriptionChange', () => {
  const basic = { level: 1, price: 10_000_000 };
  const pro = { level: 3, price: 40_000_000 };

  it('starts a new subscription now, and refuses 0 months for it', () => {
    expect(subscriptionChange(undefined, basic, 3, NOW)).toEqual({ ok: true, kind: 'new', cost: 30_000_000, expiresAt: addMonths(NOW, 3), startedAt: NOW });
    expect(subscriptionChange(undefined, basic, 0, NOW)).toEqual({ ok: false, reason: 'months_required' });
  });

  it('renews from the current expiry', () => {
    const current = { level: 1, price: basic.price, expiresAt: NOW + 10 * DAY_MS };
    expect(subscriptionChange(current, basic, 1, NOW)).toEqual({ ok: true, kind: 'renew', cost: 10_000_000, expiresAt: addMonths(NOW + 10 * DAY_MS, 1) });
  });

  it('upgrades for the days left (rounded up) times the price difference / 30, expiry unchanged unless months are added', () => {
    const current = { level: 1, price: basic.price, expiresAt: NOW + 9 * DAY_MS + 1 }; // 9 days and 1 ms = 10 days
    // 10 × 30,000,000 / 30 = 10,000,000
    expect(subscriptionChange(current, pro, 0, NOW)).toEqual({ ok: true, kind: 'upgrade', cost: 10_000_000, expiresAt: current.expiresAt });
    expect(subscriptionChange(current, pro, 1, NOW)).toEqual({ ok: true, kind: 'upgrade', cost: 50_000_000, expiresAt: addMonths(current.expiresAt, 1) });
    const odd = { level: 1, price: 10_000_000, expiresAt: NOW + 7 * DAY_MS };
    // 7 × 10,000,000 / 30 = 2,333,333.3…
    expect(subscriptionChange(odd, { level: 2, price: 20_000_000 }, 0, NOW)).toMatchObject({ cost: 2_333_334 });
  });

  it('downgrades for free, rescaling the time left by oldPrice / newPrice (rounded down)', () => {
    const current = { level: 3, price: pro.price, expiresAt: NOW + 10 * DAY_MS };
    expect(subscriptionChange(current, basic, 0, NOW)).toEqual({ ok: true, kind: 'downgrade', cost: 0, expiresAt: NOW + 40 * DAY_MS });
    const uneven = { level: 2, price: 30_000_000, expiresAt: NOW + 1001 };
    expect(subscriptionChange(uneven, { level: 1, price: 70_000_000 }, 0, NOW)).toMatchObject({ expiresAt: NOW + 429 }); // 1001 × 3 / 7 = 429
    expect(subscriptionChange(current, basic, 2, NOW)).toEqual({ ok: true, kind: 'downgrade', cost: 20_000_000, expiresAt: addMonths(NOW + 40 * DAY_MS, 2) });
  });
});
