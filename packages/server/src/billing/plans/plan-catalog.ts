import { parseStoredJson } from '../../db/stored-json.js';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { PlansTable } from '../../db/schema.js';
import type { InvalidationBus } from '../../kv/invalidation.js';
import { microPoints } from '../money.js';
import { planItem, planPeriod, type PlanInput, type PlanItem, type PlanView } from './plan-schema.js';

/** A plan as the relay uses it: the item each model's use comes from. */
export interface Plan extends PlanView {
  /** The first item listing the model (as in Chat Nio: items are matched in order). */
  itemFor(model: string): PlanItem | undefined;
}

const storedItems = z.array(planItem);

/**
 * The plans (B-5), served from memory: the relay asks on every call whether any plan covers
 * the model. Every write reloads the table on every node (the `plans` invalidation).
 */
export class PlanCatalog {
  private byLevel = new Map<number, Plan>();
  /** Every model some plan covers: calls for other models never look up a subscription. */
  private covered = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
  ) {
    bus.on(async (msg) => {
      if (msg.kind === 'plans') await this.reload();
    });
  }

  async start(): Promise<void> {
    await this.reload();
  }

  get(level: number): Plan | undefined {
    return this.byLevel.get(level);
  }

  covers(model: string): boolean {
    return this.covered.has(model);
  }

  list(): Plan[] {
    return [...this.byLevel.values()].sort((a, b) => a.level - b.level);
  }

  async upsert(level: number, input: PlanInput): Promise<PlanView> {
    const now = Date.now();
    const values = { name: input.name, price: input.price, period: input.period, items: JSON.stringify(input.items), updated_at: now };
    // Update first, insert when absent: one portable statement pair instead of three dialects of upsert.
    const updated = await this.db.kysely.updateTable('plans').set(values).where('level', '=', level).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.kysely.insertInto('plans').values({ level, ...values }).execute();
    await this.bus.publish({ kind: 'plans' });
    return { level, ...input, updated_at: now };
  }

  /**
   * Deletes a plan, unless someone's subscription to it is still running: they paid for it,
   * and a level without a plan gives no uses. Move them first (admin subscription endpoint).
   */
  async remove(level: number, now: number): Promise<{ ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'in_use'; subscribers: number }> {
    const row = await this.db.kysely
      .selectFrom('subscriptions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('level', '=', level)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    const subscribers = Number(row?.n ?? 0);
    if (subscribers > 0) return { ok: false, reason: 'in_use', subscribers };
    const result = await this.db.kysely.deleteFrom('plans').where('level', '=', level).executeTakeFirst();
    await this.bus.publish({ kind: 'plans' });
    return Number(result.numDeletedRows) > 0 ? { ok: true } : { ok: false, reason: 'not_found' };
  }

  private async reload(): Promise<void> {
    const rows = await this.db.kysely.selectFrom('plans').selectAll().execute();
    const byLevel = new Map<number, Plan>();
    const covered = new Set<string>();
    for (const row of rows) {
      const plan = planOf(row);
      if (!plan) continue; // a row that no longer validates is skipped rather than stopping the node
      byLevel.set(plan.level, plan);
      for (const item of plan.items) for (const m of item.models) covered.add(m);
    }
    this.byLevel = byLevel;
    this.covered = covered;
  }
}

function planOf(row: PlansTable): Plan | undefined {
  const items = parseStoredJson(storedItems, row.items);
  const period = planPeriod.safeParse(row.period);
  if (!items || !period.success) return undefined;
  const byModel = new Map<string, PlanItem>();
  for (const item of items) for (const m of item.models) if (!byModel.has(m)) byModel.set(m, item);
  return {
    level: Number(row.level),
    name: row.name,
    price: microPoints(row.price),
    period: period.data,
    items,
    updated_at: Number(row.updated_at),
    itemFor: (model) => byModel.get(model),
  };
}
