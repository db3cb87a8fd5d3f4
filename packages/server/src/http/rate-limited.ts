import type { RateLimit, RateLimiter } from '../kv/rate-limiter.js';
import { AppError } from './errors.js';

/** 429 with Retry-After, the message ending with the wait: every limit answers the same way. */
export function tooMany(message: string, retryAfterSec: number, code = 'too_many_attempts', type?: string): AppError {
  return new AppError(429, code, `${message}; try again in ${retryAfterSec} s`, type, { 'retry-after': String(retryAfterSec) });
}

/** Counts one attempt against `rule` for `subject`; past the limit, `tooMany(message)`. */
export async function enforce(limiter: RateLimiter, rule: RateLimit, subject: string, message: string): Promise<void> {
  const decision = await limiter.hit(rule, subject);
  if (!decision.allowed) throw tooMany(message, decision.retryAfterSec);
}
