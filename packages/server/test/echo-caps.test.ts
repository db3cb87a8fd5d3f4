import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, startTestServer, stopAll, type TestServer } from './harness.js';

/** Input quoted back in an error message is capped: a huge value never makes a huge error. */
let server: TestServer;
let key: string;
let root: string;
beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
  key = await createKey(server, root);
});
afterAll(stopAll);

const huge = 'm'.repeat(1_000_000);

async function post(path: string, headers: Record<string, string>, body: unknown) {
  const res = await fetch(server.base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, text: await res.text() };
}

describe('echoed input in error messages', () => {
  it('a 1 MB model name gets a short 404 on /v1/chat/completions', async () => {
    const res = await post('/v1/chat/completions', { authorization: `Bearer ${key}` }, { model: huge, messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(404);
    expect(res.text.length).toBeLessThan(1000);
    expect(JSON.parse(res.text).error.message).toContain('"mmmm');
    expect(JSON.parse(res.text).error.message).toContain('…');
  });

  it('a 1 MB model name gets a short 404 on /v1/messages', async () => {
    const res = await post('/v1/messages', { 'x-api-key': key, 'anthropic-version': '2023-06-01' }, { model: huge, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
    expect(res.status).toBe(404);
    expect(res.text.length).toBeLessThan(1000);
  });

  it('a 100-character model name is cut short in the 404 of /v1/models/{model}', async () => {
    const res = await fetch(`${server.base}/v1/models/${'m'.repeat(100)}`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(404);
    const message = ((await res.json()) as { error: { message: string } }).error.message;
    expect(message).toContain('…');
    expect(message).not.toContain('m'.repeat(100));
  });

  it('an unknown 100 kB field name in a strict /api body gets a short 400', async () => {
    const res = await fetch(`${server.base}/api/admin/settings/registration`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${root}` },
      body: JSON.stringify({ ['k'.repeat(100_000)]: 1 }),
    });
    expect(res.status).toBe(400);
    expect((await res.text()).length).toBeLessThan(1000);
  });

  it('many bad fields of a body are not all listed back', async () => {
    // Unknown roles pass through now (issue 16); messages that are not objects at all are still refused.
    const messages = Array.from({ length: 2000 }, () => 7);
    const res = await post('/v1/messages', { 'x-api-key': key, 'anthropic-version': '2023-06-01' }, { model: 'm', max_tokens: 5, messages });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(2000);
  });
});
