import { z } from 'zod';

/**
 * A plan as data (B-5): a level with a monthly price and items, each a number of uses per
 * period of some models. Validated here for the admin API and again when loaded from the
 * database, so a row written by hand cannot break the relay.
 */

/** A price times 120 months stays an exact integer. */
const MAX_MONTHLY_PRICE = 10_000_000_000_000; // 10 million points
export const MAX_LEVEL = 99;

export const planItem = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a slug: lower-case letters, digits, "-" and "_", at most 64')
    .describe('identifies the usage counter; an item with the same id on another level shares the counter'),
  name: z.string().trim().min(1).max(64),
  icon: z.string().trim().max(512).default('').describe('an emoji or an image URL'),
  quota: z.number().int().min(-1).max(1_000_000_000).describe('uses per period; -1 = unlimited, 0 = none'),
  models: z.array(z.string().trim().min(1).max(128)).min(1).max(500).describe('the models one use of this item pays for'),
});

export const planPeriod = z.enum(['monthly', 'weekly', 'daily']);

export const planBody = z
  .object({
    name: z.string().trim().min(1).max(64).describe('e.g. basic, standard, pro'),
    price: z.number().int().min(1).max(MAX_MONTHLY_PRICE).describe('micro-points per month (1 point = 1,000,000)'),
    period: planPeriod.default('monthly').describe('how often item quotas reset, counted from the subscription start'),
    items: z.array(planItem).max(50).default([]),
  })
  .refine((p) => new Set(p.items.map((i) => i.id)).size === p.items.length, { message: 'item ids must be unique within a plan', path: ['items'] });

export type PlanItem = z.output<typeof planItem>;
export type PlanInput = z.output<typeof planBody>;

export interface PlanView extends PlanInput {
  level: number;
  updated_at: number;
}

export const planView = z.object({
  level: z.number(),
  name: z.string(),
  price: z.number(),
  period: planPeriod,
  items: z.array(planItem),
  updated_at: z.number(),
});

export const levelParams = z.object({ level: z.coerce.number().int().min(1).max(MAX_LEVEL) });
