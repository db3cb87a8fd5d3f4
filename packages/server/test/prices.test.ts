import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

let server: TestServer;
let root: string;

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
});
afterAll(stopAll);

describe('model prices (admin API)', () => {
  it('sets, lists, replaces and removes a price, applied at once', async () => {
    const put = await server.api('PUT', '/api/admin/prices/gpt-4o', { mode: 'token', input: 2_500_000, output: 10_000_000 }, root);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ model: 'gpt-4o', mode: 'token', input: 2_500_000, output: 10_000_000, cached_input: null, unit_tokens: 1_000_000 });
    expect(server.ctx.prices.priceOf('gpt-4o')).toMatchObject({ mode: 'token', input: 2_500_000 });

    await server.api('PUT', '/api/admin/prices/gpt-4o', { mode: 'request', per_request: 500_000 }, root);
    expect(server.ctx.prices.priceOf('gpt-4o')).toEqual({ mode: 'request', perRequest: 500_000, anonymous: false });

    // A model id with a slash travels URL-encoded.
    await server.api('PUT', `/api/admin/prices/${encodeURIComponent('openai/gpt-4o-mini')}`, { mode: 'free', anonymous: true }, root);
    const list = await server.api<{ data: Array<{ model: string }> }>('GET', '/api/admin/prices', undefined, root);
    expect(list.body.data.map((p) => p.model)).toEqual(['gpt-4o', 'openai/gpt-4o-mini']);

    expect((await server.api('DELETE', '/api/admin/prices/gpt-4o', undefined, root)).status).toBeLessThan(300);
    expect(server.ctx.prices.priceOf('gpt-4o')).toBeUndefined();
    expect((await server.api('DELETE', '/api/admin/prices/gpt-4o', undefined, root)).status).toBe(404);
  });

  it('rejects prices that make no sense with a 400 naming the field, and changes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ mode: 'request' }, 'per_request'],
      [{ mode: 'token' }, 'input'],
      [{ mode: 'token', input: 1.5 }, 'input'],
      [{ mode: 'token', input: -1 }, 'input'],
      [{ mode: 'request', per_request: 5, anonymous: true }, 'anonymous'],
      [{ mode: 'token', input: 1, unit_tokens: 500 }, 'unit_tokens'],
    ];
    for (const [body, field] of cases) {
      const res = await server.api<{ error: { message: string } }>('PUT', '/api/admin/prices/bad-model', body, root);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect(server.ctx.prices.priceOf('bad-model')).toBeUndefined();
  });

  it('is for admins only', async () => {
    const user = await createUser(server, 'pricing-user');
    expect((await server.api('GET', '/api/admin/prices', undefined, user)).status).toBe(403);
    expect((await server.api('PUT', '/api/admin/prices/x', { mode: 'free' }, user)).status).toBe(403);
  });
});

describe('GET /v1/charge', () => {
  it('publishes the prices in Chat Nio\'s shape, without a key, models with one price in one rule', async () => {
    await server.api('PUT', '/api/admin/prices/cheap-a', { mode: 'token', input: 500_000, output: 1_500_000, unit_tokens: 1000 }, root);
    await server.api('PUT', '/api/admin/prices/cheap-b', { mode: 'token', input: 500_000, output: 1_500_000, unit_tokens: 1000 }, root);
    await server.api('PUT', '/api/admin/prices/big', { mode: 'token', input: 2_000_000, output: 8_000_000, unit_tokens: 1000000 }, root);
    await server.api('PUT', '/api/admin/prices/draw', { mode: 'request', per_request: 3_000_000 }, root);
    const res = await fetch(`${server.base}/v1/charge`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const rules = (await res.json()) as Array<{ type: string; models: string[]; input: number; output: number; anonymous: boolean }>;
    expect(rules).toContainEqual(expect.objectContaining({ type: 'token-billing', models: ['cheap-a', 'cheap-b'], input: 0.5, output: 1.5, anonymous: false }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'token-billing', models: ['big'], input: 0.002, output: 0.008 }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'times-billing', models: ['draw'], output: 3 }));
  });
});
