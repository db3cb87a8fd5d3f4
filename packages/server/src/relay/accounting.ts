import type { RelayCaller } from './relay-caller.js';
import type { NewUsageLog } from '../db/schema.js';
import type { TokenUsage } from '../providers/usage.js';

/**
 * The billing seam. The relay core calls `admit` before routing (billing checks the price
 * and the balance and reserves an estimate; it throws to refuse the call) and `settle`
 * exactly once when the call ends, whatever its end (billing charges the exact amount and
 * releases the rest). Settling also finishes the call's usage row (relay/usage-row.ts builds
 * the draft) and, for a charged call, commits it with the charge.
 */
export interface RelayCall {
  requestId: string;
  caller: RelayCaller;
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

/** A call's usage row as the relay knows it when the call ends: all but the cost, which settling decides. */
export type UsageDraft = Omit<NewUsageLog, 'cost'>;

export interface SettledCall {
  /** The call's usage row, finished: the draft with what was charged (micro-points) and, for a plan use, usage_source 'plan'. */
  row: NewUsageLog;
  /**
   * True when the settlement committed the row itself, in the transaction that moved the
   * money: a charged call's row and its charge are both kept or both lost. False leaves the
   * row to the caller's batched recorder (free and plan-paid calls, and a settlement that
   * found nothing to settle).
   */
  recorded: boolean;
  /** The name of the plan item whose use paid for the call (B-5), for a door that shows it. */
  planItem?: string;
}

/**
 * Why priced rows are written by the settlement and the rest are not: a charge without its row
 * makes the usage views under-report what was spent, so the two must share a transaction, and
 * on the priced path that transaction exists anyway (one more statement in it). A free call has
 * no transaction at its end; giving it one for its row alone would put a database write on every
 * free call, for a row that moves no money. A plan use is taken at admission, before the call,
 * so no settle-time write could make the use and the row atomic; its row stays batched too.
 */
export interface Settlement {
  settle(outcome: RelayOutcome, draft: UsageDraft): Promise<SettledCall>;
}

export interface RelayAccounting {
  admit(call: RelayCall): Promise<Settlement>;
}
