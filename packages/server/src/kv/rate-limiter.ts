import type { Kv } from './kv.js';

/**
 * Fixed-window counters on the Kv: shared by every node when Redis is configured, bounded
 * in memory otherwise. One INCR per hit; the window starts with the first hit.
 */
export interface RateLimit {
  /** Counter name, e.g. "login". */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window ends, for Retry-After (when not allowed). */
  retryAfterSec: number;
}

export class RateLimiter {
  constructor(private readonly kv: Kv) {}

  /** Counts `weight` (default 1) against the rule and says whether the window is still within it. */
  async hit(rule: RateLimit, subject: string, weight = 1): Promise<RateDecision> {
    const window = Math.floor(Date.now() / rule.windowMs);
    const count = await this.kv.incr(`rl:${rule.name}:${subject}:${window}`, rule.windowMs, weight);
    return { allowed: count <= rule.limit, retryAfterSec: retryAfter(rule, window) };
  }

  /** Whether the current window is still within the rule, without counting anything. */
  async peek(rule: RateLimit, subject: string): Promise<RateDecision> {
    const window = Math.floor(Date.now() / rule.windowMs);
    const count = Number((await this.kv.get(`rl:${rule.name}:${subject}:${window}`)) ?? 0);
    return { allowed: count < rule.limit, retryAfterSec: retryAfter(rule, window) };
  }
}

function retryAfter(rule: RateLimit, window: number): number {
  return Math.max(1, Math.ceil(((window + 1) * rule.windowMs - Date.now()) / 1000));
}
