import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerService } from '../src/billing/ledger.js';
import { ReservationService } from '../src/billing/reservations.js';
import type { ReserveResult, Settled } from '../src/billing/settlement.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

/**
 * One settlement rule on every path (property test). Seeded random sequences of reservations,
 * settlements under, at and over the reservation (and over the balance), duplicate and unknown
 * settlements, credits and resets of a capped key's spending count run through each engine: the
 * prepared SQLite statements and Kysely (forced on SQLite too), and Kysely on PostgreSQL and
 * MariaDB when this file runs there. Every engine must give exactly what the reference below
 * gives, result by result, and end with the same balance, ledger sum and quota_used:
 *
 * - settling refunds what was held beyond the cost, or collects the excess while the balance
 *   lasts; what the balance cannot cover is `unpaid`, not collected, and never makes it negative;
 * - the key's quota_used moves by what was charged minus what was held, and never below zero
 *   (a reset during a call must not leave the key headroom beyond its cap).
 */
const POINT = 1_000_000;

type Op =
  | { kind: 'credit'; amount: number }
  | { kind: 'reserve'; rid: string; amount: number }
  | { kind: 'settle'; rid: string; cost: number }
  | { kind: 'reset-key' };
type OpResult = ReserveResult | Settled | null;

interface Scenario {
  opening: number;
  quotaLimit: number | null;
  ops: Op[];
}

interface Books {
  results: OpResult[];
  balance: number;
  ledgerSum: number;
  quotaUsed: number;
  held: number;
}

/** The rule, as plain arithmetic. */
class Reference {
  balance: number;
  quotaUsed = 0;
  readonly held = new Map<string, number>();
  constructor(
    opening: number,
    private readonly quotaLimit: number | null,
  ) {
    this.balance = opening;
  }

  apply(op: Op): OpResult {
    if (op.kind === 'credit') {
      this.balance += op.amount;
      return null;
    }
    if (op.kind === 'reset-key') {
      this.quotaUsed = 0;
      return null;
    }
    if (op.kind === 'reserve') {
      // The balance is taken first, then the key (the lock order every engine uses).
      if (this.balance < op.amount) return { ok: false, reason: 'insufficient_balance', balance: this.balance };
      if (this.quotaLimit !== null && this.quotaUsed + op.amount > this.quotaLimit) {
        return { ok: false, reason: 'key_quota_exceeded', remaining: Math.max(0, this.quotaLimit - this.quotaUsed) };
      }
      this.balance -= op.amount;
      this.quotaUsed += op.amount;
      this.held.set(op.rid, op.amount);
      return { ok: true };
    }
    const reserved = this.held.get(op.rid);
    if (reserved === undefined) return { settled: false, charged: 0, unpaid: 0 };
    this.held.delete(op.rid);
    const collectable = Math.min(op.cost, reserved + this.balance);
    this.balance += reserved - collectable;
    this.quotaUsed = Math.max(0, this.quotaUsed + collectable - reserved);
    return { settled: true, charged: collectable, unpaid: op.cost - collectable };
  }
}

/** A fixed-seed generator: the same scenarios on every run and every database. */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function scenario(seed: number, steps: number): { scenario: Scenario; expected: Books } {
  const random = generator(seed);
  const int = (max: number) => Math.floor(random() * max);
  const opening = int(20) * POINT + int(POINT);
  const quotaLimit = random() < 0.3 ? null : (1 + int(30)) * POINT;
  const model = new Reference(opening, quotaLimit);
  const ops: Op[] = [];
  const settledIds: string[] = [];
  const results: OpResult[] = [];
  for (let step = 0; step < steps; step++) {
    const r = random();
    const open = [...model.held.keys()];
    let op: Op;
    if (r < 0.08) op = { kind: 'credit', amount: 1 + int(5 * POINT) };
    else if (r < 0.14) op = { kind: 'reset-key' };
    else if (r < 0.45 || open.length === 0) op = { kind: 'reserve', rid: `s${seed}_${step}`, amount: 1 + int(6 * POINT) };
    else if (r < 0.85) {
      const rid = open[int(open.length)]!;
      const reserved = model.held.get(rid)!;
      const shape = random();
      // Under, exactly at, a little over, far over (past the balance), or nothing.
      const cost =
        shape < 0.35 ? int(reserved) : shape < 0.5 ? reserved : shape < 0.75 ? reserved + int(2 * POINT) : shape < 0.9 ? reserved + model.balance + 1 + int(5 * POINT) : 0;
      op = { kind: 'settle', rid, cost };
      settledIds.push(rid);
    } else if (r < 0.95 && settledIds.length) op = { kind: 'settle', rid: settledIds[int(settledIds.length)]!, cost: int(3 * POINT) };
    else op = { kind: 'settle', rid: `never_${seed}_${step}`, cost: int(POINT) };
    ops.push(op);
    results.push(model.apply(op));
  }
  return {
    scenario: { opening, quotaLimit, ops },
    expected: { results, balance: model.balance, ledgerSum: model.balance, quotaUsed: model.quotaUsed, held: model.held.size },
  };
}

let testDb: TestDatabase;
let db: Db;
let ledger: LedgerService;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const url = testDb.url;
  db = await openDatabase(url.startsWith('sqlite:') ? { kind: 'sqlite', file: url.slice(7) } : { kind: url.startsWith('mysql') ? 'mysql' : 'postgres', url });
  await migrate(db);
  ledger = new LedgerService(db);
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
});

let accounts = 0;
async function newAccount(opening: number, quotaLimit: number | null): Promise<{ userId: number; keyId: number; n: number }> {
  const now = Date.now();
  const n = ++accounts;
  await db.kysely
    .insertInto('users')
    .values({ username: `rule${n}_${now}`, email: null, password_hash: 'x', role: 'user', group_name: 'normal', status: 'active', created_at: now, updated_at: now })
    .execute();
  const userId = Number((await db.kysely.selectFrom('users').select('id').where('username', '=', `rule${n}_${now}`).executeTakeFirstOrThrow()).id);
  if (opening) await ledger.post({ userId, kind: 'adjust', amount: opening });
  await db.kysely
    .insertInto('api_keys')
    .values({
      user_id: userId,
      name: 'capped',
      key_hash: `rule-key-${n}-${now}`,
      key_hint: 'sk-rule…',
      status: 'active',
      expires_at: null,
      models: null,
      allow_ips: null,
      created_at: now,
      updated_at: now,
      last_used_at: null,
      quota_limit: quotaLimit,
      rpm: null,
      tpm: null,
    })
    .execute();
  const keyId = Number((await db.kysely.selectFrom('api_keys').select('id').where('key_hash', '=', `rule-key-${n}-${now}`).executeTakeFirstOrThrow()).id);
  return { userId, keyId, n };
}

/**
 * `together`: the reservations and settlements between two credits (or key resets) are sent at
 * once, as concurrent calls are, so the batching engines take them in one batch; they still
 * apply in the order they were sent, so the reference's results must come out.
 */
async function run(engine: ReservationService, { opening, quotaLimit, ops }: Scenario, together = false): Promise<Books> {
  const { userId, keyId, n } = await newAccount(opening, quotaLimit);
  // Request ids are global: each engine's run gets its own.
  const rid = (id: string) => `${n}:${id}`;
  const results: OpResult[] = [];
  let pending: Array<Promise<OpResult>> = [];
  const drain = async () => {
    results.push(...(await Promise.all(pending)));
    pending = [];
  };
  for (const op of ops) {
    if (together && (op.kind === 'reserve' || op.kind === 'settle')) {
      pending.push(op.kind === 'reserve' ? engine.reserve(userId, rid(op.rid), op.amount, keyId) : engine.settle(rid(op.rid), op.cost));
      continue;
    }
    await drain();
    if (op.kind === 'credit') {
      await ledger.post({ userId, kind: 'gift', amount: op.amount });
      results.push(null);
    } else if (op.kind === 'reset-key') {
      // What PATCH /api/keys/:id with reset_quota_used does.
      await db.kysely.updateTable('api_keys').set({ quota_used: 0 }).where('id', '=', keyId).execute();
      results.push(null);
    } else if (op.kind === 'reserve') results.push(await engine.reserve(userId, rid(op.rid), op.amount, keyId));
    else results.push(await engine.settle(rid(op.rid), op.cost));
  }
  await drain();
  const key = await db.kysely.selectFrom('api_keys').select('quota_used').where('id', '=', keyId).executeTakeFirstOrThrow();
  const held = await db.kysely.selectFrom('reservations').select('request_id').where('user_id', '=', userId).execute();
  return { results, balance: await ledger.balance(userId), ledgerSum: await ledger.ledgerSum(userId), quotaUsed: Number(key.quota_used), held: held.length };
}

describe('the settlement rule', () => {
  const seeds = [0x5eed, 3, 11, 23, 42, 97, 314, 1234, 2718, 4242, 7777, 9001, 12345, 31337, 54321, 65535];

  it('gives the reference results and books on every engine of this database', async () => {
    const engines: Array<[string, ReservationService, boolean]> = [
      ['single', new ReservationService(db, ledger, 'rule-node', 'single'), false],
      ['batched', new ReservationService(db, ledger, 'rule-node', 'batched'), false],
      ['batched, calls sent together', new ReservationService(db, ledger, 'rule-node', 'batched'), true],
    ];
    if (db.sqlite) {
      engines.push(['prepared sqlite', new ReservationService(db, ledger, 'rule-node', 'prepared'), false]);
      engines.push(['prepared sqlite, calls sent together', new ReservationService(db, ledger, 'rule-node', 'prepared'), true]);
    }
    for (const seed of seeds) {
      const { scenario: s, expected } = scenario(seed, 45);
      for (const [name, engine, together] of engines) {
        const books = await run(engine, s, together);
        expect({ engine: name, seed, ...books }).toEqual({ engine: name, seed, ...expected });
      }
    }
    // Every batch went through whole: the batched engines were tested, not their fallback.
    for (const [name, engine] of engines) expect({ engine: name, runAlone: engine.batchesRunAlone }).toEqual({ engine: name, runAlone: 0 });
  });

  it('gives one bad job of a batch its own error and the others their results', async () => {
    const engine = new ReservationService(db, ledger, 'rule-node', 'batched');
    const { userId, keyId, n } = await newAccount(10 * POINT, null);
    expect(await engine.reserve(userId, `${n}:first`, POINT, keyId)).toEqual({ ok: true });
    // Sent together, so they share a batch: a second reservation of `first` fails that batch.
    const [again, other, settled] = await Promise.allSettled([
      engine.reserve(userId, `${n}:first`, POINT, keyId),
      engine.reserve(userId, `${n}:second`, 2 * POINT, keyId),
      engine.settle(`${n}:first`, POINT / 2),
    ]);
    expect(again.status).toBe('rejected');
    expect(String((again as PromiseRejectedResult).reason)).toContain('already holds a reservation');
    expect(other).toEqual({ status: 'fulfilled', value: { ok: true } });
    expect(settled).toEqual({ status: 'fulfilled', value: { settled: true, charged: POINT / 2, unpaid: 0 } });
    expect(engine.batchesRunAlone).toBe(1);
    // 10 − 0.5 (first, settled) − 2 (second, held): nothing of the failed job moved.
    expect(await ledger.balance(userId)).toBe(7.5 * POINT);
    expect(await ledger.ledgerSum(userId)).toBe(7.5 * POINT);
  });
});
