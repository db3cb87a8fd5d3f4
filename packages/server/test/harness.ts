import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { randomBase62 } from '../src/crypto/tokens.js';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';

/**
 * Integration harness: each test file gets a fresh database on the backend this Vitest
 * project targets (SB_TEST_DB = sqlite | postgres | mysql, SB_TEST_REDIS for Redis) and
 * real servers listening on random ports.
 */
export const ROOT_PASSWORD = 'root-password-for-tests';
const backend = process.env.SB_TEST_DB ?? 'sqlite';
const useRedis = process.env.SB_TEST_REDIS === '1' && !!process.env.TEST_REDIS_URL;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sb_t_${randomBase62(10).toLowerCase()}`;
  if (backend === 'postgres') {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  if (backend === 'mysql') {
    const adminUrl = process.env.TEST_MYSQL_URL!;
    const mysql = await import('mysql2/promise');
    const admin = await mysql.createConnection({ uri: adminUrl });
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const c = await mysql.createConnection({ uri: adminUrl });
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sb-test-db-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, async drop() {} };
}

export interface TestServer extends RunningServer {
  /** http://127.0.0.1:PORT */
  base: string;
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T; headers: Headers }>;
  rootToken(): Promise<string>;
  openai(key: string): OpenAI;
}

export interface TestServerOptions extends StartOptions {
  database?: TestDatabase;
  env?: Record<string, string>;
  /** Share Redis key space with another server (multi-node tests). */
  redisPrefix?: string;
}

const cleanups: Array<() => Promise<void>> = [];

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-test-data-'));
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SECRET: 'test-secret-that-is-long-enough-0123456789',
      ROOT_PASSWORD,
      LOG_LEVEL: 'silent',
      USAGE_FLUSH_MS: '50',
      ...(useRedis ? { REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_PREFIX: options.redisPrefix ?? `sbt:${randomBase62(8)}:` } : {}),
      ...options.env,
    },
    dataDir,
  );
  const server = await startServer(config, { logger: pino({ level: 'silent' }), announce: () => {}, ...options });
  const base = server.url.replace('localhost', '127.0.0.1');
  let token: string | undefined;
  const api: TestServer['api'] = async (method, path, body, auth) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies are returned as text so tests can assert on them.
    }
    return { status: res.status, body: parsed as never, headers: res.headers };
  };
  const test: TestServer = {
    ...server,
    base,
    api,
    async rootToken() {
      if (token) return token;
      const res = await api<{ token: string }>('POST', '/api/auth/login', { username: 'root', password: ROOT_PASSWORD });
      if (res.status !== 200) throw new Error(`root login failed: ${res.status} ${JSON.stringify(res.body)}`);
      token = res.body.token;
      return token;
    },
    openai(key: string) {
      return new OpenAI({ apiKey: key, baseURL: `${base}/v1`, maxRetries: 0, timeout: 20_000 });
    },
  };
  cleanups.push(async () => {
    await server.close();
    if (!options.database) await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return test;
}

/** Call from afterAll: closes every server this file started and drops its databases. */
export async function stopAll(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
}

export async function createKey(server: TestServer, token: string, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await server.api<{ key: string }>('POST', '/api/keys', { name: 'test', ...fields }, token);
  if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.key;
}

export async function createChannel(server: TestServer, token: string, fields: Record<string, unknown>): Promise<{ id: number }> {
  const res = await server.api<{ id: number }>('POST', '/api/admin/channels', { type: 'openai', name: 'mock', ...fields }, token);
  if (res.status !== 201) throw new Error(`channel creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the usage recorder has written `count` rows for this server. */
export async function usageRows(server: RunningServer, count: number, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await server.ctx.usage.flush();
    const rows = await server.ctx.db.kysely.selectFrom('usage_logs').selectAll().orderBy('id').execute();
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Creates a plain user directly (registration arrives with the accounts issue) and signs in. */
export async function createUser(server: TestServer, username: string, group = 'normal'): Promise<string> {
  const { hashPassword } = await import('../src/accounts/passwords.js');
  const now = Date.now();
  await server.ctx.db.kysely
    .insertInto('users')
    .values({
      username,
      email: `${username}@example.com`,
      password_hash: await hashPassword('user-password-1'),
      role: 'user',
      group_name: group,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute();
  // A session made directly, not by signing in: tests that create many users stay clear of the sign-in rate limit.
  const user = await server.ctx.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await server.ctx.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'test' })).token;
}
