import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { NewUsageLog } from '../db/schema.js';
import { UsageRecorder } from './usage-recorder.js';

const row = (i: number): NewUsageLog => ({
  request_id: `req_t${i}`,
  user_id: 1,
  key_id: i % 3,
  endpoint: 'chat.completions',
  model: 'gpt-4o-mini',
  upstream_model: 'gpt-4o-mini',
  channel_id: 1,
  prompt_tokens: 10,
  completion_tokens: 5,
  cached_tokens: 0,
  cache_write_tokens: 0,
  reasoning_tokens: 0,
  cost: 0,
  usage_source: 'upstream',
  is_stream: 0,
  status: 'success',
  http_status: 200,
  error: null,
  attempts: 1,
  latency_ms: 3,
  ttft_ms: 2,
  ip: '127.0.0.1',
  created_at: 1_000 + i,
});

describe('UsageRecorder', () => {
  it('writes every queued row once, reports keys used, and moves SQLite checkpoints off the loop under sustained load', async () => {
    const db = await openDatabase({ kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'sb-usage-')), 'u.db') });
    await migrate(db);
    let started = 0;
    const start = db.startBackgroundCheckpoints!;
    db.startBackgroundCheckpoints = () => {
      started++;
      start();
    };
    const used: Array<Map<number, number>> = [];
    const recorder = new UsageRecorder(db, pino({ level: 'silent' }), 60_000, async (m) => void used.push(m));
    try {
      for (let i = 0; i < 1000; i++) recorder.push(row(i));
      await recorder.flush();
      expect(started).toBe(0); // a quiet node keeps SQLite's own small checkpoints
      for (let i = 1000; i < 6000; i++) recorder.push(row(i));
      await recorder.flush();
      const count = await db.kysely.selectFrom('usage_logs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(6000);
      expect(started).toBe(1);
      expect(used.at(-1)!.get(2)).toBe(1_000 + 5999);
    } finally {
      await recorder.close();
      await db.close();
    }
  });
});
