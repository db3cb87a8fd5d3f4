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

  async hit(rule: RateLimit, subject: string): Promise<RateDecision> {
    const window = Math.floor(Date.now() / rule.windowMs);
    const count = await this.kv.incr(`rl:${rule.name}:${subject}:${window}`, rule.windowMs);
    const retryAfterSec = Math.max(1, Math.ceil(((window + 1) * rule.windowMs - Date.now()) / 1000));
    return { allowed: count <= rule.limit, retryAfterSec };
  }
}
