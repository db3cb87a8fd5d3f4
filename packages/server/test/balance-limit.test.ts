import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * A balance holds at most 2^53 − 1 micro-points (what JavaScript holds exactly). A credit that
 * would pass it is a 409 naming the limit, refused before anything is written, on every backend.
 */
const MAX = Number.MAX_SAFE_INTEGER;
let server: TestServer;
let root: string;
beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
});
afterAll(stopAll);

async function userId(token: string): Promise<number> {
  return (await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token)).body.id;
}

async function ledgerRows(id: number): Promise<number> {
  return (await server.ctx.db.kysely.selectFrom('ledger').select('id').where('user_id', '=', id).execute()).length;
}

describe('the balance limit', () => {
  it('an admin adjustment past it is a 409 naming the limit, and changes nothing', async () => {
    const id = await userId(await createUser(server, 'rich'));
    const first = await server.api('POST', `/api/admin/users/${id}/balance`, { amount: MAX }, root);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ balance: MAX, duplicate: false });
    const second = await server.api<{ error: { code: string; message: string } }>('POST', `/api/admin/users/${id}/balance`, { amount: MAX }, root);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('balance_limit');
    expect(second.body.error.message).toContain('9007199254740991 micro-points');
    const one = await server.api('POST', `/api/admin/users/${id}/balance`, { amount: 1 }, root);
    expect(one.status).toBe(409);
    expect(await server.ctx.ledger.balance(id)).toBe(MAX);
    expect(await ledgerRows(id)).toBe(1);
    expect(await server.ctx.ledger.ledgerSum(id)).toBe(MAX);
    // Taking points away still works, and then a credit up to the limit again.
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, { amount: -5 }, root)).status).toBe(200);
    expect((await server.api('POST', `/api/admin/users/${id}/balance`, { amount: 5 }, root)).body).toEqual({ balance: MAX, duplicate: false });
  });

  it('a code that would pass it is refused and stays unused', async () => {
    const token = await createUser(server, 'collector');
    const id = await userId(token);
    await server.api('POST', `/api/admin/users/${id}/balance`, { amount: MAX - 10 }, root);
    const generated = await server.api<{ data: Array<{ code: string }> }>('POST', '/api/admin/codes', { kind: 'redeem', amount: 11, count: 1 }, root);
    const code = generated.body.data[0]!.code;
    const res = await server.api<{ error: { code: string } }>('POST', '/api/codes/redeem', { code }, token);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('balance_limit');
    expect(await server.ctx.ledger.balance(id)).toBe(MAX - 10);
    const listed = await server.api<{ data: Array<{ code: string; status: string }> }>('GET', '/api/admin/codes', undefined, root);
    expect(listed.body.data.find((c) => c.code === code)!.status).toBe('unused');
  });

  it('points held for a call in flight count, so its refund can never overflow', async () => {
    const id = await userId(await createUser(server, 'caller'));
    await server.api('POST', `/api/admin/users/${id}/balance`, { amount: MAX }, root);
    expect((await server.ctx.reservations.reserve(id, 'limit-call', 1000)).ok).toBe(true);
    expect(await server.ctx.ledger.balance(id)).toBe(MAX - 1000);
    const credit = await server.api<{ error: { code: string } }>('POST', `/api/admin/users/${id}/balance`, { amount: 1 }, root);
    expect(credit.status).toBe(409);
    expect(credit.body.error.code).toBe('balance_limit');
    await server.ctx.reservations.settle('limit-call', 0);
    expect(await server.ctx.ledger.balance(id)).toBe(MAX);
    expect(await server.ctx.ledger.ledgerSum(id)).toBe(MAX);
  });
});
