import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { badRequest } from '../http/errors.js';
import { usageCsvStream } from './usage-export.js';
import { adminFilterShape, filtersOf, rangeInOrder, userFilterShape, type UsageFilters } from './usage-filters.js';
import { listUsage } from './usage-query.js';
import { DAY_MS, MAX_SUMMARY_DAYS, summarizeUsage } from './usage-summary.js';
import { csvDownload } from '../http/download.js';

/**
 * Usage views (B-8): a signed-in user's own request log, chart summary and CSV export under
 * /api/usage, and the same over every user (with channels and upstream models) under
 * /api/admin/usage. The user routes always filter by the caller's id: nothing in the query can
 * widen them to another user's rows.
 */
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).optional().describe('1-based page number'),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(40).optional().describe('next_cursor of the previous page (instead of page)'),
};
const notBoth = {
  check: (q: { page?: number | undefined; cursor?: string | undefined }) => q.page === undefined || q.cursor === undefined,
  message: { message: 'send either page or cursor, not both', path: ['cursor'] },
};
const tzOffset = z.coerce
  .number()
  .int()
  .min(-840)
  .max(840)
  .default(0)
  .describe("minutes to add to UTC for the caller's local time (UTC+8 = 480; the opposite sign of JavaScript's getTimezoneOffset())");

const userLogsQuery = z.object({ ...userFilterShape, ...paging }).refine(rangeInOrder.check, rangeInOrder.message).refine(notBoth.check, notBoth.message);
const adminLogsQuery = z.object({ ...adminFilterShape, ...paging }).refine(rangeInOrder.check, rangeInOrder.message).refine(notBoth.check, notBoth.message);
const userSummaryQuery = z.object({ ...userFilterShape, tz_offset_min: tzOffset }).refine(rangeInOrder.check, rangeInOrder.message);
const adminSummaryQuery = z
  .object({ ...adminFilterShape, tz_offset_min: tzOffset, group_by: z.enum(['user', 'channel']).optional().describe('adds `groups`: the 100 largest by cost') })
  .refine(rangeInOrder.check, rangeInOrder.message);
const userExportQuery = z.object(userFilterShape).refine(rangeInOrder.check, rangeInOrder.message);
const adminExportQuery = z.object(adminFilterShape).refine(rangeInOrder.check, rangeInOrder.message);

const userRow = z.object({
  id: z.number(),
  request_id: z.string(),
  created_at: z.number(),
  endpoint: z.string(),
  model: z.string(),
  key_id: z.number().nullable(),
  key_name: z.string().nullable(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  cached_tokens: z.number(),
  cache_write_tokens: z.number(),
  reasoning_tokens: z.number(),
  cost: z.number().describe('micro-points'),
  usage_source: z.string(),
  is_stream: z.boolean(),
  status: z.string(),
  http_status: z.number(),
  error: z.string().nullable(),
  latency_ms: z.number(),
  ttft_ms: z.number().nullable(),
  ip: z.string().nullable(),
});
const adminRow = userRow.extend({
  user_id: z.number(),
  username: z.string().nullable(),
  channel_id: z.number().nullable(),
  channel_name: z.string().nullable(),
  upstream_model: z.string().nullable(),
  attempts: z.number(),
});
const pageOf = (row: z.ZodType) =>
  z.object({ data: z.array(row), total: z.number(), page: z.number().nullable(), page_size: z.number(), next_cursor: z.string().nullable() });

const totals = z.object({
  requests: z.number(),
  errors: z.number(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  cached_tokens: z.number(),
  cache_write_tokens: z.number(),
  reasoning_tokens: z.number(),
  total_tokens: z.number(),
  cost: z.number().describe('micro-points'),
});
const summaryResponse = z.object({
  from: z.number(),
  to: z.number(),
  tz_offset_min: z.number(),
  totals,
  days: z.array(totals.extend({ date: z.string(), start: z.number() })),
  models: z.array(totals.extend({ model: z.string() })),
  groups: z.array(totals.extend({ id: z.number().nullable(), name: z.string().nullable() })).optional(),
});

/**
 * The summary's range: `to` defaults to now; `from` to the start of the caller's local day 29
 * days earlier (30 calendar days with today). At most MAX_SUMMARY_DAYS, so the zero-filled day
 * series stays small.
 */
function summaryRange(from: number | undefined, to: number | undefined, tzOffsetMin: number): { from: number; to: number } {
  const end = to ?? Date.now();
  const offsetMs = tzOffsetMin * 60_000;
  const start = from ?? (Math.floor((end - 1 + offsetMs) / DAY_MS) - 29) * DAY_MS - offsetMs;
  if (start >= end) throw badRequest('invalid query: to: "to" must be later than "from"', 'validation_failed');
  if (end - start > MAX_SUMMARY_DAYS * DAY_MS) {
    throw badRequest(`invalid query: the range from "from" to "to" must be at most ${MAX_SUMMARY_DAYS} days`, 'validation_failed');
  }
  return { from: start, to: end };
}

function attachment(name: string, filters: UsageFilters): ReturnType<typeof csvDownload> {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const range = filters.from !== undefined || filters.to !== undefined ? `-${filters.from !== undefined ? day(filters.from) : 'start'}-to-${filters.to !== undefined ? day(filters.to - 1) : 'now'}` : '';
  return csvDownload(`${name}${range}.csv`);
}

export function registerUsageRoutes(routes: ApiRoutes, db: Db): void {
  routes.add({
    method: 'GET',
    url: '/api/usage/logs',
    summary: 'Your request log, newest first: filter by time, model, key, status or request id; page by `page` or `cursor`.',
    tag: 'usage',
    access: 'user',
    query: userLogsQuery,
    response: pageOf(userRow),
    async handler({ principal, query }) {
      const filters = { ...filtersOf(query), userId: principal!.id };
      return listUsage(db, filters, pagingOf(query), 'user');
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/usage/summary',
    summary: 'Your usage totals, per day (in your time zone, zero-filled) and per model, for charts.',
    tag: 'usage',
    access: 'user',
    query: userSummaryQuery,
    response: summaryResponse,
    async handler({ principal, query }) {
      const range = summaryRange(query.from, query.to, query.tz_offset_min);
      return summarizeUsage(db, { filters: { ...filtersOf(query), ...range, userId: principal!.id }, tzOffsetMin: query.tz_offset_min });
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/usage/export.csv',
    summary: 'Your request log as a CSV file (same filters as the log, every matching row, streamed).',
    tag: 'usage',
    access: 'user',
    query: userExportQuery,
    async handler({ principal, query, reply }) {
      const filters = { ...filtersOf(query), userId: principal!.id };
      const stream = await usageCsvStream(db, filters, 'user');
      reply.headers(attachment('usage', filters));
      return stream;
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/admin/usage/logs',
    summary: "Every user's request log, with owner, channel, upstream model, retries and address.",
    tag: 'usage',
    access: 'admin',
    query: adminLogsQuery,
    response: pageOf(adminRow),
    async handler({ query }) {
      return listUsage(db, filtersOf(query), pagingOf(query), 'admin');
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/usage/summary',
    summary: 'Usage totals over every user (or one user or channel), per day and per model; `group_by` adds the top users or channels.',
    tag: 'usage',
    access: 'admin',
    query: adminSummaryQuery,
    response: summaryResponse,
    async handler({ query }) {
      const range = summaryRange(query.from, query.to, query.tz_offset_min);
      return summarizeUsage(db, {
        filters: { ...filtersOf(query), ...range },
        tzOffsetMin: query.tz_offset_min,
        ...(query.group_by ? { groupBy: query.group_by } : {}),
      });
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/usage/export.csv',
    summary: "Every user's request log as a CSV file (same filters as the admin log, streamed).",
    tag: 'usage',
    access: 'admin',
    query: adminExportQuery,
    async handler({ query, reply }) {
      const filters = filtersOf(query);
      const stream = await usageCsvStream(db, filters, 'admin');
      reply.headers(attachment('usage-all', filters));
      return stream;
    },
  });
}

function pagingOf(query: { page?: number | undefined; page_size: number; cursor?: string | undefined }): { pageSize: number; page?: number; cursor?: string } {
  return {
    pageSize: query.page_size,
    ...(query.page !== undefined ? { page: query.page } : {}),
    ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
  };
}
