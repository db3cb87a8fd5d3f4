import { randomId } from '../crypto/tokens.js';
import { tooMany } from '../http/rate-limited.js';
import type { Kv } from '../kv/kv.js';

/**
 * Per-account limit on password checks, on top of the per-address `LOGIN_LIMIT`: many addresses
 * guessing one account get `freeFailures` checks, then one check per growing delay. The delay is
 * short by design (capped at `maxDelayMs`), so a stranger who knows a username can hold its owner
 * off for at most that long at a time, never for the length of a window. Constants, like the
 * per-address sign-in limit they sit beside.
 */
const ACCOUNT_SIGN_IN_LIMIT = {
  /** Failed checks allowed before any delay. */
  freeFailures: 5,
  /** The delay after the last free failure; it doubles with every further failed check. */
  firstDelayMs: 1000,
  maxDelayMs: 60_000,
  /** Failures are forgotten this long after the last one (or at once by a successful sign-in). */
  memoryMs: 15 * 60_000,
};

export type SignInLimit = typeof ACCOUNT_SIGN_IN_LIMIT;

/**
 * Once the free failures are used up: no check before `until`, then one check, which the
 * attempt holding `turn` takes. A new `turn` is written with every change, so a turn is
 * taken at most once.
 */
interface Lock {
  failures: number;
  until: number;
  turn: string;
}

/** The outcome of one admitted password check; exactly one of these is called. */
export interface AdmittedCheck {
  /** The password was right: the account's failures are forgotten. */
  succeeded(): Promise<void>;
  failed(): Promise<void>;
  /** The check did not finish (an error): it is not held against the account. */
  abandoned(): Promise<void>;
}

/**
 * Counts in the Kv, so every node shares the counts when Redis is configured. Each admission
 * takes its slot with an atomic increment before the (slow) password check, so parallel
 * attempts cannot all slip in before the first failure is counted.
 */
export class SignInThrottle {
  constructor(
    private readonly kv: Kv,
    private readonly clock: () => number = Date.now,
    private readonly limit: SignInLimit = ACCOUNT_SIGN_IN_LIMIT,
  ) {}

  /**
   * Admits one password check for `account` (an opaque, bounded subject: the same for every
   * spelling of one account), or throws 429 with Retry-After without any check being made.
   */
  async admit(account: string): Promise<AdmittedCheck> {
    const keys = keysOf(account);
    const lock = parseLock(await this.kv.get(keys.lock));
    if (lock) {
      const wait = lock.until - this.clock();
      if (wait > 0) throw refused(wait);
      // The delay is over: one check may run; the others wait for its outcome.
      const taken = await this.kv.incr(`${keys.turn}:${lock.turn}`, this.limit.memoryMs);
      if (taken > 1) throw refused(this.limit.firstDelayMs);
      return this.check(keys, lock);
    }
    const claim = await this.kv.incr(keys.claims, this.limit.memoryMs);
    // Past the free checks, yet no lock: some of them are still running and will write it.
    if (claim > this.limit.freeFailures) throw refused(this.limit.firstDelayMs);
    return this.check(keys, undefined);
  }

  private check(keys: Keys, lock: Lock | undefined): AdmittedCheck {
    return {
      succeeded: async () => {
        await Promise.all([this.kv.del(keys.lock), this.kv.del(keys.claims), this.kv.del(keys.failures)]);
      },
      failed: async () => {
        const failures = lock ? lock.failures + 1 : await this.kv.incr(keys.failures, this.limit.memoryMs);
        if (failures >= this.limit.freeFailures) await this.writeLock(keys, failures, this.clock() + this.delayAfter(failures));
      },
      abandoned: async () => {
        if (lock) await this.writeLock(keys, lock.failures, lock.until);
        else await this.kv.incr(keys.claims, this.limit.memoryMs, -1);
      },
    };
  }

  /** 1 s after the last free failure, doubling with each further one, never above the cap. */
  private delayAfter(failures: number): number {
    const doublings = Math.min(failures - this.limit.freeFailures, 30);
    return Math.min(this.limit.maxDelayMs, this.limit.firstDelayMs * 2 ** doublings);
  }

  private async writeLock(keys: Keys, failures: number, until: number): Promise<void> {
    const lock: Lock = { failures, until, turn: randomId(9) };
    await this.kv.set(keys.lock, JSON.stringify(lock), this.limit.memoryMs);
  }
}

interface Keys {
  lock: string;
  turn: string;
  claims: string;
  failures: string;
}

function keysOf(account: string): Keys {
  const base = `signin:${account}`;
  return { lock: `${base}:lock`, turn: `${base}:turn`, claims: `${base}:claims`, failures: `${base}:failures` };
}

function parseLock(raw: string | null): Lock | undefined {
  if (!raw) return undefined;
  const value = JSON.parse(raw) as Partial<Lock>;
  if (typeof value.failures !== 'number' || typeof value.until !== 'number' || typeof value.turn !== 'string') return undefined;
  return { failures: value.failures, until: value.until, turn: value.turn };
}

function refused(waitMs: number) {
  // The same answer whether or not the account exists: the limit is keyed before anything is checked.
  return tooMany('too many failed sign-ins for this account', Math.max(1, Math.ceil(waitMs / 1000)));
}
