import type { TokenUsage } from '../providers/usage.js';
import { MAX_BALANCE } from './money.js';

/** A model's price (B-2), in micro-points. */
export type Price =
  | { mode: 'free'; anonymous: boolean }
  | { mode: 'request'; perRequest: number; anonymous: boolean }
  | {
      mode: 'token';
      /** Per `unitTokens` tokens. */
      input: number;
      output: number;
      /** Cache reads; defaults to the input price. */
      cachedInput?: number;
      /** Cache writes (Anthropic prices them above input); defaults to the input price. */
      cacheWrite?: number;
      unitTokens: 1_000 | 1_000_000;
      anonymous: boolean;
    };

/**
 * What a call cost. Token prices are applied to each kind of token separately (plain input,
 * cache reads, cache writes, output) and the total is rounded UP to a whole micro-point once,
 * in exact integer arithmetic (BigInt), so no amount is ever a float.
 */
export function costOf(price: Price, usage: TokenUsage): number {
  if (price.mode === 'free') return 0;
  if (price.mode === 'request') return price.perRequest;
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const writes = Math.min(usage.cacheWriteTokens, usage.promptTokens - cached);
  const plain = usage.promptTokens - cached - writes;
  const total =
    BigInt(plain) * BigInt(price.input) +
    BigInt(cached) * BigInt(price.cachedInput ?? price.input) +
    BigInt(writes) * BigInt(price.cacheWrite ?? price.input) +
    BigInt(usage.completionTokens) * BigInt(price.output);
  const unit = BigInt(price.unitTokens);
  const cost = (total + unit - 1n) / unit;
  // No balance holds more than MAX_BALANCE, so a larger cost is as unpayable as MAX_BALANCE
  // itself: saturate there rather than let Number() round it (it would then be refused as
  // inexact, a 500 instead of "insufficient balance").
  return cost > BigInt(MAX_BALANCE) ? MAX_BALANCE : Number(cost);
}

/**
 * The balance a call needs before it may start (B-3): the per-request price, or what 1K input
 * plus 1K output tokens cost for token pricing. Free models need nothing.
 */
export function minimumBalance(price: Price): number {
  return costOf(price, { promptTokens: 1000, completionTokens: 1000, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
}

/**
 * What to hold for a call before it runs: the estimated prompt plus the most it may answer
 * (`max_tokens`, else 4K tokens), never less than the minimum balance.
 */
export function reservationFor(price: Price, promptTokens: number, maxOutputTokens: number | undefined): number {
  const estimate = costOf(price, { promptTokens, completionTokens: maxOutputTokens ?? 4096, cachedTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  return Math.max(estimate, minimumBalance(price));
}
