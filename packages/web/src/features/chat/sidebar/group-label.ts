import type { TFunction } from 'i18next';
import type { GroupKey } from './group-by-date';

const fixed = {
  pinned: 'sidebar.groups.pinned',
  today: 'sidebar.groups.today',
  yesterday: 'sidebar.groups.yesterday',
  week: 'sidebar.groups.week',
  month: 'sidebar.groups.month',
} as const;

/** A group's heading: the fixed ones translated, a month named by Intl (with its year when not this year's). */
export function groupLabel(key: GroupKey, t: TFunction, language: string, now: Date): string {
  if (typeof key === 'string') return t(fixed[key]);
  const date = new Date(key.year, key.month, 1);
  const format = key.year === now.getFullYear() ? { month: 'long' as const } : { year: 'numeric' as const, month: 'long' as const };
  return new Intl.DateTimeFormat(language, format).format(date);
}
