import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { AppError } from '../http/errors.js';
import type { V1Route } from '../relay/v1-route.js';
import type { LedgerService } from './ledger.js';
import { balanceLimitMessage, MICRO_PER_POINT, microPoints } from './money.js';

export interface Display {
  currency: string;
  pointsPerCurrencyUnit: number;
}

const ledgerRow = z.object({
  id: z.number(),
  kind: z.string(),
  amount: z.number(),
  balance_after: z.number(),
  request_id: z.string().nullable(),
  note: z.string().nullable(),
  created_at: z.number(),
});

/** The user's own money: balance and ledger (B-4), in micro-points with a display value. */
export function registerBalanceRoutes(routes: ApiRoutes, db: Db, ledger: LedgerService, display: Display): void {
  routes.add({
    method: 'GET',
    url: '/api/billing/balance',
    summary: 'Your balance, in micro-points and in the display currency.',
    tag: 'billing',
    access: 'user',
    response: z.object({ balance: z.number(), points: z.number(), currency: z.string(), currency_amount: z.number(), points_per_currency_unit: z.number() }),
    async handler({ principal }) {
      const balance = await ledger.balance(principal!.id);
      const points = balance / MICRO_PER_POINT;
      return { balance, points, currency: display.currency, currency_amount: points / display.pointsPerCurrencyUnit, points_per_currency_unit: display.pointsPerCurrencyUnit };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/billing/ledger',
    summary: 'Your ledger, newest first (`before` = an id, for the next page).',
    tag: 'billing',
    access: 'user',
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), before: z.coerce.number().int().positive().optional() }),
    response: z.object({ data: z.array(ledgerRow) }),
    async handler({ principal, query }) {
      let q = db.kysely.selectFrom('ledger').selectAll().where('user_id', '=', principal!.id).orderBy('id', 'desc').limit(query.limit);
      if (query.before) q = q.where('id', '<', query.before);
      const rows = await q.execute();
      return {
        data: rows.map((r) => ({
          id: Number(r.id),
          kind: r.kind,
          amount: microPoints(r.amount),
          balance_after: microPoints(r.balance_after),
          request_id: r.request_id,
          note: r.note,
          created_at: Number(r.created_at),
        })),
      };
    },
  });
}

/**
 * OpenAI's old billing endpoints, which many clients (ChatGPT-Next-Web, LobeChat …) call
 * with an API key to show the remaining balance: `/v1/dashboard/billing/subscription` and
 * `/usage`, also without the `/v1` prefix. Amounts are in the display currency (the `_usd`
 * names are OpenAI's; clients only print the numbers); usage is in hundredths, as OpenAI's is.
 */
export function registerOpenAIBillingRoutes(app: FastifyInstance, route: V1Route, db: Db, ledger: LedgerService, display: Display): void {
  const toCurrency = (micro: number) => micro / MICRO_PER_POINT / display.pointsPerCurrencyUnit;
  for (const prefix of ['/v1', '']) {
    app.get(`${prefix}/dashboard/billing/subscription`, { onRequest: route.authenticate('openai-chat') }, async (request) => {
      const caller = route.callerOf(request);
      const balance = await ledger.balance(caller.user.id);
      const used = await spentBetween(db, caller.user.id, 0, Date.now());
      const total = toCurrency(balance + used);
      return {
        object: 'billing_subscription',
        has_payment_method: true,
        soft_limit_usd: total,
        hard_limit_usd: total,
        system_hard_limit_usd: total,
        access_until: caller.expiresAt ? Math.floor(caller.expiresAt / 1000) : 0,
      };
    });
    app.get<{ Querystring: { start_date?: string; end_date?: string } }>(
      `${prefix}/dashboard/billing/usage`,
      { onRequest: route.authenticate('openai-chat') },
      async (request) => {
        const caller = route.callerOf(request);
        const start = Date.parse(request.query.start_date ?? '') || Date.now() - 100 * 86_400_000;
        // OpenAI's end_date is exclusive; no end means up to now.
        const end = Date.parse(request.query.end_date ?? '') || Date.now() + 1;
        const spent = await spentBetween(db, caller.user.id, start, end);
        return { object: 'list', total_usage: Math.round(toCurrency(spent) * 100 * 100) / 100 };
      },
    );
  }
}

/** Micro-points charged to a user by the relay in [start, end) (the usage log's `cost`). */
async function spentBetween(db: Db, userId: number, start: number, end: number): Promise<number> {
  const row = await db.kysely
    .selectFrom('usage_logs')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('cost'), eb.lit(0)).as('total'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .executeTakeFirst();
  return row ? microPoints(row.total) : 0;
}

/** Admin adjustment of a user's points (B-4 "admin adjust"), recorded in the ledger like any movement. */
export function registerBalanceAdminRoutes(routes: ApiRoutes, ledger: LedgerService): void {
  routes.add({
    method: 'POST',
    url: '/api/admin/users/:id/balance',
    summary: "Add to (or, with a negative amount, take from) a user's points. A debit larger than the balance is refused.",
    tag: 'billing',
    access: 'admin',
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: z.object({
      amount: z
        .number()
        .int()
        .min(-Number.MAX_SAFE_INTEGER)
        .max(Number.MAX_SAFE_INTEGER)
        .refine((v) => v !== 0, 'must not be 0')
        .describe('micro-points; negative takes points away'),
      note: z.string().trim().max(512).optional(),
      idempotency_key: z.string().trim().min(1).max(100).optional().describe('the same key applies the adjustment once'),
    }),
    response: z.object({ balance: z.number(), duplicate: z.boolean() }),
    async handler({ params, body, principal }) {
      const result = await ledger.post({
        userId: params.id,
        kind: 'adjust',
        amount: body.amount,
        note: `${body.note ?? 'admin adjustment'} (by ${principal!.username})`,
        ...(body.idempotency_key ? { idemKey: `adjust:${body.idempotency_key}` } : {}),
      });
      if (result.ok) return { balance: result.balance, duplicate: result.duplicate };
      if (result.reason === 'no_such_user') throw new AppError(404, 'not_found', `user ${params.id} not found`);
      if (result.reason === 'balance_limit') throw new AppError(409, 'balance_limit', balanceLimitMessage());
      throw new AppError(409, 'insufficient_balance', `the balance (${result.balance} micro-points) is smaller than the debit`);
    },
  });
}
