import type { Selectable } from 'kysely';
import { microPoints } from '../billing/money.js';
import type { Db } from '../db/database.js';
import type { UsageLogsTable } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { applyFilters, type UsageFilters } from './usage-filters.js';

/**
 * Reading usage rows (B-8), newest first. Two views of one row: a user's view leaves out what
 * belongs to the operator (channel, upstream model, retries: upstream details are hidden from
 * users everywhere); the admin view adds them and the owner.
 */
export type UsageView = 'user' | 'admin';

interface UserUsageRow {
  id: number;
  request_id: string;
  created_at: number;
  endpoint: string;
  model: string;
  key_id: number | null;
  key_name: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  /** Micro-points charged. */
  cost: number;
  /** Where the token counts came from: upstream, estimated, none, or a later source (cache, plan). */
  usage_source: string;
  is_stream: boolean;
  status: string;
  http_status: number;
  /** The message the caller was given (already stripped of upstream details). */
  error: string | null;
  latency_ms: number;
  ttft_ms: number | null;
  /** The caller's own address; only ever shown to that caller or to administrators. */
  ip: string | null;
}

export interface AdminUsageRow extends UserUsageRow {
  user_id: number;
  username: string | null;
  channel_id: number | null;
  channel_name: string | null;
  upstream_model: string | null;
  attempts: number;
}

export type UsageRow = UserUsageRow | AdminUsageRow;

type LogRow = Selectable<UsageLogsTable>;

/** A 64-bit count read back from any engine (PostgreSQL and MySQL may send sums as strings). */
export function exactInt(value: number | string | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${String(value)} is not an exact integer`);
  return n;
}

/** Names shown next to ids, looked up for the rows at hand and remembered across CSV chunks. */
class Names {
  readonly keys = new Map<number, string>();
  readonly users = new Map<number, string>();
  readonly channels = new Map<number, string>();

  constructor(
    private readonly db: Db,
    private readonly view: UsageView,
  ) {}

  async load(rows: readonly LogRow[]): Promise<void> {
    const missing = (ids: Iterable<number | null>, known: Map<number, string>) => [...new Set([...ids].filter((id): id is number => id !== null && !known.has(id)))];
    const keyIds = missing(
      rows.map((r) => r.key_id),
      this.keys,
    );
    const lookups: Promise<void>[] = [];
    if (keyIds.length) {
      lookups.push(
        this.db.kysely
          .selectFrom('api_keys')
          .select(['id', 'name'])
          .where('id', 'in', keyIds)
          .execute()
          .then((found) => found.forEach((k) => this.keys.set(Number(k.id), k.name))),
      );
    }
    if (this.view === 'admin') {
      const userIds = missing(
        rows.map((r) => r.user_id),
        this.users,
      );
      if (userIds.length) {
        lookups.push(
          this.db.kysely
            .selectFrom('users')
            .select(['id', 'username'])
            .where('id', 'in', userIds)
            .execute()
            .then((found) => found.forEach((u) => this.users.set(Number(u.id), u.username))),
        );
      }
      const channelIds = missing(
        rows.map((r) => r.channel_id),
        this.channels,
      );
      if (channelIds.length) {
        lookups.push(
          this.db.kysely
            .selectFrom('channels')
            .select(['id', 'name'])
            .where('id', 'in', channelIds)
            .execute()
            .then((found) => found.forEach((c) => this.channels.set(Number(c.id), c.name))),
        );
      }
    }
    await Promise.all(lookups);
  }

  present(r: LogRow): UsageRow {
    const keyId = r.key_id === null ? null : Number(r.key_id);
    const user: UserUsageRow = {
      id: Number(r.id),
      request_id: r.request_id,
      created_at: Number(r.created_at),
      endpoint: r.endpoint,
      model: r.model,
      key_id: keyId,
      key_name: keyId === null ? null : (this.keys.get(keyId) ?? null),
      prompt_tokens: exactInt(r.prompt_tokens),
      completion_tokens: exactInt(r.completion_tokens),
      cached_tokens: exactInt(r.cached_tokens),
      cache_write_tokens: exactInt(r.cache_write_tokens),
      reasoning_tokens: exactInt(r.reasoning_tokens),
      cost: microPoints(r.cost),
      usage_source: r.usage_source,
      is_stream: Number(r.is_stream) === 1,
      status: r.status,
      http_status: Number(r.http_status),
      error: r.error,
      latency_ms: Number(r.latency_ms),
      ttft_ms: r.ttft_ms === null ? null : Number(r.ttft_ms),
      ip: r.ip,
    };
    if (this.view === 'user') return user;
    const userId = Number(r.user_id);
    const channelId = r.channel_id === null ? null : Number(r.channel_id);
    return {
      ...user,
      user_id: userId,
      username: this.users.get(userId) ?? null,
      channel_id: channelId,
      channel_name: channelId === null ? null : (this.channels.get(channelId) ?? null),
      upstream_model: r.upstream_model,
      attempts: Number(r.attempts),
    };
  }
}

/**
 * Keyset position of a row in newest-first order: rows are ordered by (created_at, id), because
 * ids follow the batch writes of several nodes, not the time a request ended.
 */
interface Position {
  createdAt: number;
  id: number;
}

function encodeCursor(p: Position): string {
  return `${p.createdAt}_${p.id}`;
}

function decodeCursor(cursor: string): Position {
  const m = /^(\d{1,16})_(\d{1,16})$/.exec(cursor);
  const position = m && { createdAt: Number(m[1]), id: Number(m[2]) };
  if (!position || !Number.isSafeInteger(position.createdAt) || !Number.isSafeInteger(position.id)) {
    throw badRequest('invalid query: cursor: not a cursor returned by this endpoint (next_cursor)', 'validation_failed');
  }
  return position;
}

function newestFirst(db: Db, filters: UsageFilters, after: Position | undefined) {
  let q = applyFilters(db.kysely.selectFrom('usage_logs'), filters).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (after) {
    q = q.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  return q;
}

export interface Paging {
  pageSize: number;
  /** 1-based; ignored when a cursor is given. */
  page?: number;
  cursor?: string;
}

export interface UsagePage {
  data: UsageRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  page: number | null;
  page_size: number;
  /** Pass as `cursor` for the page after this one; null on the last page. */
  next_cursor: string | null;
}

export async function listUsage(db: Db, filters: UsageFilters, paging: Paging, view: UsageView): Promise<UsagePage> {
  const after = paging.cursor === undefined ? undefined : decodeCursor(paging.cursor);
  let rowsQuery = newestFirst(db, filters, after).limit(paging.pageSize + 1);
  const page = after ? null : (paging.page ?? 1);
  if (page !== null && page > 1) rowsQuery = rowsQuery.offset((page - 1) * paging.pageSize);
  const [rows, counted] = await Promise.all([
    rowsQuery.execute(),
    applyFilters(db.kysely.selectFrom('usage_logs'), filters)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst(),
  ]);
  const more = rows.length > paging.pageSize;
  const shown = more ? rows.slice(0, paging.pageSize) : rows;
  const names = new Names(db, view);
  await names.load(shown);
  const last = shown.at(-1);
  return {
    data: shown.map((r) => names.present(r)),
    total: exactInt(counted?.n),
    page,
    page_size: paging.pageSize,
    next_cursor: more && last ? encodeCursor({ createdAt: Number(last.created_at), id: Number(last.id) }) : null,
  };
}

/**
 * Every matching row, newest first, in chunks of `chunkSize` read one after another by keyset
 * (never OFFSET, never the whole table at once). The first chunk is read before this returns,
 * so a failing query is still an ordinary error response rather than a cut-off file.
 */
export async function readUsageChunks(db: Db, filters: UsageFilters, view: UsageView, chunkSize = 500): Promise<AsyncGenerator<UsageRow[]>> {
  const names = new Names(db, view);
  const read = async (after: Position | undefined) => {
    const rows = await newestFirst(db, filters, after).limit(chunkSize).execute();
    await names.load(rows);
    return rows;
  };
  const first = await read(undefined);
  return (async function* chunks() {
    let rows = first;
    for (;;) {
      if (rows.length) yield rows.map((r) => names.present(r));
      const last = rows.at(-1);
      if (rows.length < chunkSize || !last) return;
      // Forget names now and then so a huge export cannot grow the maps without bound.
      if (names.keys.size + names.users.size + names.channels.size > 50_000) {
        names.keys.clear();
        names.users.clear();
        names.channels.clear();
      }
      rows = await read({ createdAt: Number(last.created_at), id: Number(last.id) });
    }
  })();
}
