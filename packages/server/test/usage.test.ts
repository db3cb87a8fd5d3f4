import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewUsageLog } from '../src/db/schema.js';
import { createChannel, createUser, startTestServer, stopAll, usageRows, type TestServer } from './harness.js';

/**
 * Usage views (B-8): a user's own log, summary and CSV export, and the admin views over everyone.
 * Relay rows come from real calls through the server; rows at chosen times (day buckets, bulk
 * paging, awkward CSV text) are written straight into usage_logs.
 */
const POINT = 1_000_000;
const DAY = 86_400_000;
let server: TestServer;
let root: string;
let mock: MockOpenAI;
let channelId: number;

interface Person {
  id: number;
  token: string;
}
let alice: Person;
let bob: Person;
let aliceKey1Id: number;
let aliceRequestIds: string[];

interface Row {
  id: number;
  request_id: string;
  created_at: number;
  model: string;
  key_id: number | null;
  key_name: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  cost: number;
  status: string;
  http_status: number;
  error: string | null;
  usage_source: string;
  ip: string | null;
  [more: string]: unknown;
}
interface Page {
  data: Row[];
  total: number;
  page: number | null;
  page_size: number;
  next_cursor: string | null;
}
interface Totals {
  requests: number;
  errors: number;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  total_tokens: number;
  cost: number;
}
interface Summary {
  from: number;
  to: number;
  totals: Totals;
  days: (Totals & { date: string; start: number })[];
  models: (Totals & { model: string })[];
  groups?: (Totals & { id: number | null; name: string | null })[];
}
interface ApiError {
  error: { code: string; message: string };
}

async function person(name: string): Promise<Person> {
  const token = await createUser(server, name);
  const me = await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token);
  return { id: me.body.id, token };
}

async function keyId(token: string, name: string): Promise<{ key: string; id: number }> {
  const res = await server.api<{ key: string; id: number }>('POST', '/api/keys', { name }, token);
  expect(res.status).toBe(201);
  return res.body;
}

let seq = 0;
function row(userId: number, fields: Partial<NewUsageLog> = {}): NewUsageLog {
  return {
    request_id: `direct-${++seq}`,
    user_id: userId,
    key_id: null,
    endpoint: 'chat.completions',
    model: 'direct-model',
    upstream_model: 'direct-upstream-secret',
    channel_id: null,
    prompt_tokens: 1,
    completion_tokens: 2,
    cached_tokens: 0,
    cache_write_tokens: 0,
    reasoning_tokens: 0,
    cost: 5,
    usage_source: 'upstream',
    is_stream: 0,
    status: 'success',
    http_status: 200,
    error: null,
    attempts: 1,
    latency_ms: 10,
    ttft_ms: null,
    ip: '198.51.100.7',
    created_at: Date.now(),
    ...fields,
  };
}

async function insert(rows: NewUsageLog[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await server.ctx.db.kysely.insertInto('usage_logs').values(rows.slice(i, i + 200)).execute();
}

const get = <T>(path: string, token: string) => server.api<T>('GET', path, undefined, token);

async function csv(path: string, token: string): Promise<{ status: number; headers: Headers; rows: string[][]; text: string }> {
  const res = await fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, rows: parseCsv(text), text };
}

/** A strict RFC 4180 reader: CRLF ends a record only outside quotes; a bare line break inside an unquoted field would corrupt the shape. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      rows.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length) rows.push([...record, field]);
  return rows;
}

/** The records of a parsed CSV as objects keyed by the header. */
function records(rows: string[][]): Record<string, string>[] {
  const [header, ...data] = rows;
  for (const r of data) expect(r).toHaveLength(header!.length);
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  mock = await startMockOpenAI({ apiKeys: ['sk-usage-upstream'] });
  channelId = (
    await createChannel(server, root, {
      name: 'usage-channel-secret',
      base_url: mock.url,
      keys: 'sk-usage-upstream',
      models: ['usage-a', 'usage-b'],
      mapping: 'usage-a>upstream-secret-a',
    })
  ).id;
  await server.api('PUT', '/api/admin/prices/usage-a', { mode: 'request', per_request: POINT }, root);
  await server.api('PUT', '/api/admin/prices/usage-b', { mode: 'token', input: 1000 * POINT, output: 2000 * POINT, unit_tokens: 1000000 }, root);

  alice = await person('alice');
  bob = await person('bob');
  for (const p of [alice, bob]) await server.ctx.ledger.post({ userId: p.id, kind: 'adjust', amount: 100 * POINT, note: 'test credit' });
  const k1 = await keyId(alice.token, 'alice-key-1');
  const k2 = await keyId(alice.token, 'alice-key-2');
  aliceKey1Id = k1.id;
  const question = [{ role: 'user' as const, content: 'hi' }];
  const a1 = server.openai(k1.key);
  const a2 = server.openai(k2.key);
  await a1.chat.completions.create({ model: 'usage-a', messages: question });
  await a1.chat.completions.create({ model: 'usage-a', messages: question, stream: true }).then(async (s) => {
    for await (const _ of s);
  });
  mock.enqueue({ usage: { prompt_tokens: 10, completion_tokens: 20 } });
  await a2.chat.completions.create({ model: 'usage-b', messages: question });
  mock.enqueue({ status: 500 });
  await expect(a2.chat.completions.create({ model: 'usage-a', messages: question })).rejects.toMatchObject({ status: 502 });
  await server.openai((await keyId(bob.token, 'bob-key')).key).chat.completions.create({ model: 'usage-a', messages: question });
  const rows = await usageRows(server, 5);
  expect(rows).toHaveLength(5);
  aliceRequestIds = rows.filter((r) => r.user_id === alice.id).map((r) => r.request_id);
  expect(aliceRequestIds).toHaveLength(4);
});
afterAll(async () => {
  await stopAll();
  await mock.close();
});

describe('a user’s own usage log', () => {
  it('shows only the caller’s rows, with key names and no upstream details', async () => {
    const res = await get<Page>('/api/usage/logs', alice.token);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.data.map((r) => r.request_id).sort()).toEqual([...aliceRequestIds].sort());
    const text = JSON.stringify(res.body);
    for (const hidden of ['upstream-secret-a', 'usage-channel-secret', 'channel_id', 'upstream_model', 'attempts']) expect(text).not.toContain(hidden);
    expect(res.body.data.filter((r) => r.key_name === 'alice-key-1')).toHaveLength(2);
    const failed = res.body.data.find((r) => r.status === 'error')!;
    expect(failed).toMatchObject({ http_status: 502, cost: 0, model: 'usage-a' });
    expect(failed.error).toBeTruthy();
    const tokenCall = res.body.data.find((r) => r.model === 'usage-b')!;
    expect(tokenCall).toMatchObject({ prompt_tokens: 10, completion_tokens: 20, cost: (10 * 1000 * POINT + 20 * 2000 * POINT) / 1_000_000 });
    // Newest first.
    const times = res.body.data.map((r) => r.created_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('cannot be widened to another user by any query parameter', async () => {
    const widened = await get<Page>(`/api/usage/logs?user_id=${alice.id}`, bob.token);
    expect(widened.status).toBe(200);
    expect(widened.body.total).toBe(1);
    expect(aliceRequestIds).not.toContain(widened.body.data[0]!.request_id);
    const byRequest = await get<Page>(`/api/usage/logs?request_id=${aliceRequestIds[0]}`, bob.token);
    expect(byRequest.body.total).toBe(0);
    const summary = await get<Summary>(`/api/usage/summary?user_id=${alice.id}`, bob.token);
    expect(summary.body.totals.requests).toBe(1);
    const file = await csv(`/api/usage/export.csv?user_id=${alice.id}`, bob.token);
    expect(records(file.rows)).toHaveLength(1);
  });

  it('filters by model, key, status, request id and time', async () => {
    const q = async (query: string) => (await get<Page>(`/api/usage/logs?${query}`, alice.token)).body;
    expect((await q('model=usage-b')).total).toBe(1);
    expect((await q('model=usage-a')).total).toBe(3);
    expect((await q(`key_id=${aliceKey1Id}`)).data.map((r) => r.key_name)).toEqual(['alice-key-1', 'alice-key-1']);
    const errors = await q('status=error');
    expect(errors.total).toBe(1);
    expect(errors.data[0]!.status).toBe('error');
    expect((await q(`request_id=${aliceRequestIds[0]}`)).data.map((r) => r.request_id)).toEqual([aliceRequestIds[0]]);
    const all = (await q('')).data;
    const newest = all[0]!.created_at;
    expect((await q(`from=${newest}`)).data.every((r) => r.created_at >= newest)).toBe(true);
    expect((await q(`to=${newest}`)).data.every((r) => r.created_at < newest)).toBe(true);
    expect((await q(`from=${newest}`)).total + (await q(`to=${newest}`)).total).toBe(4);
    expect((await q('model=no-such-model')).total).toBe(0);
  });

  it('rejects bad queries with 400 and a message naming the problem', async () => {
    const bad = async (path: string) => {
      const res = await get<ApiError>(path, alice.token);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      return res.body.error.message;
    };
    expect(await bad('/api/usage/logs?page_size=101')).toContain('page_size');
    expect(await bad('/api/usage/logs?page_size=0')).toContain('page_size');
    expect(await bad('/api/usage/logs?from=200&to=100')).toContain('"to" must be later than "from"');
    expect(await bad('/api/usage/logs?from=yesterday')).toContain('from');
    expect(await bad('/api/usage/logs?status=maybe')).toContain('status');
    expect(await bad('/api/usage/logs?cursor=garbage')).toContain('cursor');
    expect(await bad('/api/usage/logs?cursor=1_1&page=2')).toContain('either page or cursor');
    expect(await bad(`/api/usage/summary?from=0&to=${367 * DAY}`)).toContain('at most 366 days');
    expect(await bad('/api/usage/summary?tz_offset_min=900')).toContain('tz_offset_min');
    expect(await bad('/api/usage/summary?tz_offset_min=1.5')).toContain('tz_offset_min');
    expect(await bad('/api/usage/summary?from=500&to=500')).toContain('"to" must be later than "from"');
    expect(await bad('/api/usage/export.csv?key_id=-1')).toContain('key_id');
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    const doc = await server.api<{ paths: Record<string, { get?: { parameters?: { name: string }[] } }> }>('GET', '/api/openapi.json');
    const names = (path: string) => doc.body.paths[path]?.get?.parameters?.map((p) => p.name) ?? [];
    expect(names('/api/usage/logs')).toEqual(expect.arrayContaining(['from', 'to', 'model', 'key_id', 'status', 'page', 'page_size', 'cursor']));
    expect(names('/api/usage/summary')).toContain('tz_offset_min');
    expect(names('/api/admin/usage/logs')).toEqual(expect.arrayContaining(['user_id', 'channel_id']));
    expect(names('/api/admin/usage/summary')).toContain('group_by');
    expect(names('/api/usage/export.csv')).not.toContain('page');
  });

  it('needs a session', async () => {
    for (const path of ['/api/usage/logs', '/api/usage/summary', '/api/usage/export.csv']) {
      expect((await server.api('GET', path)).status).toBe(401);
    }
  });
});

describe('paging', () => {
  let dave: Person;
  const base = Date.UTC(2024, 0, 15, 12);
  const COUNT = 1203;

  beforeAll(async () => {
    dave = await person('dave');
    // Three rows per millisecond: ordering and cursors must break ties by id.
    await insert(Array.from({ length: COUNT }, (_, i) => row(dave.id, { created_at: base + Math.floor(i / 3), cost: i, model: i % 2 ? 'odd' : 'even' })));
  });

  it('walks every row once, newest first, by cursor and by page alike', async () => {
    const byCursor: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: Page } = await get<Page>(`/api/usage/logs?page_size=100${cursor ? `&cursor=${cursor}` : ''}`, dave.token);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(COUNT);
      byCursor.push(...res.body.data);
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(13);
    expect(new Set(byCursor.map((r) => r.id)).size).toBe(COUNT);
    for (let i = 1; i < byCursor.length; i++) {
      const [a, b] = [byCursor[i - 1]!, byCursor[i]!];
      expect(a.created_at > b.created_at || (a.created_at === b.created_at && a.id > b.id)).toBe(true);
    }
    const page3 = await get<Page>('/api/usage/logs?page_size=100&page=3', dave.token);
    expect(page3.body.page).toBe(3);
    expect(page3.body.data.map((r) => r.id)).toEqual(byCursor.slice(200, 300).map((r) => r.id));
    const last = await get<Page>('/api/usage/logs?page_size=100&page=13', dave.token);
    expect(last.body.data).toHaveLength(3);
    expect(last.body.next_cursor).toBeNull();
    const beyond = await get<Page>('/api/usage/logs?page_size=100&page=14', dave.token);
    expect(beyond.body).toMatchObject({ data: [], total: COUNT, next_cursor: null });
  });

  it('applies time filters to the page and the total', async () => {
    const res = await get<Page>(`/api/usage/logs?from=${base + 100}&to=${base + 200}&page_size=100`, dave.token);
    expect(res.body.total).toBe(300);
    expect(res.body.data.every((r) => r.created_at >= base + 100 && r.created_at < base + 200)).toBe(true);
  });

  it('exports every matching row as CSV, streamed in chunks', async () => {
    const file = await csv('/api/usage/export.csv', dave.token);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="usage[^"]*\.csv"; filename\*=UTF-8''usage[^;]*\.csv$/);
    const data = records(file.rows);
    expect(data).toHaveLength(COUNT);
    expect(new Set(data.map((r) => r.request_id)).size).toBe(COUNT);
    // Same order as the log.
    const first = await get<Page>('/api/usage/logs?page_size=3', dave.token);
    expect(data.slice(0, 3).map((r) => r.request_id)).toEqual(first.body.data.map((r) => r.request_id));
    expect(data.reduce((sum, r) => sum + Number(r.cost), 0)).toBe((COUNT * (COUNT - 1)) / 2);
    expect(data[0]!.time).toBe(new Date(base + Math.floor((COUNT - 1) / 3)).toISOString());
    expect(Object.keys(data[0]!)).not.toContain('upstream_model');
    expect(file.text).not.toContain('direct-upstream-secret');
    const filtered = records((await csv(`/api/usage/export.csv?model=odd&from=${base}&to=${base + 10}`, dave.token)).rows);
    expect(filtered).toHaveLength(15);
    expect(filtered.every((r) => r.model === 'odd')).toBe(true);
  });
});

describe('summary', () => {
  it('totals equal the sum of the rows, per model too', async () => {
    const logs = (await get<Page>('/api/usage/logs?page_size=100', alice.token)).body.data;
    const res = await get<Summary>('/api/usage/summary', alice.token);
    expect(res.status).toBe(200);
    const sum = (rows: Row[], k: keyof Totals & keyof Row) => rows.reduce((s, r) => s + (r[k] as number), 0);
    expect(res.body.totals).toMatchObject({
      requests: 4,
      errors: 1,
      prompt_tokens: sum(logs, 'prompt_tokens'),
      completion_tokens: sum(logs, 'completion_tokens'),
      cost: sum(logs, 'cost'),
    });
    expect(res.body.totals.total_tokens).toBe(res.body.totals.prompt_tokens + res.body.totals.completion_tokens);
    expect(res.body.totals.cost).toBe(2 * POINT + (10 * 1000 * POINT + 20 * 2000 * POINT) / 1_000_000);
    // Default range: 30 calendar days ending today, zero-filled.
    expect(res.body.days).toHaveLength(30);
    expect(res.body.days.at(-1)!.date).toBe(new Date(res.body.to - 1).toISOString().slice(0, 10));
    expect(res.body.days.reduce((s, d) => s + d.requests, 0)).toBe(4);
    expect(res.body.days.reduce((s, d) => s + d.cost, 0)).toBe(res.body.totals.cost);
    const a = res.body.models.find((m) => m.model === 'usage-a')!;
    const b = res.body.models.find((m) => m.model === 'usage-b')!;
    expect(a).toMatchObject({ requests: 3, errors: 1, cost: 2 * POINT });
    expect(b).toMatchObject({ requests: 1, errors: 0, prompt_tokens: 10, completion_tokens: 20 });
    expect(res.body.models.map((m) => m.model)).toEqual(['usage-a', 'usage-b']); // by cost
  });

  it('buckets days in the caller’s time zone across midnight, zero-filling the range', async () => {
    const carol = await person('carol');
    const late = Date.UTC(2024, 2, 10, 23, 30); // 23:30 UTC on the 10th
    const early = Date.UTC(2024, 2, 11, 0, 30); // 00:30 UTC on the 11th
    const evening = Date.UTC(2024, 2, 11, 22, 30);
    await insert([
      row(carol.id, { created_at: late, model: 'm-x', cost: 5, prompt_tokens: 100 }),
      row(carol.id, { created_at: early, model: 'm-x', cost: 5, prompt_tokens: 200 }),
      row(carol.id, { created_at: evening, model: 'm-y', cost: 100, prompt_tokens: 300, status: 'error', usage_source: 'cache' as NewUsageLog['usage_source'] }),
    ]);
    const from = Date.UTC(2024, 2, 9);
    const to = Date.UTC(2024, 2, 13);
    const summary = async (tz: number) => {
      const res = await get<Summary>(`/api/usage/summary?from=${from}&to=${to}&tz_offset_min=${tz}`, carol.token);
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ requests: 3, errors: 1, cost: 110, prompt_tokens: 600 });
      return Object.fromEntries(res.body.days.map((d) => [d.date, d.requests]));
    };
    expect(await summary(0)).toEqual({ '2024-03-09': 0, '2024-03-10': 1, '2024-03-11': 2, '2024-03-12': 0 });
    expect(await summary(120)).toEqual({ '2024-03-09': 0, '2024-03-10': 0, '2024-03-11': 2, '2024-03-12': 1, '2024-03-13': 0 });
    expect(await summary(-120)).toEqual({ '2024-03-08': 0, '2024-03-09': 0, '2024-03-10': 2, '2024-03-11': 1, '2024-03-12': 0 });
    expect(await summary(-30)).toEqual({ '2024-03-08': 0, '2024-03-09': 0, '2024-03-10': 1, '2024-03-11': 2, '2024-03-12': 0 });

    const plus2 = (await get<Summary>(`/api/usage/summary?from=${from}&to=${to}&tz_offset_min=120`, carol.token)).body;
    const day11 = plus2.days.find((d) => d.date === '2024-03-11')!;
    expect(day11.start).toBe(Date.UTC(2024, 2, 11) - 2 * 3600_000);
    expect(day11).toMatchObject({ requests: 2, cost: 10, prompt_tokens: 300 });
    expect(plus2.models).toMatchObject([
      { model: 'm-y', requests: 1, errors: 1, cost: 100 },
      { model: 'm-x', requests: 2, errors: 0, cost: 10 },
    ]);
    // An open usage_source ('cache') is shown as it is.
    expect((await get<Page>('/api/usage/logs?model=m-y', carol.token)).body.data[0]!.usage_source).toBe('cache');
    // A year of days fits; a day more does not.
    expect((await get<Summary>(`/api/usage/summary?from=${to - 366 * DAY}&to=${to}`, carol.token)).body.days).toHaveLength(366);
  });
});

describe('CSV text that is not plain', () => {
  it('survives quotes, commas and line breaks, and never becomes a formula', async () => {
    const eve = await person('eve');
    const key = await keyId(eve.token, '@admin, "quoted"');
    const nasty = 'upstream said "no", then\r\nstopped,\nbadly';
    await insert([
      row(eve.id, { error: nasty, status: 'error', http_status: 502, created_at: Date.now() - 2000 }),
      row(eve.id, { model: '=HYPERLINK("http://evil.example","click")', key_id: key.id, created_at: Date.now() - 1000 }),
      row(eve.id, { error: '-1+2', model: '+cmd', status: 'error', http_status: 400, cost: 1_234_567 }),
    ]);
    const file = await csv('/api/usage/export.csv', eve.token);
    const data = records(file.rows);
    expect(data).toHaveLength(3);
    const [minus, formula, quoted] = data;
    expect(quoted!.error).toBe(nasty);
    expect(formula!.model).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(formula!.key_name).toBe(`'@admin, "quoted"`);
    expect(minus!.error).toBe("'-1+2");
    expect(minus!.model).toBe("'+cmd");
    expect(minus!).toMatchObject({ cost: '1234567', cost_points: '1.234567', status: 'error', http_status: '400' });
    for (const r of data) expect(r.ip).toBe('198.51.100.7');
  });
});

describe('admin views', () => {
  it('lists every user’s rows with owner, channel, upstream model and retries', async () => {
    const all = await get<Page>('/api/admin/usage/logs?page_size=100', root);
    expect(all.status).toBe(200);
    const count = await server.ctx.db.kysely.selectFrom('usage_logs').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(all.body.total).toBe(Number(count.n));
    const mine = await get<Page>(`/api/admin/usage/logs?user_id=${alice.id}`, root);
    expect(mine.body.total).toBe(4);
    for (const r of mine.body.data) {
      expect(r).toMatchObject({ user_id: alice.id, username: 'alice', attempts: 1 });
      expect(r.upstream_model).toBe(r.model === 'usage-a' ? 'upstream-secret-a' : 'usage-b');
      // The relay records the channel that served the call, or for a failed call the last one tried.
      expect(r).toMatchObject({ channel_id: channelId, channel_name: 'usage-channel-secret' });
    }
    const byChannel = await get<Page>(`/api/admin/usage/logs?channel_id=${channelId}&page_size=100`, root);
    expect(byChannel.body.total).toBe(5);
    expect(new Set(byChannel.body.data.map((r) => r.username))).toEqual(new Set(['alice', 'bob']));
    const errors = await get<Page>(`/api/admin/usage/logs?user_id=${alice.id}&status=error`, root);
    expect(errors.body.data).toHaveLength(1);
    expect(errors.body.data[0]).toMatchObject({ http_status: 502, channel_id: channelId, upstream_model: 'upstream-secret-a' });
  });

  it('summarises everyone, one user, or per user and channel', async () => {
    const everyone = (await get<Summary>('/api/admin/usage/summary?group_by=user', root)).body;
    const groups = everyone.groups!;
    expect(groups.find((g) => g.name === 'alice')).toMatchObject({ id: alice.id, requests: 4, errors: 1 });
    expect(groups.find((g) => g.name === 'bob')).toMatchObject({ id: bob.id, requests: 1, cost: POINT });
    expect(groups.reduce((s, g) => s + g.requests, 0)).toBe(everyone.totals.requests);
    expect(groups.reduce((s, g) => s + g.cost, 0)).toBe(everyone.totals.cost);
    expect(groups.map((g) => g.cost)).toEqual([...groups.map((g) => g.cost)].sort((a, b) => b - a));

    const one = (await get<Summary>(`/api/admin/usage/summary?user_id=${alice.id}`, root)).body;
    const own = (await get<Summary>('/api/usage/summary', alice.token)).body;
    expect(one.totals).toEqual(own.totals);
    expect(one.groups).toBeUndefined();

    const channels = (await get<Summary>('/api/admin/usage/summary?group_by=channel', root)).body.groups!;
    expect(channels.find((g) => g.id === channelId)).toMatchObject({ name: 'usage-channel-secret', requests: 5 });
    // Rows that never reached a channel are one group without an id.
    expect(channels.find((g) => g.id === null)).toBeDefined();
  });

  it('exports everyone’s rows with the admin columns', async () => {
    const file = await csv(`/api/admin/usage/export.csv?channel_id=${channelId}`, root);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const data = records(file.rows);
    expect(data).toHaveLength(5);
    expect(new Set(data.map((r) => r.username))).toEqual(new Set(['alice', 'bob']));
    expect(data.filter((r) => r.upstream_model === 'upstream-secret-a')).toHaveLength(4);
    expect(data.every((r) => r.channel_name === 'usage-channel-secret' && r.channel_id === String(channelId))).toBe(true);
  });

  it('refuses the admin views to other users', async () => {
    for (const path of ['/api/admin/usage/logs', '/api/admin/usage/summary', '/api/admin/usage/export.csv']) {
      const res = await get<ApiError>(path, alice.token);
      expect(res.status, path).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('usage-channel-secret');
    }
  });
});
