import type { RelayCaller } from './relay-caller.js';
import type { AppError } from '../http/errors.js';
import { tooMany } from '../http/rate-limited.js';
import type { RateLimiter } from '../kv/rate-limiter.js';

const MINUTE = 60_000;

/** What a call holds while it runs; `end` gives it back and counts its tokens against the key's TPM. */
export interface CallPermit {
  end(tokens: number): void;
}

const UNLIMITED: CallPermit = { end() {} };

/**
 * The limits a call must pass before routing (B-10): the key's requests and tokens per
 * minute (fixed one-minute windows on the Kv, so shared by every node when Redis is
 * configured), and the number of calls one user may have running at once on this node.
 * A key without limits, under an unlimited deployment, costs nothing here.
 */
export class CallLimits {
  private readonly running = new Map<number, number>();

  constructor(
    private readonly limiter: RateLimiter,
    /** Calls one user may run at once on one node; 0 = unlimited. */
    private readonly maxConcurrentPerUser: number,
  ) {}

  async admit(caller: RelayCaller): Promise<CallPermit> {
    const { rpm, tpm } = caller;
    if (rpm === null && tpm === null && this.maxConcurrentPerUser === 0) return UNLIMITED;
    const subject = String(caller.keyId);
    if (tpm !== null) {
      // Tokens are known only when a call ends, so the window is checked here and charged at the end.
      const window = await this.limiter.peek({ name: 'tpm', limit: tpm, windowMs: MINUTE }, subject);
      if (!window.allowed) throw limited(`this API key allows ${tpm} tokens per minute`, window.retryAfterSec);
    }
    if (rpm !== null) {
      const window = await this.limiter.hit({ name: 'rpm', limit: rpm, windowMs: MINUTE }, subject);
      if (!window.allowed) throw limited(`this API key allows ${rpm} requests per minute`, window.retryAfterSec);
    }
    const userId = caller.user.id;
    if (this.maxConcurrentPerUser > 0) {
      const now = this.running.get(userId) ?? 0;
      if (now >= this.maxConcurrentPerUser) {
        throw limited(`at most ${this.maxConcurrentPerUser} calls of one account may run at once`, 1, 'too_many_concurrent_requests');
      }
      this.running.set(userId, now + 1);
    }
    let ended = false;
    return {
      end: (tokens) => {
        if (ended) return;
        ended = true;
        if (this.maxConcurrentPerUser > 0) {
          const left = (this.running.get(userId) ?? 1) - 1;
          if (left > 0) this.running.set(userId, left);
          else this.running.delete(userId);
        }
        if (tpm !== null && tokens > 0) void this.limiter.hit({ name: 'tpm', limit: tpm, windowMs: MINUTE }, subject, tokens).catch(() => {});
      },
    };
  }
}

function limited(message: string, retryAfterSec: number, code = 'rate_limited'): AppError {
  return tooMany(message, retryAfterSec, code, 'rate_limit_exceeded');
}
