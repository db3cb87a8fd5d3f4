import { AppError } from '../http/errors.js';
import type { RelayAccounting, RelayCall, RelayOutcome, Settlement } from '../relay/accounting.js';
import type { LedgerService } from './ledger.js';
import { MICRO_PER_POINT } from './money.js';
import type { PriceService } from './price-service.js';
import { costOf, minimumBalance, reservationFor, type Price } from './pricing.js';
import type { ReservationService } from './reservations.js';

const FREE: Settlement = { settle: async () => 0 };

/**
 * Relay billing (B-2, B-3, B-4). Before routing: the model must have a price (administrators
 * may use unpriced models, free), the balance must cover the minimum, and an estimate is
 * reserved atomically. After the call, the reservation settles exactly once at the exact
 * cost of what was delivered: nothing for a failed call, the delivered tokens for an
 * aborted stream, one charge whatever the retries.
 */
export class RelayBilling implements RelayAccounting {
  constructor(
    private readonly prices: PriceService,
    private readonly ledger: LedgerService,
    private readonly reservations: ReservationService,
  ) {}

  async admit(call: RelayCall): Promise<Settlement> {
    const price = this.prices.priceOf(call.model);
    const admin = call.caller.user.role === 'admin' || call.caller.user.role === 'root';
    if (!price) {
      if (admin) return FREE;
      throw new AppError(403, 'model_price_not_set', `the price of model "${call.model}" is not set; ask an administrator to price it`);
    }
    if (price.mode === 'free') return FREE;
    const userId = call.caller.user.id;
    const minimum = minimumBalance(price);
    const wanted = reservationFor(price, call.estimatedPromptTokens, call.maxOutputTokens);
    let held = await this.reservations.reserve(userId, call.requestId, wanted);
    if (!held.ok && held.reason === 'insufficient_balance' && held.balance >= minimum) {
      // Less than the estimate but at least the minimum: hold everything there is.
      held = await this.reservations.reserve(userId, call.requestId, held.balance);
    }
    if (!held.ok) {
      const balance = held.reason === 'insufficient_balance' ? held.balance : await this.ledger.balance(userId);
      throw new AppError(
        402,
        'insufficient_balance',
        `your balance (${points(balance)} points) is below the ${points(minimum)} points model "${call.model}" needs`,
        'insufficient_quota',
      );
    }
    return { settle: (outcome) => this.settle(call.requestId, price, outcome) };
  }

  private async settle(requestId: string, price: Price, outcome: RelayOutcome): Promise<number> {
    const settled = await this.reservations.settle(requestId, chargeFor(price, outcome));
    return settled.charged;
  }
}

/** What a finished call costs: nothing when it failed, what was delivered when it was aborted. */
export function chargeFor(price: Price, outcome: RelayOutcome): number {
  if (outcome.status === 'error') return 0; // an upstream failure is not the caller's to pay

  if (price.mode === 'request' && outcome.status !== 'success' && outcome.usage.completionTokens === 0) return 0;
  return costOf(price, outcome.usage);
}

function points(micro: number): string {
  return (micro / MICRO_PER_POINT).toFixed(6).replace(/\.?0+$/, '');
}
