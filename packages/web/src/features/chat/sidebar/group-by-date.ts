import type { Conversation } from '../sync/conversation-cache';

/** A heading of the list: the fixed ones are translated, a month is named by Intl. */
export type GroupKey = 'pinned' | 'today' | 'yesterday' | 'week' | 'month' | { year: number; month: number };

interface ConversationGroup {
  key: GroupKey;
  items: Conversation[];
}

/** Midnight starting the local day of `time`, `days` days later (calendar days, so a DST change is a day too). */
function startOfDay(time: Date, days = 0): number {
  return new Date(time.getFullYear(), time.getMonth(), time.getDate() + days).getTime();
}

/** The group of an unpinned conversation, by the local calendar of the viewer. */
function groupOf(updatedAt: number, now: Date): GroupKey {
  if (updatedAt >= startOfDay(now)) return 'today';
  if (updatedAt >= startOfDay(now, -1)) return 'yesterday';
  if (updatedAt >= startOfDay(now, -7)) return 'week';
  if (updatedAt >= startOfDay(now, -30)) return 'month';
  const date = new Date(updatedAt);
  return { year: date.getFullYear(), month: date.getMonth() };
}

const sameKey = (a: GroupKey, b: GroupKey) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.year === b.year && a.month === b.month;

/**
 * Splits a list already in the server's order (pinned first, then newest) into headed groups:
 * Pinned, Today, Yesterday, Previous 7 days, Previous 30 days, then one per month.
 */
export function groupByDate(items: Conversation[], now: Date): ConversationGroup[] {
  const groups: ConversationGroup[] = [];
  for (const item of items) {
    const key = item.pinned ? 'pinned' : groupOf(item.updated_at, now);
    const last = groups.at(-1);
    if (last && sameKey(last.key, key)) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}
