import type { Transaction } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import type { Database, NewUsageLog } from '../db/schema.js';
import { inTransaction } from '../db/transaction-retry.js';
import { writeByTable, writeInOneStatement, type BatchWrites, type LedgerRow } from './batch-writes.js';
import { microPoints } from './money.js';
import { settlementOf, type ReserveResult, type SettleOptions, type Settled } from './settlement.js';

interface ReserveJob {
  kind: 'reserve';
  userId: number;
  requestId: string;
  amount: number;
  keyId: number | null;
}

interface SettleJob extends SettleOptions {
  kind: 'settle';
  requestId: string;
  cost: number;
}

type Job = ReserveJob | SettleJob;
type Outcome<J extends Job> = J extends ReserveJob ? ReserveResult : Settled;

interface Queued {
  job: Job;
  resolve: (value: ReserveResult | Settled) => void;
  reject: (error: unknown) => void;
}

/** One job alone, in a transaction of its own: what a batch falls back to when it fails. */
export interface SingleJobs {
  reserve(job: ReserveJob): Promise<ReserveResult>;
  settle(job: SettleJob): Promise<Settled>;
}

/**
 * A batch's jobs are bounded so that its multi-row INSERT of usage rows stays far below the
 * 65,535 bind parameters PostgreSQL and MariaDB allow in one statement.
 */
const MAX_BATCH = 256;

/**
 * Group commit on PostgreSQL and MariaDB. One call's reservation or settlement used to be a
 * transaction of its own, holding the user's balance row over about five round trips and a
 * commit: every call of one account queued on that row, and the node idled at ~200 calls/s.
 *
 * Here the jobs that arrive while a batch commits form the next batch, one transaction that
 * locks each user's balance row and each key's row once (in id order, as every other writer
 * does: reservations, then users, then keys), applies the jobs in arrival order in memory by
 * settlement.ts's rule, and writes the results in a handful of statements whatever the batch's
 * size. Exactness is the same as the per-call path's: the rows are locked while the arithmetic
 * runs, so a balance never goes below zero and a cap is never passed; every promise settles
 * after the commit. A batch that fails for a reason of its own (a request id reserved twice, a
 * settlement of a deleted user) is rolled back whole and its jobs run one by one through the
 * per-call path, so one bad job gets its own error and the others their results.
 */
export class MoneyBatches {
  private queue: Queued[] = [];
  private running = false;
  /** Batches that failed and ran their jobs one by one (the property test expects none). */
  runAlone = 0;

  constructor(
    private readonly db: Db,
    private readonly nodeId: string,
    private readonly single: SingleJobs,
  ) {}

  run<J extends Job>(job: J): Promise<Outcome<J>> {
    return new Promise<Outcome<J>>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: ReserveResult | Settled) => void, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    // Let the rest of this turn's calls join the batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      const outcomes = await inTransaction(this.db, (trx) => applyBatch(trx, this.db.dialect, this.nodeId, batch.map((q) => q.job)));
      batch.forEach((queued, index) => queued.resolve(outcomes[index]!));
    } catch {
      this.runAlone += 1;
      for (const queued of batch) {
        try {
          const { job } = queued;
          queued.resolve(job.kind === 'reserve' ? await this.single.reserve(job) : await this.single.settle(job));
        } catch (error) {
          queued.reject(error);
        }
      }
    } finally {
      this.running = false;
      this.kick();
    }
  }
}

interface Hold {
  userId: number;
  amount: number;
  keyId: number | null;
  /** Already in the table (and locked), rather than made by this batch. */
  stored: boolean;
}

interface KeyRow {
  limit: number | null;
  used: number;
}

/** Raised to roll a batch back so that its jobs run one by one (see MoneyBatches). */
class RunAlone extends Error {}

async function applyBatch(trx: Transaction<Database>, dialect: Dialect, nodeId: string, jobs: Job[]): Promise<Array<ReserveResult | Settled>> {
  const now = Date.now();
  // SQLite (only in the property test) has no row locks: its transaction excludes every other writer.
  const lockRows = dialect !== 'sqlite';
  const holds = new Map<string, Hold>();

  // 1. The reservations this batch settles, locked first (as a single settlement takes them).
  const settleIds = [...new Set(jobs.filter((j) => j.kind === 'settle').map((j) => j.requestId))];
  if (settleIds.length) {
    let select = trx.selectFrom('reservations').select(['request_id', 'user_id', 'amount', 'key_id']).where('request_id', 'in', settleIds);
    if (lockRows) select = select.forUpdate();
    for (const row of await select.execute()) {
      holds.set(row.request_id, { userId: Number(row.user_id), amount: microPoints(row.amount), keyId: row.key_id === null ? null : Number(row.key_id), stored: true });
    }
  }

  // 2. Every balance and key row any job touches, in id order.
  const userIds = new Set<number>();
  const keyIds = new Set<number>();
  for (const job of jobs) {
    if (job.kind === 'reserve') {
      userIds.add(job.userId);
      if (job.keyId !== null) keyIds.add(job.keyId);
    }
  }
  for (const hold of holds.values()) {
    userIds.add(hold.userId);
    if (hold.keyId !== null) keyIds.add(hold.keyId);
  }
  const balances = new Map<number, number>();
  if (userIds.size) {
    let select = trx.selectFrom('users').select(['id', 'balance']).where('id', 'in', [...userIds]).orderBy('id');
    if (lockRows) select = select.forUpdate();
    for (const row of await select.execute()) balances.set(Number(row.id), microPoints(row.balance));
  }
  const keys = new Map<number, KeyRow>();
  if (keyIds.size) {
    let select = trx.selectFrom('api_keys').select(['id', 'quota_limit', 'quota_used']).where('id', 'in', [...keyIds]).orderBy('id');
    if (lockRows) select = select.forUpdate();
    for (const row of await select.execute()) {
      keys.set(Number(row.id), { limit: row.quota_limit === null ? null : microPoints(row.quota_limit), used: microPoints(row.quota_used) });
    }
  }
  const startBalances = new Map(balances);
  const startUsed = new Map([...keys].map(([id, key]) => [id, key.used]));

  // 3. The jobs in arrival order, by the same rule as the per-call path.
  const ledgerRows: LedgerRow[] = [];
  const usageRows: NewUsageLog[] = [];
  const taken: string[] = [];
  const post = (userId: number, kind: 'reserve' | 'settle', amount: number, requestId: string, note: string | undefined) => {
    const balance = balances.get(userId)! + amount;
    balances.set(userId, balance);
    ledgerRows.push({ user_id: userId, kind, amount, balance_after: balance, idem_key: `${kind}:${requestId}`, request_id: requestId, note: note ?? null, created_at: now });
  };
  const outcomes = jobs.map((job): ReserveResult | Settled => {
    if (job.kind === 'reserve') {
      if (holds.has(job.requestId)) throw new RunAlone('a request id reserved twice');
      const balance = balances.get(job.userId);
      if (balance === undefined) return { ok: false, reason: 'no_such_user', balance: 0 };
      if (balance < job.amount) return { ok: false, reason: 'insufficient_balance', balance };
      if (job.keyId !== null) {
        const key = keys.get(job.keyId);
        if (!key) return { ok: false, reason: 'key_quota_exceeded', remaining: 0 };
        if (key.limit !== null && key.used + job.amount > key.limit) {
          return { ok: false, reason: 'key_quota_exceeded', remaining: Math.max(0, key.limit - key.used) };
        }
        key.used += job.amount;
      }
      post(job.userId, 'reserve', -job.amount, job.requestId, undefined);
      holds.set(job.requestId, { userId: job.userId, amount: job.amount, keyId: job.keyId, stored: false });
      return { ok: true };
    }
    const hold = holds.get(job.requestId);
    if (!hold) return { settled: false, charged: 0, unpaid: 0 };
    holds.delete(job.requestId);
    if (hold.stored) taken.push(job.requestId);
    const balance = balances.get(hold.userId);
    if (balance === undefined) throw new RunAlone('a settlement of a user who is gone');
    const plan = settlementOf(hold.amount, job.cost, job.note);
    const { amount, unpaid, note } = plan.against(balance);
    post(hold.userId, 'settle', amount, job.requestId, note);
    const key = hold.keyId === null ? undefined : keys.get(hold.keyId);
    if (key) key.used = plan.keyUsedAfter(key.used, unpaid);
    const charged = job.cost - unpaid;
    if (!job.usage) return { settled: true, charged, unpaid };
    const written = { ...job.usage, cost: charged };
    usageRows.push(written);
    return { settled: true, charged, unpaid, usage: written };
  });

  // 4. The writes.
  const writes: BatchWrites = {
    balances: [...balances].filter(([id, balance]) => balance !== startBalances.get(id)),
    keysUsed: [...keys].filter(([id, key]) => key.used !== startUsed.get(id)).map(([id, key]) => [id, key.used]),
    taken,
    made: [...holds]
      .filter(([, hold]) => !hold.stored)
      .map(([requestId, hold]) => ({ request_id: requestId, user_id: hold.userId, amount: hold.amount, node_id: nodeId, created_at: now, key_id: hold.keyId })),
    ledger: ledgerRows,
    usage: usageRows,
  };
  await (dialect === 'postgres' ? writeInOneStatement(trx, writes) : writeByTable(trx, writes));
  return outcomes;
}
