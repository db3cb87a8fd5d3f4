import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { randomId, sha256Hex } from '../crypto/tokens.js';
import type { Kv } from '../kv/kv.js';

/**
 * One-time email codes (U-1): 6 digits from the CSPRNG, valid 10 minutes, one live code per
 * (purpose, address); a new code replaces the old one. The Kv (Redis when configured, so every
 * node agrees) holds only an HMAC of the code, keyed from the deployment SECRET: a 6-digit code
 * under a plain hash would fall to a million guesses by anyone who can read the store.
 *
 * Wrong tries and use are counted with atomic increments on the code's own id, so concurrent
 * guesses cannot exceed MAX_TRIES and a code is accepted at most once however many requests
 * race with it (Chat Nio deleted its codes under a misspelt key, leaving them reusable).
 */
export type CodePurpose = 'register' | 'reset';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_TRIES = 5;

export type CodeCheck = { ok: true } | { ok: false; reason: 'missing' | 'wrong' | 'voided'; triesLeft: number };

interface Stored {
  id: string;
  mac: string;
}

export class EmailCodes {
  private readonly key: Buffer;

  constructor(
    private readonly kv: Kv,
    secret: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'switchboard', 'email-code/v1', 32));
  }

  /** Makes a new code for the address (voiding any earlier one) and returns it, to be mailed. */
  async issue(purpose: CodePurpose, email: string): Promise<string> {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const id = randomId(12);
    const stored: Stored = { id, mac: this.mac(purpose, email, id, code) };
    await this.kv.set(slot(purpose, email), JSON.stringify(stored), CODE_TTL_MS);
    return code;
  }

  /** Checks `code` and, when right, spends it: a second use of the same code is refused. */
  async consume(purpose: CodePurpose, email: string, code: string): Promise<CodeCheck> {
    const key = slot(purpose, email);
    const stored = parse(await this.kv.get(key));
    if (!stored) return { ok: false, reason: 'missing', triesLeft: 0 };
    // Counted before comparing, so parallel guesses each take a try.
    const tries = await this.kv.incr(`otp-tries:${stored.id}`, CODE_TTL_MS);
    if (tries > MAX_TRIES) {
      await this.voidIfCurrent(key, stored.id);
      return { ok: false, reason: 'voided', triesLeft: 0 };
    }
    const expected = Buffer.from(stored.mac, 'hex');
    const given = Buffer.from(this.mac(purpose, email, stored.id, code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      if (tries >= MAX_TRIES) {
        await this.voidIfCurrent(key, stored.id);
        return { ok: false, reason: 'voided', triesLeft: 0 };
      }
      return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - tries };
    }
    // Only the first of any concurrent correct submissions gets 1.
    if ((await this.kv.incr(`otp-used:${stored.id}`, CODE_TTL_MS)) !== 1) return { ok: false, reason: 'missing', triesLeft: 0 };
    await this.voidIfCurrent(key, stored.id);
    return { ok: true };
  }

  private mac(purpose: CodePurpose, email: string, id: string, code: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${email}\n${id}\n${code}`).digest('hex');
  }

  /** Deletes the slot unless a newer code has replaced this one meanwhile. */
  private async voidIfCurrent(key: string, id: string): Promise<void> {
    if (parse(await this.kv.get(key))?.id === id) await this.kv.del(key);
  }
}

/** Addresses are hashed in key names: the store need not hold a list of users' emails. */
function slot(purpose: CodePurpose, email: string): string {
  return `otp:${purpose}:${sha256Hex(email).slice(0, 40)}`;
}

function parse(raw: string | null): Stored | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Stored>;
    return typeof v.id === 'string' && typeof v.mac === 'string' ? { id: v.id, mac: v.mac } : undefined;
  } catch {
    return undefined;
  }
}
