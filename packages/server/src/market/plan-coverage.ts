import type { Plans } from '../billing/plans/plans.js';
import type { SettingsService } from '../settings/settings-service.js';

/**
 * Which models the user's running subscription pays for (the market's plan badge): the
 * models of its plan's items, while plans are enabled. Nothing for a signed-out caller.
 */
export async function planCoverage(plans: Plans, settings: SettingsService, userId: number | undefined): Promise<(model: string) => boolean> {
  const none = () => false;
  if (userId === undefined || !settings.get('plans').enabled) return none;
  const sub = await plans.subscriptions.active(userId, plans.clock());
  const plan = sub && plans.catalog.get(sub.level);
  return plan ? (model) => plan.itemFor(model) !== undefined : none;
}
