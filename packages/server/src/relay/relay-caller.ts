import type { Principal } from '../principal.js';

/**
 * Who a relayed call is for and the limits it carries: an API key's (`/v1`), or a signed-in
 * user of the chat app, who calls without a key (`keyId` null, no key limits; the account's
 * balance, plans and running-call limit still apply).
 */
export interface RelayCaller {
  keyId: number | null;
  user: Principal;
  /** The key's spending cap in micro-points (B-10); null = none. */
  quotaLimit: number | null;
  /** The key's requests and tokens per minute; null = unlimited. */
  rpm: number | null;
  tpm: number | null;
}
