import { csvRow } from '../http/csv.js';
import type { Db } from '../db/database.js';
import type { Selectable } from 'kysely';
import type { CodesTable } from '../db/schema.js';
import { inTransaction } from '../db/transaction-retry.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { randomBase62 } from '../crypto/tokens.js';
import type { LedgerService } from './ledger.js';
import { microPoints, pointsText } from './money.js';

export interface CodeView {
  id: number;
  code: string;
  kind: 'redeem' | 'gift';
  gift_type: string | null;
  amount: number;
  batch: string;
  status: 'unused' | 'used';
  used_by: number | null;
  used_at: number | null;
  created_at: number;
}

export interface GenerateCodes {
  kind: 'redeem' | 'gift';
  /** Micro-points credited by each code. */
  amount: number;
  count: number;
  /** Gift codes: at most one code of a type per user. */
  gift_type?: string | null;
  /** Printed before the random part, e.g. "VIP-". */
  prefix?: string;
  /** Groups the codes for listing and export; generated when absent. */
  batch?: string;
}

export type RedeemResult =
  | { ok: true; amount: number; balance: number; kind: 'redeem' | 'gift' }
  | { ok: false; reason: 'unknown_code' | 'already_used' | 'gift_type_claimed' | 'balance_limit' };

/**
 * Redeem and gift codes (B-6). Codes are 16 random base62 characters from the CSPRNG (never
 * sequential). Redeeming is one transaction: the conditional update that marks the code used
 * (only one of any number of concurrent redemptions can match `status = 'unused'`) and the
 * ledger credit; for gift codes the credit's idempotency key `gift:<type>:<user>` refuses a
 * second gift of the same type to the same user, which rolls the code back to unused.
 */
export class CodeService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
  ) {}

  async generate(input: GenerateCodes): Promise<CodeView[]> {
    const now = Date.now();
    const batch = input.batch ?? `b${now.toString(36)}${randomBase62(4)}`;
    const rows = Array.from({ length: input.count }, () => ({
      code: `${input.prefix ?? ''}${randomBase62(16)}`,
      kind: input.kind,
      gift_type: input.kind === 'gift' ? (input.gift_type ?? 'default') : null,
      amount: input.amount,
      batch,
      status: 'unused' as const,
      used_by: null,
      used_at: null,
      created_at: now,
    }));
    // Chunks keep each INSERT within every engine's parameter limit.
    for (let i = 0; i < rows.length; i += 200) await this.db.kysely.insertInto('codes').values(rows.slice(i, i + 200)).execute();
    return this.list({ batch });
  }

  async list(filter: { batch?: string; kind?: 'redeem' | 'gift'; status?: 'unused' | 'used' } = {}): Promise<CodeView[]> {
    let q = this.db.kysely.selectFrom('codes').selectAll().orderBy('id');
    if (filter.batch) q = q.where('batch', '=', filter.batch);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await q.limit(10_000).execute()).map(viewOf);
  }

  async remove(id: number): Promise<boolean> {
    const result = await this.db.kysely.deleteFrom('codes').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async redeem(userId: number, code: string): Promise<RedeemResult> {
    return inTransaction(this.db, async (trx): Promise<RedeemResult> => {
      const row = await trx.selectFrom('codes').selectAll().where('code', '=', code).executeTakeFirst();
      if (!row) return { ok: false, reason: 'unknown_code' };
      const claimed = await trx
        .updateTable('codes')
        .set({ status: 'used', used_by: userId, used_at: Date.now() })
        .where('id', '=', row.id)
        .where('status', '=', 'unused')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: 'already_used' };
      const amount = microPoints(row.amount);
      const idemKey = row.kind === 'gift' ? `gift:${row.gift_type ?? 'default'}:${userId}` : `code:${row.code}`;
      const posted = await this.ledger.postIn(trx, { userId, kind: row.kind === 'gift' ? 'gift' : 'redeem', amount, idemKey, note: `code ${row.code}` });
      // Past the balance limit the claim is rolled back too: the code stays usable.
      if (!posted.ok && posted.reason === 'balance_limit') throw new OverLimit();
      if (!posted.ok) throw new Error(`crediting code ${row.code} failed: ${posted.reason}`);
      return { ok: true, amount, balance: posted.balance, kind: row.kind };
    }).catch((err: unknown): RedeemResult => {
      // A second gift of one type for one user: the ledger's unique key refuses the credit, and
      // the rollback leaves the code unused for someone else.
      if (isUniqueViolation(err)) return { ok: false, reason: 'gift_type_claimed' };
      if (err instanceof OverLimit) return { ok: false, reason: 'balance_limit' };
      throw err;
    });
  }
}

/** Thrown inside the redemption's transaction to roll the claim back. */
class OverLimit extends Error {}

function viewOf(r: Selectable<CodesTable>): CodeView {
  return {
    id: Number(r.id),
    code: r.code,
    kind: r.kind,
    gift_type: r.gift_type,
    amount: microPoints(r.amount),
    batch: r.batch,
    status: r.status,
    used_by: r.used_by,
    used_at: r.used_at === null ? null : Number(r.used_at),
    created_at: Number(r.created_at),
  };
}

/** The codes as CSV (RFC 4180, formula-guarded), for card sellers' systems. */
export function codesCsv(codes: readonly CodeView[]): string {
  let out = csvRow(['code', 'kind', 'gift_type', 'points', 'batch', 'status', 'used_by', 'used_at', 'created_at']);
  for (const c of codes) {
    out += csvRow([
      c.code,
      c.kind,
      c.gift_type,
      pointsText(c.amount),
      c.batch,
      c.status,
      c.used_by,
      c.used_at ? new Date(c.used_at).toISOString() : null,
      new Date(c.created_at).toISOString(),
    ]);
  }
  return out;
}
