import { enforce } from '../http/rate-limited.js';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes.js';
import { csvDownload } from '../http/download.js';
import { AppError, notFound } from '../http/errors.js';
import type { RateLimit, RateLimiter } from '../kv/rate-limiter.js';
import { codesCsv, type CodeService } from './codes.js';
import { balanceLimitMessage } from './money.js';


const codeView = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(['redeem', 'gift']),
  gift_type: z.string().nullable(),
  amount: z.number(),
  batch: z.string(),
  status: z.enum(['unused', 'used']),
  used_by: z.number().nullable(),
  used_at: z.number().nullable(),
  created_at: z.number(),
});

const generateBody = z
  .object({
    kind: z.enum(['redeem', 'gift']).describe('redeem: any user, once; gift: once, and one per gift type per user'),
    amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('micro-points each code credits'),
    count: z.number().int().min(1).max(1000),
    gift_type: z.string().trim().min(1).max(64).optional(),
    prefix: z.string().regex(/^[A-Za-z0-9-]{0,16}$/, 'letters, digits and "-", at most 16').optional(),
    batch: z.string().trim().min(1).max(64).optional(),
  })
  .refine((b) => b.kind === 'gift' || b.gift_type === undefined, { message: 'only gift codes have a gift_type', path: ['gift_type'] });

const listQuery = z.object({
  batch: z.string().max(64).optional(),
  kind: z.enum(['redeem', 'gift']).optional(),
  status: z.enum(['unused', 'used']).optional(),
});

/** Redeem and gift codes (B-6): admin generation, listing, deletion and CSV export; redemption by users. */
export function registerCodeRoutes(routes: ApiRoutes, codes: CodeService, limiter: RateLimiter, redeemLimitPer10Min: number): void {
  // Guessing codes is the attack; a few tries per address per 10 minutes is plenty for people.
  const REDEEM_LIMIT: RateLimit = { name: 'redeem', limit: redeemLimitPer10Min, windowMs: 10 * 60_000 };
  routes.add({
    method: 'POST',
    url: '/api/admin/codes',
    summary: 'Generate a batch of redeem or gift codes (random, never sequential).',
    tag: 'billing',
    access: 'admin',
    body: generateBody,
    status: 201,
    response: z.object({ batch: z.string(), data: z.array(codeView) }),
    async handler({ body }) {
      const data = await codes.generate({
        kind: body.kind,
        amount: body.amount,
        count: body.count,
        ...(body.gift_type !== undefined ? { gift_type: body.gift_type } : {}),
        ...(body.prefix !== undefined ? { prefix: body.prefix } : {}),
        ...(body.batch !== undefined ? { batch: body.batch } : {}),
      });
      return { batch: data[0]?.batch ?? '', data };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/codes',
    summary: 'List codes, by batch, kind or status (at most 10,000).',
    tag: 'billing',
    access: 'admin',
    query: listQuery,
    response: z.object({ data: z.array(codeView) }),
    async handler({ query }) {
      return { data: await codes.list(compact(query)) };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/codes/export',
    summary: 'The listed codes as a CSV file (points, not micro-points).',
    tag: 'billing',
    access: 'admin',
    query: listQuery,
    async handler({ query, reply }) {
      const csv = codesCsv(await codes.list(compact(query)));
      reply.headers(csvDownload(`codes${query.batch ? `-${query.batch}` : ''}.csv`));
      return csv;
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/admin/codes/:id',
    summary: 'Delete a code.',
    tag: 'billing',
    access: 'admin',
    status: 204,
    params: z.object({ id: z.coerce.number().int().positive() }),
    async handler({ params }) {
      if (!(await codes.remove(params.id))) throw notFound(`code ${params.id} not found`);
      return undefined;
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/codes/redeem',
    summary: 'Redeem a code: its points are added to your balance.',
    tag: 'billing',
    access: 'user',
    body: z.object({ code: z.string().trim().min(1).max(64) }),
    response: z.object({ kind: z.enum(['redeem', 'gift']), amount: z.number(), balance: z.number() }),
    async handler({ body, principal, request }) {
      await enforce(limiter, REDEEM_LIMIT, request.ip, 'too many redeem attempts');
      const result = await codes.redeem(principal!.id, body.code);
      if (result.ok) return { kind: result.kind, amount: result.amount, balance: result.balance };
      if (result.reason === 'unknown_code') throw new AppError(404, 'unknown_code', 'this code does not exist');
      if (result.reason === 'already_used') throw new AppError(409, 'code_used', 'this code has already been used');
      if (result.reason === 'balance_limit') throw new AppError(409, 'balance_limit', balanceLimitMessage());
      throw new AppError(409, 'gift_type_claimed', 'you have already received a gift of this kind');
    },
  });
}

function compact<T extends Record<string, unknown>>(query: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
