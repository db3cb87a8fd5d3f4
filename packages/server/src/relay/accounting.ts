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
}

export interface RelayAccounting {
  admit(call: RelayCall): Promise<Settlement>;
}
