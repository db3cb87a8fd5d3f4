import { z } from 'zod';
import { randomBase62 } from '../../crypto/tokens.js';
import type { ApiRoutes } from '../../http/api-routes.js';
import { AppError, notFound } from '../../http/errors.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Display } from '../balance-routes.js';
import { MICRO_PER_POINT, pointsText } from '../money.js';
import type { Plan, PlanCatalog } from './plan-catalog.js';
import { levelParams, MAX_LEVEL, planBody, planPeriod, planView, type PlanView } from './plan-schema.js';
import type { Clock } from './periods.js';
import { DISCOUNTS } from './subscription-change.js';
import type { SubscribeResult, SubscriptionService } from './subscriptions.js';

export interface PlanRouteDeps {
  catalog: PlanCatalog;
  subscriptions: SubscriptionService;
  settings: SettingsService;
  display: Display;
  clock: Clock;
}

const subscriptionView = z.object({
  enabled: z.boolean(),
  active: z.boolean(),
  level: z.number(),
  name: z.string().nullable(),
  period: planPeriod.nullable(),
  started_at: z.number().nullable(),
  expires_at: z.number().nullable(),
  total_months: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      icon: z.string(),
      models: z.array(z.string()),
      used: z.number(),
      total: z.number().describe('uses per period; -1 = unlimited'),
      resets_at: z.number(),
    }),
  ),
});

const userParams = z.object({ id: z.coerce.number().int().positive() });

/** Subscriptions (B-5): plan administration, the public plan list (also Chat Nio's /v1/plans), buying and the admin user actions. */
export function registerPlanRoutes(routes: ApiRoutes, deps: PlanRouteDeps): void {
  const { catalog, subscriptions, settings, display } = deps;

  routes.add({
    method: 'GET',
    url: '/api/admin/plans',
    summary: 'Every plan, by level, whether or not plans are enabled.',
    tag: 'plans',
    access: 'admin',
    response: z.object({ data: z.array(planView) }),
    async handler() {
      return { data: catalog.list().map(viewOf) };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/admin/plans/:level',
    summary: 'One plan.',
    tag: 'plans',
    access: 'admin',
    params: levelParams,
    response: planView,
    async handler({ params }) {
      const plan = catalog.get(params.level);
      if (!plan) throw notFound(`there is no plan at level ${params.level}`, 'plan_not_found');
      return viewOf(plan);
    },
  });
  routes.add({
    method: 'PUT',
    url: '/api/admin/plans/:level',
    summary: 'Create or replace the plan of a level (1 = lowest). Applies on every node at once.',
    tag: 'plans',
    access: 'admin',
    params: levelParams,
    body: planBody,
    response: planView,
    async handler({ params, body }) {
      return catalog.upsert(params.level, body);
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/admin/plans/:level',
    summary: 'Delete a plan; refused (409) while anyone is subscribed to it.',
    tag: 'plans',
    access: 'admin',
    status: 204,
    params: levelParams,
    async handler({ params }) {
      const removed = await catalog.remove(params.level, deps.clock());
      if (removed.ok) return undefined;
      if (removed.reason === 'not_found') throw notFound(`there is no plan at level ${params.level}`, 'plan_not_found');
      throw new AppError(409, 'plan_in_use', `${removed.subscribers} running subscription(s) use level ${params.level}; move them to another level first`);
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/plans',
    summary: 'The plans on sale (none while plans are disabled), with prices in micro-points and the multi-month discounts.',
    tag: 'plans',
    access: 'public',
    response: z.object({
      enabled: z.boolean(),
      currency: z.string(),
      points_per_currency_unit: z.number(),
      discounts: z.array(z.object({ min_months: z.number(), percent: z.number() })),
      data: z.array(planView.omit({ updated_at: true })),
    }),
    async handler() {
      const enabled = settings.get('plans').enabled;
      return {
        enabled,
        currency: display.currency,
        points_per_currency_unit: display.pointsPerCurrencyUnit,
        discounts: DISCOUNTS,
        data: enabled ? catalog.list().map(({ level, name, price, period, items }) => ({ level, name, price, period, items })) : [],
      };
    },
  });

  const chatNioPlan = z.object({
    level: z.number(),
    price: z.number().describe('currency units per month'),
    items: z.array(z.object({ id: z.string(), name: z.string(), icon: z.string(), value: z.number(), models: z.array(z.string()) })),
  });
  routes.add({
    method: 'GET',
    url: '/v1/plans',
    summary: "The plans in Chat Nio's raw format (price per month in the display currency, value = uses per period), public, for syncing; [] while plans are disabled.",
    tag: 'plans',
    access: 'public',
    response: z.array(chatNioPlan),
    async handler({ reply }) {
      // Other sites read it from the browser.
      reply.header('access-control-allow-origin', '*');
      if (!settings.get('plans').enabled) return [];
      return catalog.list().map((p) => ({
        level: p.level,
        price: p.price / MICRO_PER_POINT / display.pointsPerCurrencyUnit,
        items: p.items.map((i) => ({ id: i.id, name: i.name, icon: i.icon, value: i.quota, models: i.models })),
      }));
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/billing/subscription',
    summary: 'Your subscription: level, expiry, and per item the uses taken this period, the quota and when it resets.',
    tag: 'plans',
    access: 'user',
    response: subscriptionView,
    async handler({ principal }) {
      return subscriptions.view(principal!.id);
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/billing/subscribe',
    summary:
      'Buy a plan with points: months at the monthly price (×0.9 from 6, ×0.8 from 12, ×0.7 from 36 months). Renewing extends the expiry; an upgrade pays the days left × the price difference / 30; a downgrade is free and rescales the time left. months = 0 only changes the level.',
    tag: 'plans',
    access: 'user',
    body: z.object({
      level: z.number().int().min(1).max(MAX_LEVEL),
      months: z.number().int().min(0).max(120),
      request_id: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" and "_", at most 64')
        .optional()
        .describe('the same id buys once (retries, double submits); generated when absent'),
    }),
    response: z.object({
      kind: z.enum(['new', 'renew', 'upgrade', 'downgrade']),
      cost: z.number().describe('micro-points paid'),
      balance: z.number(),
      duplicate: z.boolean(),
      subscription: subscriptionView,
    }),
    async handler({ principal, body }) {
      const result = await subscriptions.subscribe(principal!.id, { level: body.level, months: body.months, requestId: body.request_id ?? randomBase62(20) });
      if (result.ok) return { kind: result.kind, cost: result.cost, balance: result.balance, duplicate: result.duplicate, subscription: result.subscription };
      throw subscribeError(result, body.level);
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/admin/users/:id/subscription',
    summary: "A user's subscription and this period's uses.",
    tag: 'plans',
    access: 'admin',
    params: userParams,
    response: subscriptionView,
    async handler({ params }) {
      return subscriptions.view(params.id);
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/admin/users/:id/subscription',
    summary: "Set a user's level and expiry without payment (level 0 ends the subscription).",
    tag: 'plans',
    access: 'admin',
    params: userParams,
    body: z.object({
      level: z.number().int().min(0).max(MAX_LEVEL),
      expires_at: z.number().int().min(0).max(253402300799999).describe('UTC milliseconds'),
    }),
    response: subscriptionView,
    async handler({ params, body }) {
      const result = await subscriptions.set(params.id, { level: body.level, expiresAt: body.expires_at });
      if (result.ok) return result.subscription;
      if (result.reason === 'plan_not_found') throw notFound(`there is no plan at level ${body.level}`, 'plan_not_found');
      throw notFound(`user ${params.id} not found`);
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/admin/users/:id/subscription/release',
    summary: "Zero a user's use counters (Chat Nio's \"release usage\").",
    tag: 'plans',
    access: 'admin',
    params: userParams,
    response: z.object({ released: z.number().describe('counters that held uses') }),
    async handler({ params }) {
      const result = await subscriptions.release(params.id);
      if (result.ok) return { released: result.released };
      throw notFound(`user ${params.id} not found`);
    },
  });
}

function viewOf(p: Plan): PlanView {
  return { level: p.level, name: p.name, price: p.price, period: p.period, items: p.items, updated_at: p.updated_at };
}

function subscribeError(result: Exclude<SubscribeResult, { ok: true }>, level: number): AppError {
  switch (result.reason) {
    case 'plans_disabled':
      return new AppError(403, 'plans_disabled', 'subscriptions are not offered on this site');
    case 'plan_not_found':
      return notFound(`there is no plan at level ${level}`, 'plan_not_found');
    case 'months_required':
      return new AppError(400, 'months_required', 'months must be at least 1 unless you change the level of a running subscription');
    case 'no_such_user':
      return notFound('user not found');
    case 'insufficient_balance':
      return new AppError(
        402,
        'insufficient_balance',
        `this costs ${pointsText(result.cost)} points; your balance is ${pointsText(result.balance)} points`,
      );
  }
}
