import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import { csvRow, type CsvCell } from '../http/csv.js';
import { pointsText } from '../billing/money.js';
import type { UsageFilters } from './usage-filters.js';
import { readUsageChunks, type AdminUsageRow, type UsageRow, type UsageView } from './usage-query.js';

type Column = readonly [header: string, value: (row: UsageRow) => CsvCell];

const USER_COLUMNS: readonly Column[] = [
  ['time', (r) => new Date(r.created_at).toISOString()],
  ['request_id', (r) => r.request_id],
  ['endpoint', (r) => r.endpoint],
  ['model', (r) => r.model],
  ['key_id', (r) => r.key_id],
  ['key_name', (r) => r.key_name],
  ['status', (r) => r.status],
  ['http_status', (r) => r.http_status],
  ['stream', (r) => r.is_stream],
  ['prompt_tokens', (r) => r.prompt_tokens],
  ['completion_tokens', (r) => r.completion_tokens],
  ['cached_tokens', (r) => r.cached_tokens],
  ['cache_write_tokens', (r) => r.cache_write_tokens],
  ['reasoning_tokens', (r) => r.reasoning_tokens],
  ['cost', (r) => r.cost],
  ['cost_points', (r) => pointsText(r.cost)],
  ['usage_source', (r) => r.usage_source],
  ['latency_ms', (r) => r.latency_ms],
  ['ttft_ms', (r) => r.ttft_ms],
  ['ip', (r) => r.ip],
  ['error', (r) => r.error],
];

const admin = (f: (r: AdminUsageRow) => CsvCell) => (r: UsageRow) => f(r as AdminUsageRow);
const ADMIN_COLUMNS: readonly Column[] = [
  ...USER_COLUMNS.slice(0, 2),
  ['user_id', admin((r) => r.user_id)],
  ['username', admin((r) => r.username)],
  ...USER_COLUMNS.slice(2, 4),
  ['upstream_model', admin((r) => r.upstream_model)],
  ['channel_id', admin((r) => r.channel_id)],
  ['channel_name', admin((r) => r.channel_name)],
  ['attempts', admin((r) => r.attempts)],
  ...USER_COLUMNS.slice(4),
];

/**
 * The usage rows matching `filters` as a CSV stream: a header row, then the rows newest first,
 * read from the database a chunk at a time as the client reads (the stream pulls the next chunk
 * only when the socket drains; a client that goes away stops the reads). Costs appear twice:
 * exact micro-points for machines and decimal points for people.
 */
export async function usageCsvStream(db: Db, filters: UsageFilters, view: UsageView): Promise<Readable> {
  const columns = view === 'admin' ? ADMIN_COLUMNS : USER_COLUMNS;
  const chunks = await readUsageChunks(db, filters, view);
  async function* lines(): AsyncGenerator<string> {
    yield csvRow(columns.map(([header]) => header));
    for await (const rows of chunks) {
      let text = '';
      for (const row of rows) text += csvRow(columns.map(([, value]) => value(row)));
      yield text;
    }
  }
  return Readable.from(lines(), { objectMode: false });
}
