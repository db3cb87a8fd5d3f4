import { quoted } from '@switchboard/protocol';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes.js';
import { notFound } from '../http/errors.js';
import type { PriceService } from './price-service.js';

const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('micro-points (1 point = 1,000,000)');

const priceBody = z
  .object({
    mode: z.enum(['free', 'request', 'token']),
    per_request: amount.default(0).describe('request pricing: micro-points per call'),
    input: amount.default(0).describe('token pricing: micro-points per unit_tokens input tokens'),
    output: amount.default(0),
    cached_input: amount.nullable().default(null).describe('cache reads; null = the input price'),
    cache_write: amount.nullable().default(null).describe('cache writes; null = the input price'),
    unit_tokens: z.union([z.literal(1000), z.literal(1000000)]).default(1000000),
    anonymous: z.boolean().default(false).describe('signed-out users may use this model (free models only)'),
  })
  .refine((p) => p.mode !== 'request' || p.per_request > 0, { message: 'per_request must be above 0 for request pricing', path: ['per_request'] })
  .refine((p) => p.mode !== 'token' || p.input > 0 || p.output > 0, { message: 'token pricing needs an input or output price', path: ['input'] })
  .refine((p) => !p.anonymous || p.mode === 'free', { message: 'only free models can be open to signed-out users', path: ['anonymous'] });

const priceView = z.object({
  model: z.string(),
  mode: z.enum(['free', 'request', 'token']),
  per_request: z.number(),
  input: z.number(),
  output: z.number(),
  cached_input: z.number().nullable(),
  cache_write: z.number().nullable(),
  unit_tokens: z.union([z.literal(1000), z.literal(1000000)]),
  anonymous: z.boolean(),
  updated_at: z.number(),
});

const modelParams = z.object({ model: z.string().trim().min(1).max(128) });

/** Admin API for model prices (B-2). */
export function registerPriceRoutes(routes: ApiRoutes, prices: PriceService): void {
  routes.add({
    method: 'GET',
    url: '/api/admin/prices',
    summary: 'Every model price.',
    tag: 'billing',
    access: 'admin',
    response: z.object({ data: z.array(priceView) }),
    async handler() {
      return { data: await prices.list() };
    },
  });
  routes.add({
    method: 'PUT',
    url: '/api/admin/prices/:model',
    summary: 'Set the price of a model (created or replaced). It applies on every node at once.',
    tag: 'billing',
    access: 'admin',
    params: modelParams,
    body: priceBody,
    response: priceView,
    async handler({ params, body }) {
      return prices.upsert(params.model, body);
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/admin/prices/:model',
    summary: 'Remove the price of a model: it becomes unpriced (refused to non-admins).',
    tag: 'billing',
    access: 'admin',
    status: 204,
    params: modelParams,
    async handler({ params }) {
      if (!(await prices.remove(params.model))) throw notFound(`model ${quoted(params.model)} has no price`);
      return undefined;
    },
  });
}

const chargeRule = z.object({
  id: z.number(),
  type: z.enum(['non-billing', 'times-billing', 'token-billing']),
  models: z.array(z.string()),
  input: z.number(),
  output: z.number(),
  anonymous: z.boolean(),
});

/**
 * GET /v1/charge: the price list in Chat Nio's shape, public, so another site (or a
 * Chat Nio front end) can sync prices from this one: points per request (`times-billing`,
 * in `output`) or per 1K tokens (`token-billing`); models with the same price share a rule.
 */
export function registerChargeRoute(routes: ApiRoutes, prices: PriceService): void {
  routes.add({
    method: 'GET',
    url: '/v1/charge',
    summary: "Model prices in Chat Nio's charge format (points per request or per 1K tokens).",
    tag: 'billing',
    access: 'public',
    response: z.array(chargeRule),
    async handler({ reply }) {
      // Other sites read it from the browser.
      reply.header('access-control-allow-origin', '*');
      const rules = new Map<string, z.infer<typeof chargeRule>>();
      for (const p of await prices.list()) {
        const perK = (micro: number) => (micro / 1_000_000) * (1000 / p.unit_tokens);
        const rule =
          p.mode === 'free'
            ? { type: 'non-billing' as const, input: 0, output: 0 }
            : p.mode === 'request'
              ? { type: 'times-billing' as const, input: 0, output: p.per_request / 1_000_000 }
              : { type: 'token-billing' as const, input: perK(p.input), output: perK(p.output) };
        const key = `${rule.type}|${rule.input}|${rule.output}|${p.anonymous}`;
        const existing = rules.get(key);
        if (existing) existing.models.push(p.model);
        else rules.set(key, { id: rules.size + 1, ...rule, models: [p.model], anonymous: p.anonymous });
      }
      return [...rules.values()];
    },
  });
}
