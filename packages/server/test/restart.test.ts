import { startMockOpenAI } from '@switchboard/testkit';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, createTestDatabase, startTestServer, stopAll } from './harness.js';

describe('graceful shutdown', () => {
  afterAll(stopAll);

  it('lets an in-flight stream finish before closing, without aborting its upstream call', async () => {
    const mock = await startMockOpenAI({ defaults: { chunkDelayMs: 150 } });
    try {
      const server = await startTestServer();
      const root = await server.rootToken();
      const key = await createKey(server, root);
      await createChannel(server, root, { base_url: mock.url, keys: 'k-drain-1234', models: ['drain'] });
      const stream = await server.openai(key).chat.completions.create({ model: 'drain', messages: [{ role: 'user', content: 'x' }], stream: true });
      const text = (async () => {
        let out = '';
        for await (const c of stream) out += c.choices[0]?.delta?.content ?? '';
        return out;
      })();
      await mock.waitFor(() => mock.stats().active === 1);
      const closed = server.close();
      expect(await text).toBe('Hello! This is a mock answer from the upstream.');
      await closed;
      expect(mock.stats().aborted).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

describe('restart on an existing database', () => {
  afterAll(stopAll);

  it('re-runs migrations harmlessly, keeps root, keys and channel secrets usable', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-restart-'));
    const mock = await startMockOpenAI();
    try {
      const first = await startTestServer({ database, env: { DATA_DIR: dataDir } });
      const root = await first.rootToken();
      const key = await createKey(first, root);
      await createChannel(first, root, { base_url: mock.url, keys: 'k-persist-1234', models: ['persisted'] });
      await first.close();

      const second = await startTestServer({ database, env: { DATA_DIR: dataDir } });
      const users = await second.ctx.db.kysely.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toEqual(['root']);
      const res = await second.openai(key).chat.completions.create({ model: 'persisted', messages: [{ role: 'user', content: 'still there?' }] });
      expect(res.choices).toHaveLength(1);
      expect(mock.requests.at(-1)!.headers.authorization).toBe('Bearer k-persist-1234');
      await second.close();
    } finally {
      await mock.close();
      await database.drop();
    }
  });
});
