import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestServer, stopAll, type TestServer } from './harness.js';

/** Redeem and gift codes (B-6), race-safe on every backend. */
const POINT = 1_000_000;
let server: TestServer;
let root: string;

beforeAll(async () => {
  // The race test sends 100 redemptions from one address; the limit itself is tested below.
  server = await startTestServer({ env: { REDEEM_LIMIT_PER_10MIN: '1000' } });
  root = await server.rootToken();
});
afterAll(stopAll);

interface Code {
  id: number;
  code: string;
  status: string;
  batch: string;
}

async function generate(body: Record<string, unknown>): Promise<Code[]> {
  const res = await server.api<{ data: Code[] }>('POST', '/api/admin/codes', body, root);
  expect(res.status).toBe(201);
  return res.body.data;
}

async function userWithId(name: string): Promise<{ token: string; id: number }> {
  const token = await createUser(server, name);
  const me = await server.api<{ id: number }>('GET', '/api/auth/me', undefined, token);
  return { token, id: me.body.id };
}

describe('redeem and gift codes', () => {
  it('limits redemption attempts per address', async () => {
    const limited = await startTestServer({ env: { REDEEM_LIMIT_PER_10MIN: '3' } });
    const token = await createUser(limited, 'guesser');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.api('POST', '/api/codes/redeem', { code: `GUESS${i}` }, token)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });

  it('generates random codes in a batch, lists and exports them as CSV', async () => {
    const codes = await generate({ kind: 'redeem', amount: 5 * POINT, count: 3, prefix: 'VIP-', batch: 'spring' });
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c.code).toMatch(/^VIP-[A-Za-z0-9]{16}$/);
    expect(new Set(codes.map((c) => c.code)).size).toBe(3);
    const list = await server.api<{ data: Code[] }>('GET', '/api/admin/codes?batch=spring', undefined, root);
    expect(list.body.data.map((c) => c.code)).toEqual(codes.map((c) => c.code));
    const csv = await fetch(`${server.base}/api/admin/codes/export?batch=spring`, { headers: { authorization: `Bearer ${root}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('code,kind,gift_type,points,batch,status,used_by,used_at,created_at');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`${codes[0]!.code},redeem,,5,spring,unused`);
  });

  it('credits a code once when 100 redemptions race for it', async () => {
    const [code] = await generate({ kind: 'redeem', amount: 7 * POINT, count: 1 });
    const users = await Promise.all(Array.from({ length: 5 }, (_, i) => userWithId(`racer${i}`)));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => server.api('POST', '/api/codes/redeem', { code: code!.code }, users[i % 5]!.token)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(99);
    const balances = await Promise.all(users.map((u) => server.ctx.ledger.balance(u.id)));
    expect(balances.reduce((a, b) => a + b, 0)).toBe(7 * POINT);
    for (const u of users) expect(await server.ctx.ledger.ledgerSum(u.id)).toBe(await server.ctx.ledger.balance(u.id));
  });

  it('gives each user at most one gift of a type', async () => {
    const gifts = await generate({ kind: 'gift', amount: POINT, count: 3, gift_type: 'welcome' });
    const other = await generate({ kind: 'gift', amount: 2 * POINT, count: 1, gift_type: 'anniversary' });
    const u = await userWithId('gifted');
    expect((await server.api('POST', '/api/codes/redeem', { code: gifts[0]!.code }, u.token)).status).toBe(200);
    const again = await server.api<{ error: { code: string } }>('POST', '/api/codes/redeem', { code: gifts[1]!.code }, u.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('gift_type_claimed');
    expect((await server.api('POST', '/api/codes/redeem', { code: other[0]!.code }, u.token)).status).toBe(200);
    expect(await server.ctx.ledger.balance(u.id)).toBe(3 * POINT);
    // The refused gift code stays unused for someone else.
    const v = await userWithId('gifted-too');
    expect((await server.api('POST', '/api/codes/redeem', { code: gifts[1]!.code }, v.token)).status).toBe(200);
  });

  it('answers unknown codes with 404, refuses bad input, and keeps generation for admins', async () => {
    const u = await userWithId('curious');
    expect((await server.api('POST', '/api/codes/redeem', { code: 'NOPE' }, u.token)).status).toBe(404);
    expect((await server.api('POST', '/api/codes/redeem', {}, u.token)).status).toBe(400);
    expect((await server.api('POST', '/api/admin/codes', { kind: 'redeem', amount: 1, count: 1 }, u.token)).status).toBe(403);
    for (const body of [{ kind: 'redeem', amount: 0, count: 1 }, { kind: 'redeem', amount: 1, count: 5000 }, { kind: 'redeem', amount: 1, count: 1, gift_type: 'x' }]) {
      expect((await server.api('POST', '/api/admin/codes', body, root)).status, JSON.stringify(body)).toBe(400);
    }
    const [code] = await generate({ kind: 'redeem', amount: 1, count: 1 });
    expect((await server.api('DELETE', `/api/admin/codes/${code!.id}`, undefined, root)).status).toBe(204);
    expect((await server.api('POST', '/api/codes/redeem', { code: code!.code }, u.token)).status).toBe(404);
  });
});
