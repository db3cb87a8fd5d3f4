import type { RelayCall, RelayOutcome, SettledCall, Settlement, UsageDraft } from '../../relay/accounting.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { PlanCatalog } from './plan-catalog.js';
import type { PlanUsage } from './plan-usage.js';
import type { PlanItem } from './plan-schema.js';
import { periodAt, type Clock } from './periods.js';
import type { SubscriptionService } from './subscriptions.js';

/**
 * Subscription first (B-5): before points, a relayed call is paid with one use of the
 * caller's plan item that lists the model, while the item has uses left this period. API
 * calls use plans only when `plans.relay_uses_plans` is on; the chat app's calls always do.
 * RelayBilling asks here as its last step before routing, so no use is taken for a call
 * refused earlier.
 */
export class PlanPayer {
  constructor(
    private readonly settings: SettingsService,
    private readonly catalog: PlanCatalog,
    private readonly subscriptions: SubscriptionService,
    private readonly usage: PlanUsage,
    private readonly clock: Clock,
  ) {}

  /** A settlement for one plan use taken for this call, or undefined when points must pay. */
  async pay(call: RelayCall): Promise<Settlement | undefined> {
    const config = this.settings.get('plans');
    if (!config.enabled || (call.viaApi && !config.relay_uses_plans)) return undefined;
    // Most models are in no plan: those calls never read a subscription.
    if (!this.catalog.covers(call.model)) return undefined;
    const userId = call.caller.user.id;
    const now = this.clock();
    const sub = await this.subscriptions.active(userId, now);
    const plan = sub && this.catalog.get(sub.level);
    const item = plan?.itemFor(call.model);
    if (!sub || !plan || !item) return undefined;
    const periodStart = await this.usage.take(userId, item, periodAt(sub.startedAt, plan.period, now).start);
    return periodStart === undefined ? undefined : new PlanSettlement(this.usage, userId, item, periodStart);
  }
}

/**
 * One use taken for one call. Settling gives it back when the call failed (status `error`,
 * which costs points nothing either) and keeps it otherwise; only the first settlement acts,
 * and only on the period the use was taken in. The row says 'plan' while the use is kept, and
 * goes through the batch (see Settlement): the use itself was committed at admission.
 */
class PlanSettlement implements Settlement {
  private settled = false;
  private kept = true;

  constructor(
    private readonly usage: PlanUsage,
    private readonly userId: number,
    private readonly item: Pick<PlanItem, 'id' | 'name'>,
    private readonly periodStart: number,
  ) {}

  async settle(outcome: RelayOutcome, draft: UsageDraft): Promise<SettledCall> {
    if (!this.settled) {
      this.settled = true;
      if (outcome.status === 'error') {
        this.kept = false;
        await this.usage.giveBack(this.userId, this.item.id, this.periodStart);
      }
    }
    if (!this.kept) return { row: { ...draft, cost: 0 }, recorded: false };
    return { row: { ...draft, cost: 0, usage_source: 'plan' }, recorded: false, planItem: this.item.name };
  }
}
