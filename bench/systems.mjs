// Starts and configures the systems under test: two testkit mocks (no latency / 20 ms),
// two floor relays (one per mock), Switchboard with one channel per mock, and for the chat
// phase an upstream that holds its answers open.
// Mocks on CPU 0 (with the load generator), floor and Switchboard on CPU 1.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, memoryMB, startNode } from './procs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const paths = {
  root,
  mockCli: join(root, 'packages/testkit/dist/cli.js'),
  serverMain: join(root, 'packages/server/dist/main.js'),
  floor: join(root, 'bench/floor.mjs'),
  loadgen: join(root, 'bench/loadgen.mjs'),
  heldUpstream: join(root, 'bench/held-upstream.mjs'),
};

export const LOADGEN_CPU = 0;
export const MOCK_CPU = 0;
export const SUT_CPU = 1;

export const MODEL_FAST = 'gpt-4o-mini';
export const MODEL_SLOW = 'gpt-4o';
/** Served by the 20 ms mock like MODEL_SLOW, but priced: every call reserves and settles. */
const MODEL_PRICED = 'bench-priced';
/** Served by the mock without latency like MODEL_FAST, priced the same way. */
const MODEL_PRICED_FAST = 'bench-priced-fast';
/** The priced model on each mock. */
export const PRICED_MODEL_OF = { fast: MODEL_PRICED_FAST, slow: MODEL_PRICED };
/** The paying user's key limits: set, so every call checks them, and high enough never to refuse one. */
const USER_KEY_LIMITS = { quota_limit: 1e15, rpm: 1_000_000, tpm: 1_000_000_000 };
/** Served by the held upstream (chat phase): one chunk, then the answer stays open until stopped. */
export const MODEL_HELD = 'bench-held';

/** The question every request asks; the chat phase's conversations are set up to ask it the same way. */
export const SYSTEM_PROMPT = 'You are a concise assistant.';
export const QUESTION = 'Give me a five word greeting for a benchmark run.';
export const MAX_TOKENS = 64;
export const TEMPERATURE = 0.2;

/** The request every system gets (same bytes for all three). */
export function chatBody(model, stream) {
  return JSON.stringify({
    model,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: QUESTION },
    ],
    max_tokens: MAX_TOKENS,
    temperature: TEMPERATURE,
    stream,
    // Switchboard always asks the upstream for usage on streams; ask on every path so the
    // mock does the same work (one usage chunk) for direct, floor and Switchboard.
    ...(stream ? { stream_options: { include_usage: true } } : {}),
  });
}

/** The same question as `chatBody`, as an Anthropic Messages stream request (conversion bench). */
export function anthropicBody(model) {
  return JSON.stringify({
    model,
    system: SYSTEM_PROMPT,
    messages: [{ role: 'user', content: QUESTION }],
    max_tokens: MAX_TOKENS,
    temperature: TEMPERATURE,
    stream: true,
  });
}

/** The last bytes of a complete Anthropic stream. */
export const ANTHROPIC_DONE = '"message_stop"}\n\n';

export async function startMock(tmp, latencyMs) {
  const port = await freePort();
  const args = [paths.mockCli, '--port', String(port), ...(latencyMs ? ['--latency', String(latencyMs)] : [])];
  const proc = await startNode({
    name: `mock${latencyMs ? `-${latencyMs}ms` : ''}`,
    args,
    cpu: MOCK_CPU,
    logFile: join(tmp, `mock-${port}.log`),
    ready: /mock listening (http:\/\/\S+)\/v1/,
  });
  proc.origin = proc.match[1];
  return proc;
}

export async function startFloor(tmp, upstreamOrigin, label) {
  const port = await freePort();
  const proc = await startNode({
    name: `floor-${label}`,
    args: [paths.floor, String(port), upstreamOrigin],
    cpu: SUT_CPU,
    logFile: join(tmp, `floor-${label}.log`),
    ready: /floor listening/,
  });
  proc.origin = `http://127.0.0.1:${port}`;
  return proc;
}

/** The chat phase's upstream that answers one chunk and then holds the stream open (bench/held-upstream.mjs). */
export async function startHeldUpstream(tmp) {
  const port = await freePort();
  const proc = await startNode({
    name: 'held-upstream',
    args: [paths.heldUpstream, String(port)],
    cpu: MOCK_CPU,
    logFile: join(tmp, 'held-upstream.log'),
    ready: /held upstream listening (http:\/\/\S+)/,
  });
  proc.origin = proc.match[1];
  return proc;
}

/**
 * Starts Switchboard (SQLite unless `env` names another database, LOG_LEVEL=info, logs to a file),
 * signs in as root and adds one channel per mock, root's API key, and the paying path: the same
 * two mocks behind priced models, and a normal user with points and a key that has a spending cap
 * and RPM/TPM limits (`proc.userKey`), the path every paying API user takes.
 */
export async function startSwitchboard(tmp, { fastOrigin, slowOrigin, nodeFlags = [], env = {}, name = 'switchboard' }) {
  const port = await freePort();
  const dataDir = join(tmp, `${name}-data`);
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(12).toString('hex');
  const proc = await startNode({
    name,
    args: [paths.serverMain],
    nodeFlags,
    cpu: SUT_CPU,
    cwd: tmp,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ROOT_PASSWORD: password,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      SECRET: randomBytes(24).toString('hex'),
      ...env,
    },
    logFile: join(tmp, `${name}.log`),
    ready: /Switchboard listening/,
    timeoutMs: 30_000,
  });
  proc.origin = `http://127.0.0.1:${port}`;
  proc.memoryAtStart = memoryMB(proc.pid); // right after "listening", before any request
  const api = async (method, path, body, token) => {
    const res = await fetch(proc.origin + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${name} ${method} ${path} -> ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  // The chat phase signs in as root itself and adds its own channel.
  proc.rootPassword = password;
  proc.api = api;
  const { token } = await api('POST', '/api/auth/login', { username: 'root', password });
  for (const [channel, origin, model] of [
    ['mock', fastOrigin, MODEL_FAST],
    ['mock-20ms', slowOrigin, MODEL_SLOW],
  ]) {
    await api('POST', '/api/admin/channels', { name: channel, type: 'openai', base_url: `${origin}/v1`, keys: 'sk-mock', models: [model] }, token);
  }
  const { key } = await api('POST', '/api/keys', { name: 'bench' }, token);
  proc.apiKey = key;
  // The paying path: priced models on the same mocks, and a normal user's limited key.
  for (const [channel, origin, priced, served] of [
    ['priced', fastOrigin, MODEL_PRICED_FAST, MODEL_FAST],
    ['priced-20ms', slowOrigin, MODEL_PRICED, MODEL_SLOW],
  ]) {
    await api('POST', '/api/admin/channels', { name: channel, type: 'openai', base_url: `${origin}/v1`, keys: 'sk-mock', models: [priced], mapping: `${priced}>${served}` }, token);
    await api('PUT', `/api/admin/prices/${priced}`, { mode: 'token', input: 2_500_000, output: 10_000_000, unit_tokens: 1_000_000 }, token);
  }
  const userPassword = randomBytes(12).toString('hex');
  await api('POST', '/api/admin/users', { username: 'bench-user', password: userPassword, grant: 1e15 }, token);
  const { token: userToken } = await api('POST', '/api/auth/login', { username: 'bench-user', password: userPassword });
  proc.userKey = (await api('POST', '/api/keys', { name: 'bench-limited', ...USER_KEY_LIMITS }, userToken)).key;
  return proc;
}

/**
 * The databases besides SQLite that the bench runs the paying path on, from the test suite's
 * variables: PostgreSQL with Redis (TEST_POSTGRES_URL, TEST_REDIS_URL) and MariaDB
 * (TEST_MYSQL_URL). Each gets a database of its own, dropped at the end.
 */
export async function benchDatabases() {
  const name = `sb_bench_${process.pid}`;
  const databases = [];
  // A database of its own on the server at `admin`, through `run` (one statement on a fresh admin connection).
  const own = async (admin, run, dropOptions = '') => {
    await run(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name}${dropOptions}`) };
  };
  if (process.env.TEST_POSTGRES_URL) {
    const admin = process.env.TEST_POSTGRES_URL;
    const pg = (await import('pg')).default;
    const { url, drop } = await own(
      admin,
      async (sql) => {
        const client = new pg.Client({ connectionString: admin });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      },
      ' WITH (FORCE)',
    );
    const redis = process.env.TEST_REDIS_URL;
    databases.push({ id: redis ? 'postgres+redis' : 'postgres', env: { DATABASE_URL: url, ...(redis ? { REDIS_URL: redis } : {}) }, drop });
  }
  if (process.env.TEST_MYSQL_URL) {
    const admin = process.env.TEST_MYSQL_URL;
    const mysql = await import('mysql2/promise');
    const { url, drop } = await own(admin, async (sql) => {
      const connection = await mysql.createConnection({ uri: admin });
      await connection.query(sql).finally(() => connection.end());
    });
    databases.push({ id: 'mariadb', env: { DATABASE_URL: url }, drop });
  }
  return databases;
}

/** One request through `origin` with fetch; throws unless it is a complete, well-formed answer. */
export async function checkPath(label, origin, apiKey, model, stream) {
  const res = await fetch(`${origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: chatBody(model, stream),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  const ok = res.status === 200 && (stream ? text.endsWith('data: [DONE]\n\n') : JSON.parse(text).choices?.length > 0);
  if (!ok) throw new Error(`${label} ${stream ? 'stream' : 'non-stream'} check failed: HTTP ${res.status} ${text.slice(0, 300)}`);
}
