import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';

/**
 * The filters shared by the usage list, summary and CSV export. A signed-in user's own views
 * always carry their user id (set by the route, never taken from the query); administrators may
 * also filter by user and channel.
 */
export interface UsageFilters {
  userId?: number;
  channelId?: number;
  keyId?: number;
  model?: string;
  status?: 'success' | 'error' | 'aborted';
  requestId?: string;
  /** Inclusive, ms since the epoch. */
  from?: number;
  /** Exclusive, ms since the epoch. */
  to?: number;
}

/** Year 2200: far beyond any real timestamp, well inside an exact JS number. */
const MAX_TIME_MS = 7_258_118_400_000;
const time = z.coerce.number().int('must be an integer (ms since 1970)').min(0).max(MAX_TIME_MS);
const id = z.coerce.number().int().positive();

export const userFilterShape = {
  from: time.optional().describe('start, inclusive: ms since 1970 (UTC)'),
  to: time.optional().describe('end, exclusive: ms since 1970 (UTC)'),
  model: z.string().min(1).max(128).optional().describe('the model as asked for (exact)'),
  key_id: id.optional().describe('one of your API keys'),
  status: z.enum(['success', 'error', 'aborted']).optional(),
  request_id: z.string().min(1).max(64).optional(),
};

export const adminFilterShape = {
  ...userFilterShape,
  user_id: id.optional(),
  channel_id: id.optional(),
};

type UserFilterQuery = z.infer<z.ZodObject<typeof userFilterShape>>;
type AdminFilterQuery = z.infer<z.ZodObject<typeof adminFilterShape>>;

export function filtersOf(query: UserFilterQuery & Partial<Pick<AdminFilterQuery, 'user_id' | 'channel_id'>>): UsageFilters {
  const f: UsageFilters = {};
  if (query.from !== undefined) f.from = query.from;
  if (query.to !== undefined) f.to = query.to;
  if (query.model !== undefined) f.model = query.model;
  if (query.key_id !== undefined) f.keyId = query.key_id;
  if (query.status !== undefined) f.status = query.status;
  if (query.request_id !== undefined) f.requestId = query.request_id;
  if (query.user_id !== undefined) f.userId = query.user_id;
  if (query.channel_id !== undefined) f.channelId = query.channel_id;
  return f;
}

/** `from` must come before `to` when both are given (the zod refinement of every usage query). */
export const rangeInOrder = {
  check: (q: { from?: number | undefined; to?: number | undefined }) => q.from === undefined || q.to === undefined || q.from < q.to,
  message: { message: '"to" must be later than "from"', path: ['to'] },
};

export function applyFilters<O>(q: SelectQueryBuilder<Database, 'usage_logs', O>, f: UsageFilters): SelectQueryBuilder<Database, 'usage_logs', O> {
  if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
  if (f.channelId !== undefined) q = q.where('channel_id', '=', f.channelId);
  if (f.keyId !== undefined) q = q.where('key_id', '=', f.keyId);
  if (f.model !== undefined) q = q.where('model', '=', f.model);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.requestId !== undefined) q = q.where('request_id', '=', f.requestId);
  if (f.from !== undefined) q = q.where('created_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('created_at', '<', f.to);
  return q;
}
