import type { ExpressionBuilder, RawBuilder } from 'kysely';
import { microPoints } from '../billing/money.js';
import type { Db, Dialect } from '../db/database.js';
import { sql } from '../db/kysely-runtime.js';
import type { Database } from '../db/schema.js';
import { applyFilters, type UsageFilters } from './usage-filters.js';
import { exactInt } from './usage-query.js';

/**
 * Usage totals for charts (B-8): per day in the caller's time zone and per model, aggregated by
 * the database (GROUP BY), never by loading rows. One query grouped by (day, model) gives all
 * three views, so the totals, the day series and the model series always add up to each other.
 */
export const DAY_MS = 86_400_000;
export const MAX_SUMMARY_DAYS = 366;

interface UsageTotals {
  requests: number;
  /** Requests that ended in an error (status "error"; a client abort is not an error). */
  errors: number;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  /** prompt_tokens + completion_tokens. */
  total_tokens: number;
  /** Micro-points. */
  cost: number;
}

interface DayTotals extends UsageTotals {
  /** The calendar day in the caller's time zone, YYYY-MM-DD. */
  date: string;
  /** When that day starts, ms since 1970 (UTC). */
  start: number;
}

interface ModelTotals extends UsageTotals {
  model: string;
}

interface GroupTotals extends UsageTotals {
  id: number | null;
  name: string | null;
}

export interface UsageSummary {
  from: number;
  to: number;
  tz_offset_min: number;
  totals: UsageTotals;
  /** Every day of the range, oldest first; days without usage are zero-filled. */
  days: DayTotals[];
  /** Models with usage in the range, by cost then requests, highest first. */
  models: ModelTotals[];
  /** Admin `group_by=user|channel`: the largest 100 by cost. */
  groups?: GroupTotals[];
}

export interface SummaryRequest {
  filters: UsageFilters & { from: number; to: number };
  /** Minutes to add to UTC for the caller's local time (UTC+8 → 480; the opposite sign of JS getTimezoneOffset()). */
  tzOffsetMin: number;
  groupBy?: 'user' | 'channel';
}

const aggregates = (eb: ExpressionBuilder<Database, 'usage_logs'>) =>
  [
    eb.fn.countAll<number | string>().as('requests'),
    // Literals, not parameters: PostgreSQL would type a bare parameter in THEN as text.
    eb.fn.sum<number | string | null>(eb.case().when('status', '=', 'error').then(eb.lit(1)).else(eb.lit(0)).end()).as('errors'),
    eb.fn.sum<number | string | null>('prompt_tokens').as('prompt_tokens'),
    eb.fn.sum<number | string | null>('completion_tokens').as('completion_tokens'),
    eb.fn.sum<number | string | null>('cached_tokens').as('cached_tokens'),
    eb.fn.sum<number | string | null>('cache_write_tokens').as('cache_write_tokens'),
    eb.fn.sum<number | string | null>('reasoning_tokens').as('reasoning_tokens'),
    eb.fn.sum<number | string | null>('cost').as('cost'),
  ] as const;

type AggregateRow = Record<'requests' | 'errors' | 'prompt_tokens' | 'completion_tokens' | 'cached_tokens' | 'cache_write_tokens' | 'reasoning_tokens' | 'cost', number | string | null>;

function totalsOf(r: AggregateRow): UsageTotals {
  const prompt = exactInt(r.prompt_tokens);
  const completion = exactInt(r.completion_tokens);
  return {
    requests: exactInt(r.requests),
    errors: exactInt(r.errors),
    prompt_tokens: prompt,
    completion_tokens: completion,
    cached_tokens: exactInt(r.cached_tokens),
    cache_write_tokens: exactInt(r.cache_write_tokens),
    reasoning_tokens: exactInt(r.reasoning_tokens),
    total_tokens: prompt + completion,
    cost: microPoints(r.cost ?? 0),
  };
}

const zero = (): UsageTotals => ({
  requests: 0,
  errors: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  cached_tokens: 0,
  cache_write_tokens: 0,
  reasoning_tokens: 0,
  total_tokens: 0,
  cost: 0,
});

const TOTAL_KEYS = Object.keys(zero()) as (keyof UsageTotals)[];

function add(into: UsageTotals, t: UsageTotals): void {
  for (const k of TOTAL_KEYS) into[k] += t[k];
}

/**
 * The local day number of a row: whole days since 1970 after shifting by the offset. Integer
 * division is `/` on BIGINT in SQLite and PostgreSQL and `DIV` in MySQL (whose `/` gives a
 * decimal); timestamps are positive, so truncation is the floor. The offset is a literal so
 * PostgreSQL sees the same expression in SELECT and GROUP BY.
 */
function localDay(dialect: Dialect, offsetMs: number): RawBuilder<number | string> {
  const shifted = sql`(${sql.ref('created_at')} + ${sql.lit(offsetMs)})`;
  return dialect === 'mysql' ? sql<number | string>`${shifted} div ${sql.lit(DAY_MS)}` : sql<number | string>`${shifted} / ${sql.lit(DAY_MS)}`;
}

export async function summarizeUsage(db: Db, request: SummaryRequest): Promise<UsageSummary> {
  const { filters, tzOffsetMin } = request;
  const offsetMs = tzOffsetMin * 60_000;
  const day = localDay(db.dialect, offsetMs);
  const [cells, groups] = await Promise.all([
    applyFilters(db.kysely.selectFrom('usage_logs'), filters)
      .select((eb) => [day.as('day'), 'model', ...aggregates(eb)])
      .groupBy([day, 'model'])
      .execute(),
    request.groupBy ? groupTotals(db, filters, request.groupBy) : undefined,
  ]);

  const firstDay = Math.floor((filters.from + offsetMs) / DAY_MS);
  const lastDay = Math.floor((filters.to - 1 + offsetMs) / DAY_MS);
  const days = new Map<number, DayTotals>();
  for (let d = firstDay; d <= lastDay; d++) {
    days.set(d, { date: new Date(d * DAY_MS).toISOString().slice(0, 10), start: d * DAY_MS - offsetMs, ...zero() });
  }
  const models = new Map<string, ModelTotals>();
  const totals = zero();
  for (const cell of cells) {
    const t = totalsOf(cell);
    add(totals, t);
    const d = days.get(exactInt(cell.day));
    if (d) add(d, t);
    const m = models.get(cell.model) ?? { model: cell.model, ...zero() };
    add(m, t);
    models.set(cell.model, m);
  }
  const summary: UsageSummary = {
    from: filters.from,
    to: filters.to,
    tz_offset_min: tzOffsetMin,
    totals,
    days: [...days.values()],
    models: [...models.values()].sort((a, b) => b.cost - a.cost || b.requests - a.requests || a.model.localeCompare(b.model)),
  };
  if (groups) summary.groups = groups;
  return summary;
}

/** The 100 users (or channels) that cost the most in the range, with their names. */
async function groupTotals(db: Db, filters: UsageFilters, by: 'user' | 'channel'): Promise<GroupTotals[]> {
  const column = by === 'user' ? 'user_id' : 'channel_id';
  const rows = await applyFilters(db.kysely.selectFrom('usage_logs'), filters)
    .select((eb) => [eb.ref(column).as('group_id'), ...aggregates(eb)])
    .groupBy(column)
    .orderBy((eb) => eb.fn.sum('cost'), 'desc')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy(column)
    .limit(100)
    .execute();
  const ids = rows.map((r) => r.group_id).filter((id): id is number => id !== null).map(Number);
  const names = new Map<number, string>();
  if (ids.length && by === 'user') {
    for (const u of await db.kysely.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute()) names.set(Number(u.id), u.username);
  } else if (ids.length) {
    for (const c of await db.kysely.selectFrom('channels').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(Number(c.id), c.name);
  }
  return rows.map((r) => {
    const id = r.group_id === null ? null : Number(r.group_id);
    return { id, name: id === null ? null : (names.get(id) ?? null), ...totalsOf(r) };
  });
}
