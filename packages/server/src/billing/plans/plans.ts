import type { Db } from '../../db/database.js';
import type { InvalidationBus } from '../../kv/invalidation.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { LedgerService } from '../ledger.js';
import { PlanCatalog } from './plan-catalog.js';
import { PlanPayer } from './plan-payer.js';
import { PlanUsage } from './plan-usage.js';
import type { Clock } from './periods.js';
import { SubscriptionService } from './subscriptions.js';

/** The subscription services of one node (B-5), wired together. */
export interface Plans {
  catalog: PlanCatalog;
  usage: PlanUsage;
  subscriptions: SubscriptionService;
  /** For RelayBilling: a plan use pays before points. */
  payer: PlanPayer;
  clock: Clock;
}

export async function startPlans(deps: { db: Db; bus: InvalidationBus; ledger: LedgerService; settings: SettingsService; clock?: Clock }): Promise<Plans> {
  const clock = deps.clock ?? Date.now;
  const catalog = new PlanCatalog(deps.db, deps.bus);
  await catalog.start();
  const usage = new PlanUsage(deps.db);
  const subscriptions = new SubscriptionService(deps.db, deps.ledger, catalog, usage, deps.settings, clock);
  return { catalog, usage, subscriptions, payer: new PlanPayer(deps.settings, catalog, subscriptions, usage, clock), clock };
}
