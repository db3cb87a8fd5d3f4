import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from './kysely-runtime.js';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

describe('SQLite checkpointing off the event loop', () => {
  it('moves committed pages from the WAL into the database file without the writer checkpointing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-ckpt-')), 'db.sqlite');
    const db = await openDatabase({ kind: 'sqlite', file });
    db.startBackgroundCheckpoints!();
    try {
      await sql`create table blob_rows (id integer primary key, body text)`.execute(db.kysely);
      const insert = db.sqlite!.prepare('insert into blob_rows (body) values (?)');
      const chunk = 'x'.repeat(4000);
      db.sqlite!.transaction(() => {
        for (let i = 0; i < 1000; i++) insert.run(chunk);
      })();
      // ~4 MB committed: far below the writer's own threshold, so it all sits in the WAL.
      expect(statSync(file).size).toBeLessThan(1_000_000);
      const deadline = Date.now() + 5000;
      while (statSync(file).size < 3_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(statSync(file).size).toBeGreaterThan(3_000_000);
    } finally {
      await db.close();
    }
  });
});
