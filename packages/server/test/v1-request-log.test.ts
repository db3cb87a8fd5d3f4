import { startMockOpenAI, type MockOpenAI } from '@switchboard/testkit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * Every /v1 and /v1beta request leaves one line at info, so an operator can see why a client
 * fails: refused calls (bad key, bad body, unknown model, no balance) as much as relayed ones,
 * with the status, the error code, the model and the key's id — never the key or the body.
 */
interface Line {
  msg: string;
  http?: number;
  code?: string;
  model?: string;
  key?: number;
  path?: string;
}

let server: TestServer;
let mock: MockOpenAI;
let rootKey: string;
let userKey: string;
const raw: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ logger: pino({ level: 'info' }, { write: (line: string) => void raw.push(line) }) });
  const rootToken = await server.rootToken();
  rootKey = await createKey(server, rootToken);
  userKey = await createKey(server, await createUser(server, 'logged-user'));
  mock = await startMockOpenAI();
  await createChannel(server, rootToken, { name: 'up', base_url: mock.url, keys: 'sk-upstream-secret-1234', models: ['logged-model'] });
});
afterAll(async () => {
  await stopAll();
  await mock.close();
});

/**
 * The request lines written for `act`: once the first has appeared (the log hook runs after the
 * answer has left, the relay's line after settlement), plus a moment in which a second, wrong one
 * would show up.
 */
async function linesOf(act: () => Promise<Response>, expectNone = false): Promise<Line[]> {
  const from = raw.length;
  await (await act()).text();
  const lines = () => raw.slice(from).map((line) => JSON.parse(line) as Line).filter((line) => line.msg === 'request' || line.msg === 'relay');
  if (!expectNone) await expect.poll(() => lines().length, { timeout: 5000 }).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return lines();
}

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(server.base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the /v1 request log', () => {
  it('has one line for a key that is refused, without the key', async () => {
    const lines = await linesOf(() => post('/v1/chat/completions', { model: 'logged-model', messages: [] }, { authorization: 'Bearer sk-not-a-real-key-000' }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', http: 401, code: 'invalid_api_key', path: '/v1/chat/completions' });
    expect(raw.at(-1)).not.toContain('sk-not-a-real-key');
  });

  it('has one line for a body refused before routing, naming the model and the key id', async () => {
    const lines = await linesOf(() => post('/v1/chat/completions', { model: 'logged-model', messages: 'nope' }, { authorization: `Bearer ${rootKey}` }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', http: 400, model: 'logged-model' });
    expect(lines[0]!.key).toEqual(expect.any(Number));
    expect(JSON.stringify(lines[0])).not.toContain('nope');
  });

  it('has one line for an unknown model and for a model nobody priced', async () => {
    const unknown = await linesOf(() => post('/v1/chat/completions', { model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }, { authorization: `Bearer ${rootKey}` }));
    expect(unknown).toEqual([expect.objectContaining({ msg: 'request', http: 404, code: 'model_not_found', model: 'no-such-model' })]);
    const unpriced = await linesOf(() => post('/v1/chat/completions', { model: 'logged-model', messages: [{ role: 'user', content: 'hi' }] }, { authorization: `Bearer ${userKey}` }));
    expect(unpriced).toEqual([expect.objectContaining({ msg: 'request', http: 403, code: 'model_price_not_set' })]);
  });

  it('has exactly one line for a relayed call: the relay line', async () => {
    const lines = await linesOf(() => post('/v1/chat/completions', { model: 'logged-model', messages: [{ role: 'user', content: 'hi' }] }, { authorization: `Bearer ${rootKey}` }));
    expect(lines).toEqual([expect.objectContaining({ msg: 'relay', http: 200, model: 'logged-model' })]);
  });

  it('has a line for model lists and 404s, and leaves a Gemini ?key= out', async () => {
    const models = await linesOf(() => fetch(`${server.base}/v1/models`, { headers: { authorization: `Bearer ${rootKey}` } }));
    expect(models).toEqual([expect.objectContaining({ msg: 'request', http: 200, path: '/v1/models' })]);
    const missing = await linesOf(() => fetch(`${server.base}/v1beta/nothing-here?key=${rootKey}`));
    expect(missing).toEqual([expect.objectContaining({ msg: 'request', http: 404, path: '/v1beta/nothing-here' })]);
    expect(raw.at(-1)).not.toContain(rootKey);
  });

  it('writes nothing of its own for the management API', async () => {
    const lines = await linesOf(() => fetch(`${server.base}/api/status`), true);
    expect(lines).toEqual([]);
  });
});
