import type { ResolvedKey } from '../accounts/api-keys.js';
import type { TokenUsage } from '../providers/usage.js';

/**
 * The billing seam. The relay core calls `admit` before routing (billing checks the price
 * and the balance and reserves an estimate; it throws to refuse the call) and `settle`
 * exactly once when the call ends, whatever its end (billing charges the exact amount and
 * releases the rest).
 */
export interface RelayCall {
  requestId: string;
  caller: ResolvedKey;
  model: string;
  endpoint: string;
  stream: boolean;
  /** A cheap upper-side guess of the prompt's tokens (from the body size), for the reservation. */
  estimatedPromptTokens: number;
  /** The caller's output limit (`max_tokens` …), when it set one. */
  maxOutputTokens: number | undefined;
  /** True for API calls (/v1, /v1beta), false for the chat app's: API calls use plans only when `plans.relay_uses_plans` is on. */
  viaApi: boolean;
}

export interface RelayOutcome {
  status: 'success' | 'error' | 'aborted';
  usage: TokenUsage;
  usageSource: 'upstream' | 'estimated' | 'none';
  channelId: number | null;
}

export interface Settlement {
  /** Resolves to what the call was charged, in micro-points. */
  settle(outcome: RelayOutcome): Promise<number>;
  /**
   * True when a subscription use (B-5) pays for the call instead of points; the usage row then
   * reads usage_source 'plan'. Settling a failed call gives the use back and clears it.
   */
  readonly planUse?: boolean;
}

export interface RelayAccounting {
  admit(call: RelayCall): Promise<Settlement>;
}
