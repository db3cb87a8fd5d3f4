import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { conversation as c } from '../sync/test-conversation';
import { groupByDate, type GroupKey } from './group-by-date';
import { groupLabel } from './group-label';

// Every time here is built from local calendar parts (new Date(y, m, d, h, min)), as a user's clock
// reads them, so the tests mean the same in any TZ the suite runs in.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const keys = (groups: { key: GroupKey; items: { id: string }[] }[]) => groups.map((group) => [group.key, group.items.map((item) => item.id)]);

describe('grouping conversations by date', () => {
  it('puts pinned ones first, then today, yesterday, the previous 7 and 30 days, then each month', () => {
    const now = new Date(at(2027, 3, 20, 15));
    const list = [
      c('pinned', at(2026, 1, 1), { pinned: true }),
      c('today', at(2027, 3, 20, 9)),
      c('yesterday', at(2027, 3, 19, 22)),
      c('week', at(2027, 3, 14)),
      c('month', at(2027, 2, 25)),
      c('feb', at(2027, 2, 10)),
      c('jan', at(2027, 1, 30)),
      c('jan2', at(2027, 1, 2)),
      c('dec', at(2026, 12, 31)),
    ];
    expect(keys(groupByDate(list, now))).toEqual([
      ['pinned', ['pinned']],
      ['today', ['today']],
      ['yesterday', ['yesterday']],
      ['week', ['week']],
      ['month', ['month']],
      [{ year: 2027, month: 1 }, ['feb']],
      [{ year: 2027, month: 0 }, ['jan', 'jan2']],
      [{ year: 2026, month: 11 }, ['dec']],
    ]);
  });

  it('splits at local midnight, also across a new year', () => {
    const now = new Date(at(2027, 1, 1, 0, 5));
    const list = [c('after', at(2027, 1, 1, 0, 1)), c('before', at(2026, 12, 31, 23, 55)), c('two days', at(2026, 12, 30, 23, 59))];
    expect(keys(groupByDate(list, now))).toEqual([
      ['today', ['after']],
      ['yesterday', ['before']],
      ['week', ['two days']],
    ]);
  });

  it('counts 30 calendar days back across a short month', () => {
    // 30 days before 1 March 2027 is 30 January (February has 28 days).
    const now = new Date(at(2027, 3, 1, 8));
    const list = [c('in', at(2027, 1, 30, 0, 1)), c('out', at(2027, 1, 29, 23, 59))];
    expect(keys(groupByDate(list, now))).toEqual([
      ['month', ['in']],
      [{ year: 2027, month: 0 }, ['out']],
    ]);
  });

  it('names a month in the reader’s language, with the year only when it is not this one', async () => {
    await i18n.init({ lng: 'en', resources: {} });
    const now = new Date(at(2027, 3, 20));
    expect(groupLabel({ year: 2027, month: 0 }, i18n.t, 'en', now)).toBe('January');
    expect(groupLabel({ year: 2026, month: 11 }, i18n.t, 'en', now)).toBe('December 2026');
    expect(groupLabel({ year: 2026, month: 11 }, i18n.t, 'zh-CN', now)).toBe('2026年12月');
  });
});
