import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';

/**
 * DATA_DIR holds the database (password hashes, sealed channel keys, balances), the deployment
 * secret and the node id. A server on SQLite with the default layout (database in DATA_DIR, no
 * SECRET, no NODE_ID) must leave the directory 0700 and every file in it 0600 — SQLite's -wal
 * and -shm included — also when an older version left them 0755 / 0644.
 */
const ROOT_PASSWORD = 'root-password-for-tests';
let parent: string | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (parent) rmSync(parent, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ROOT_PASSWORD, LOG_LEVEL: 'silent', USAGE_FLUSH_MS: '50' }, dataDir);
  const env = process.env.NODE_ID;
  delete process.env.NODE_ID; // the node id must be kept in DATA_DIR for this test
  try {
    return await startServer(config, { logger: pino({ level: 'silent' }), announce: () => {} });
  } finally {
    if (env !== undefined) process.env.NODE_ID = env;
  }
}

/** Signs in (a session row) and creates an API key: writes that go through the WAL. */
async function write(running: RunningServer): Promise<void> {
  const base = running.url.replace('localhost', '127.0.0.1');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'root', password: ROOT_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const key = await fetch(`${base}/api/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'private' }),
  });
  expect(key.status).toBe(201);
}

function modes(dataDir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dataDir).mode & 0o777).toString(8) };
  for (const name of readdirSync(dataDir)) out[name] = (statSync(join(dataDir, name)).mode & 0o777).toString(8);
  return out;
}

describe('DATA_DIR is private to the server user', () => {
  it('creates the directory 0700 and every file in it 0600, SQLite companions included', async () => {
    parent = mkdtempSync(join(tmpdir(), 'sb-private-'));
    const dataDir = join(parent, 'data');
    server = await start(dataDir);
    await write(server);
    const seen = modes(dataDir);
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['.', 'secret', 'node-id', 'switchboard.db', 'switchboard.db-wal', 'switchboard.db-shm']));
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, name === '.' ? '700' : '600'])));
  });

  it('tightens a directory and files an older version left readable by others', async () => {
    parent = mkdtempSync(join(tmpdir(), 'sb-private-'));
    const dataDir = join(parent, 'data');
    server = await start(dataDir);
    await write(server);
    await server.close();
    server = undefined;
    chmodSync(dataDir, 0o755);
    for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o644);

    server = await start(dataDir);
    await write(server);
    const seen = modes(dataDir);
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['.', 'secret', 'node-id', 'switchboard.db', 'switchboard.db-wal', 'switchboard.db-shm']));
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((name) => [name, name === '.' ? '700' : '600'])));
  });
});
