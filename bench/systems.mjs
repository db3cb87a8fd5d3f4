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
export const MODEL_PRICED = 'bench-priced';
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

/** Starts Switchboard (SQLite, LOG_LEVEL=info, logs to a file), signs in, adds channels and an API key. */
export async function startSwitchboard(tmp, { fastOrigin, slowOrigin, nodeFlags = [], env = {} }) {
  const port = await freePort();
  const dataDir = join(tmp, 'sb-data');
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(12).toString('hex');
  const proc = await startNode({
    name: 'switchboard',
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
    logFile: join(tmp, 'switchboard.log'),
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
    if (!res.ok) throw new Error(`switchboard ${method} ${path} -> ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  // The chat phase signs in as root itself and adds its own channel.
  proc.rootPassword = password;
  proc.api = api;
  const { token } = await api('POST', '/api/auth/login', { username: 'root', password });
  for (const [name, origin, model] of [
    ['mock', fastOrigin, MODEL_FAST],
    ['mock-20ms', slowOrigin, MODEL_SLOW],
  ]) {
    await api('POST', '/api/admin/channels', { name, type: 'openai', base_url: `${origin}/v1`, keys: 'sk-mock', models: [model] }, token);
  }
  const { key } = await api('POST', '/api/keys', { name: 'bench' }, token);
  proc.apiKey = key;
  // The billing phase: a priced model on the 20 ms mock, charged to root, who gets the points for it.
  await api('POST', '/api/admin/channels', { name: 'priced', type: 'openai', base_url: `${slowOrigin}/v1`, keys: 'sk-mock', models: [MODEL_PRICED], mapping: `${MODEL_PRICED}>${MODEL_SLOW}` }, token);
  await api('PUT', `/api/admin/prices/${MODEL_PRICED}`, { mode: 'token', input: 2_500_000, output: 10_000_000, unit_tokens: 1_000_000 }, token);
  const me = await api('GET', '/api/auth/me', undefined, token);
  await api('POST', `/api/admin/users/${me.id}/balance`, { amount: 1_000_000_000 * 1_000_000, note: 'bench' }, token);
  return proc;
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
