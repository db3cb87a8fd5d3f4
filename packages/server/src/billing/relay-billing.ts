import { quoted } from '@switchboard/protocol';
import { AppError } from '../http/errors.js';
import type { RelayAccounting, RelayCall, RelayOutcome, SettledCall, Settlement, UsageDraft } from '../relay/accounting.js';
import type { LedgerService } from './ledger.js';
import type { PlanPayer } from './plans/plan-payer.js';
import { pointsText } from './money.js';
import type { PriceService } from './price-service.js';
import { costOf, minimumBalance, reservationFor, type Price } from './pricing.js';
import type { ReservationService } from './reservations.js';

/** A free call (free model, or an administrator on an unpriced one): no money, so its row goes through the batch. */
const FREE: Settlement = { settle: async (_outcome, draft) => ({ row: { ...draft, cost: 0 }, recorded: false }) };

/**
 * Relay billing (B-2, B-3, B-4). Before routing: the model must have a price (administrators
 * may use unpriced models, free), the balance must cover the minimum, and an estimate is
 * reserved atomically. After the call, the reservation settles exactly once at the exact
 * cost of what was delivered: nothing for a failed call, the delivered tokens for an
 * aborted stream, one charge whatever the retries. With plans on (B-5), a use of the caller's
 * subscription pays instead when one applies (billing/plans/plan-payer.ts).
 */
export class RelayBilling implements RelayAccounting {
  constructor(
    private readonly prices: PriceService,
    private readonly ledger: LedgerService,
    private readonly reservations: ReservationService,
    /** Subscriptions (B-5): a plan use pays before points. */
    private readonly plans?: PlanPayer,
  ) {}

  async admit(call: RelayCall): Promise<Settlement> {
    const price = this.prices.priceOf(call.model);
    const admin = call.caller.user.role === 'admin' || call.caller.user.role === 'root';
    if (price?.mode === 'free' || (!price && admin)) return FREE;
    // A plan use first (B-5); a plan item may also cover a model that has no price. Nothing
    // after this refuses the call, so a use is never taken for a call that does not run.
    const planUse = await this.plans?.pay(call);
    if (planUse) return planUse;
    if (!price) {
      throw new AppError(403, 'model_price_not_set', `the price of model ${quoted(call.model)} is not set; ask an administrator to price it`);
    }
    const userId = call.caller.user.id;
    const minimum = minimumBalance(price);
    const wanted = reservationFor(price, call.estimatedPromptTokens, call.maxOutputTokens);
    // A capped key (B-10) counts the reservation against its cap too.
    const keyId = (call.caller.quotaLimit !== null ? call.caller.keyId : null) ?? undefined;
    let amount = wanted;
    let held = await this.reservations.reserve(userId, call.requestId, amount, keyId);
    // Less than the estimate but at least the minimum: hold all the balance and the key's cap allow.
    for (let tries = 0; !held.ok && tries < 2; tries++) {
      const allowed = held.reason === 'key_quota_exceeded' ? held.remaining : held.reason === 'insufficient_balance' ? held.balance : 0;
      if (allowed < minimum || allowed >= amount) break;
      amount = allowed;
      held = await this.reservations.reserve(userId, call.requestId, amount, keyId);
    }
    if (!held.ok && held.reason === 'key_quota_exceeded') {
      throw new AppError(
        402,
        'key_quota_exceeded',
        `this API key's spending cap leaves ${pointsText(held.remaining)} points, below the ${pointsText(minimum)} points model ${quoted(call.model)} needs`,
        'insufficient_quota',
      );
    }
    if (!held.ok) {
      const balance = held.reason === 'insufficient_balance' ? held.balance : await this.ledger.balance(userId);
      throw new AppError(
        402,
        'insufficient_balance',
        `your balance (${pointsText(balance)} points) is below the ${pointsText(minimum)} points model ${quoted(call.model)} needs`,
        'insufficient_quota',
      );
    }
    return { settle: (outcome, draft) => this.settle(call.requestId, price, outcome, draft) };
  }

  /** The charge and the call's usage row in one transaction, so a crash keeps both or neither. */
  private async settle(requestId: string, price: Price, outcome: RelayOutcome, draft: UsageDraft): Promise<SettledCall> {
    const settled = await this.reservations.settle(requestId, chargeFor(price, outcome), { usage: draft });
    // Nothing to settle (the reservation was already released): no money moved, and the row is the batch's.
    return settled.usage ? { row: settled.usage, recorded: true } : { row: { ...draft, cost: 0 }, recorded: false };
  }
}

/** What a finished call costs: nothing when it failed, what was delivered when it was aborted. */
function chargeFor(price: Price, outcome: RelayOutcome): number {
  if (outcome.status === 'error') return 0; // an upstream failure is not the caller's to pay

  if (price.mode === 'request' && outcome.status !== 'success' && outcome.usage.completionTokens === 0) return 0;
  return costOf(price, outcome.usage);
}

