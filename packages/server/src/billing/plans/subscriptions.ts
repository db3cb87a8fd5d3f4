import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SubscriptionsTable } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction-retry.js';
import { isUniqueViolation } from '../../db/unique-violation.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { LedgerService } from '../ledger.js';
import { microPoints } from '../money.js';
import type { PlanCatalog } from './plan-catalog.js';
import type { PlanUsage } from './plan-usage.js';
import { periodAt, type Clock, type Period } from './periods.js';
import { subscriptionChange, type ChangeKind, type CurrentSubscription } from './subscription-change.js';

export interface Subscription {
  userId: number;
  level: number;
  startedAt: number;
  expiresAt: number;
  totalMonths: number;
}

export interface SubscriptionView {
  /** Whether plans are on (settings `plans.enabled`); off, no use is taken and nothing can be bought. */
  enabled: boolean;
  active: boolean;
  /** 0 = no subscription. */
  level: number;
  name: string | null;
  period: Period | null;
  started_at: number | null;
  expires_at: number | null;
  total_months: number;
  items: { id: string; name: string; icon: string; models: string[]; used: number; total: number; resets_at: number }[];
}

export type SubscribeResult =
  | { ok: true; kind: ChangeKind; cost: number; balance: number; duplicate: boolean; subscription: SubscriptionView }
  | { ok: false; reason: 'plans_disabled' | 'plan_not_found' | 'months_required' | 'no_such_user' }
  | { ok: false; reason: 'insufficient_balance'; cost: number; balance: number };

type Committed = { ok: true; kind: ChangeKind; cost: number; balance: number };

/** The subscription row changed under us (another purchase or an admin): read it again. */
class Conflict extends Error {}

const MAX_TRIES = 5;

/**
 * Subscriptions (B-5): one row per user (level, started_at, expires_at, total_months). A
 * purchase is one transaction: the ledger debit (kind `subscription`, idempotency key from the
 * request id) and the row change commit together or not at all. The row carries a version;
 * a purchase writes only the version it read, so two concurrent purchases can never both
 * pay for one extension: the later one starts over on the new state.
 */
export class SubscriptionService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly catalog: PlanCatalog,
    private readonly usage: PlanUsage,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** The user's subscription when it runs at `now` (level > 0, not expired). */
  async active(userId: number, now: number): Promise<Subscription | undefined> {
    const row = await this.db.kysely.selectFrom('subscriptions').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const sub = row && subscriptionOf(row);
    return sub && isActive(sub, now) ? sub : undefined;
  }

  async view(userId: number): Promise<SubscriptionView> {
    const now = this.clock();
    const row = await this.db.kysely.selectFrom('subscriptions').selectAll().where('user_id', '=', userId).executeTakeFirst();
    const enabled = this.settings.get('plans').enabled;
    const sub = row && subscriptionOf(row);
    if (!sub || sub.level === 0) {
      return { enabled, active: false, level: 0, name: null, period: null, started_at: null, expires_at: null, total_months: sub?.totalMonths ?? 0, items: [] };
    }
    const plan = this.catalog.get(sub.level);
    const active = isActive(sub, now);
    let items: SubscriptionView['items'] = [];
    if (active && plan) {
      const period = periodAt(sub.startedAt, plan.period, now);
      const used = await this.usage.usedSince(userId, period.start);
      items = plan.items.map((i) => ({ id: i.id, name: i.name, icon: i.icon, models: i.models, used: used.get(i.id) ?? 0, total: i.quota, resets_at: period.end }));
    }
    return {
      enabled,
      active,
      level: sub.level,
      name: plan?.name ?? null,
      period: plan?.period ?? null,
      started_at: sub.startedAt,
      expires_at: sub.expiresAt,
      total_months: sub.totalMonths,
      items,
    };
  }

  /**
   * Buys `months` of `level` with points: a new subscription, a renewal, an upgrade or a
   * downgrade (subscription-change.ts). A request id already used returns the first result.
   */
  async subscribe(userId: number, input: { level: number; months: number; requestId: string }): Promise<SubscribeResult> {
    if (!this.settings.get('plans').enabled) return { ok: false, reason: 'plans_disabled' };
    const target = this.catalog.get(input.level);
    if (!target) return { ok: false, reason: 'plan_not_found' };
    const idemKey = `subscribe:${userId}:${input.requestId}`;
    for (let tries = 1; ; tries++) {
      try {
        const result = await inTransaction(this.db, async (trx): Promise<Committed | Exclude<SubscribeResult, { ok: true }>> => {
          const now = this.clock();
          const row = await trx.selectFrom('subscriptions').selectAll().where('user_id', '=', userId).executeTakeFirst();
          const sub = row && subscriptionOf(row);
          // A level whose plan was deleted has no price to pro-rate: buying then starts afresh.
          const currentPlan = sub && isActive(sub, now) ? this.catalog.get(sub.level) : undefined;
          const current: CurrentSubscription | undefined = sub && currentPlan ? { level: sub.level, price: currentPlan.price, expiresAt: sub.expiresAt } : undefined;
          const change = subscriptionChange(current, target, input.months, now);
          if (!change.ok) return change;
          const note = `subscription ${change.kind}: level ${target.level} (${target.name})${input.months ? ` + ${input.months} month(s)` : ''}`;
          // Posted even when free (a downgrade): the ledger is the record of every change, and its key makes the request idempotent.
          const posted = await this.ledger.postIn(trx, { userId, kind: 'subscription', amount: -change.cost, idemKey, note });
          if (!posted.ok) {
            return posted.reason === 'no_such_user'
              ? { ok: false, reason: 'no_such_user' }
              : { ok: false, reason: 'insufficient_balance', cost: change.cost, balance: posted.balance };
          }
          const next = {
            level: target.level,
            started_at: change.startedAt ?? sub!.startedAt,
            expires_at: change.expiresAt,
            total_months: (sub?.totalMonths ?? 0) + input.months,
            updated_at: now,
          };
          if (row) {
            const updated = await trx
              .updateTable('subscriptions')
              .set({ ...next, version: Number(row.version) + 1 })
              .where('user_id', '=', userId)
              .where('version', '=', row.version)
              .executeTakeFirst();
            if (Number(updated.numUpdatedRows) !== 1) throw new Conflict();
          } else {
            await trx.insertInto('subscriptions').values({ user_id: userId, ...next, version: 0 }).execute();
          }
          return { ok: true, kind: change.kind, cost: change.cost, balance: posted.balance };
        });
        return result.ok ? { ...result, duplicate: false, subscription: await this.view(userId) } : result;
      } catch (err) {
        if (isUniqueViolation(err)) {
          // The request id was used before: that purchase stands, and is reported again.
          const first = await this.db.kysely.selectFrom('ledger').select(['amount', 'note']).where('idem_key', '=', idemKey).executeTakeFirst();
          if (first) {
            const noted = /^subscription (\w+)/.exec(first.note ?? '')?.[1];
            const kind: ChangeKind = noted === 'renew' || noted === 'upgrade' || noted === 'downgrade' ? noted : 'new';
            return { ok: true, kind, cost: -microPoints(first.amount), balance: await this.ledger.balance(userId), duplicate: true, subscription: await this.view(userId) };
          }
          // Otherwise two first purchases inserted the row at once: start over on the winner's.
        } else if (!(err instanceof Conflict)) {
          throw err;
        }
        if (tries >= MAX_TRIES) throw new Error(`subscription of user ${userId} kept changing during the purchase`);
      }
    }
  }

  /**
   * Administrator: sets the level and expiry directly, without payment (level 0 ends the
   * subscription). A subscription that was not running starts its usage periods now.
   */
  async set(userId: number, input: { level: number; expiresAt: number }): Promise<{ ok: true; subscription: SubscriptionView } | { ok: false; reason: 'plan_not_found' | 'no_such_user' }> {
    if (input.level > 0 && !this.catalog.get(input.level)) return { ok: false, reason: 'plan_not_found' };
    const user = await this.db.kysely.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'no_such_user' };
    const now = this.clock();
    for (let tries = 1; tries <= MAX_TRIES; tries++) {
      const row = await this.db.kysely.selectFrom('subscriptions').selectAll().where('user_id', '=', userId).executeTakeFirst();
      const sub = row && subscriptionOf(row);
      const startedAt = sub && isActive(sub, now) ? sub.startedAt : now;
      const next = { level: input.level, started_at: startedAt, expires_at: input.expiresAt, updated_at: now };
      if (row) {
        // The version moves on, so a purchase that read the old row starts over instead of overwriting this.
        const updated = await this.db.kysely
          .updateTable('subscriptions')
          .set({ ...next, version: Number(row.version) + 1 })
          .where('user_id', '=', userId)
          .where('version', '=', row.version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 1) break;
      } else {
        try {
          await this.db.kysely.insertInto('subscriptions').values({ user_id: userId, ...next, total_months: 0, version: 0 }).execute();
          break;
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
      }
      if (tries === MAX_TRIES) throw new Error(`subscription of user ${userId} kept changing`);
    }
    return { ok: true, subscription: await this.view(userId) };
  }

  /** Administrator: zeroes the user's use counters (Chat Nio's "release usage"). */
  async release(userId: number): Promise<{ ok: true; released: number } | { ok: false; reason: 'no_such_user' }> {
    const user = await this.db.kysely.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'no_such_user' };
    return { ok: true, released: await this.usage.release(userId) };
  }
}

function subscriptionOf(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    userId: Number(row.user_id),
    level: Number(row.level),
    startedAt: Number(row.started_at),
    expiresAt: Number(row.expires_at),
    totalMonths: Number(row.total_months),
  };
}

function isActive(sub: Subscription, now: number): boolean {
  return sub.level > 0 && sub.expiresAt > now;
}
