import type { ResolvedKey } from '../accounts/api-keys.js';
import type { TokenUsage } from '../providers/usage.js';

/**
 * The billing seam. The relay core calls `admit` before routing (where billing will check
 * the balance and reserve an estimate) and `settle` exactly once when the call ends,
 * whatever its end (where billing will charge the exact amount and release the rest).
 */
export interface RelayCall {
  requestId: string;
  caller: ResolvedKey;
  model: string;
  endpoint: string;
  stream: boolean;
}

export interface RelayOutcome {
  status: 'success' | 'error' | 'aborted';
  usage: TokenUsage;
  usageSource: 'upstream' | 'estimated' | 'none';
  channelId: number | null;
}

export interface Settlement {
  settle(outcome: RelayOutcome): Promise<void>;
}

export interface RelayAccounting {
  admit(call: RelayCall): Promise<Settlement>;
}

/** Until billing lands, every call is admitted and nothing is charged. */
export const noAccounting: RelayAccounting = {
  async admit() {
    return { async settle() {} };
  },
};
