import { z } from 'zod';
import { serviceAccountAssertion } from './jwt.js';
import type { ServiceAccount } from './service-account.js';

/**
 * OAuth access tokens for service accounts: a signed JWT is exchanged at the account's
 * `token_uri`, and the token is reused until five minutes before it expires, so a busy
 * channel exchanges about once an hour rather than once a request.
 */

export interface ExchangedToken {
  accessToken: string;
  expiresInSec: number;
}

/** Exchanges a signed assertion for a token; injectable so tests need no network. */
export type TokenExchange = (tokenUri: string, assertion: string) => Promise<ExchangedToken>;

/** A failed exchange. Its message carries Google's error code and description, never the assertion. */
export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
  constructor(
    message: string,
    /** HTTP status of the token endpoint, 0 when it could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
}

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const REFRESH_MARGIN_MS = 5 * 60_000;
const EXCHANGE_TIMEOUT_MS = 15_000;

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const errorAnswer = z.object({ error: z.string().optional(), error_description: z.string().optional() });

/**
 * The exchange over Node's built-in fetch. It is not the relay's undici pool: one request
 * an hour per account needs no pooling, and the channel's proxy does not apply to it.
 */
export const fetchTokenExchange: TokenExchange = async (tokenUri, assertion) => {
  let res: Response;
  let text: string;
  try {
    res = await fetch(tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString(),
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
    });
    text = await res.text();
  } catch (err) {
    const reason = (err as { name?: string } | null)?.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new AccessTokenError(`Google token endpoint ${reason}`, 0);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const ok = res.ok ? tokenAnswer.safeParse(json) : undefined;
  if (ok?.success) return { accessToken: ok.data.access_token, expiresInSec: ok.data.expires_in };
  const error = errorAnswer.safeParse(json);
  const detail = error.success ? [error.data.error, error.data.error_description].filter(Boolean).join(': ') : '';
  // Google does not echo the assertion, but an odd proxy might: strip it to be certain.
  const safe = detail.split(assertion).join('[assertion]').slice(0, 300);
  throw new AccessTokenError(`Google token exchange failed: HTTP ${res.status}${safe ? ` ${safe}` : ''}`, res.status);
};

/**
 * Tokens per service account (by client_email). Concurrent callers share one in-flight
 * exchange; a failed exchange is not remembered, so the next call tries again.
 */
export class AccessTokenCache {
  private readonly tokens = new Map<string, { token: string; refreshAt: number }>();
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly exchange: TokenExchange;
  private readonly now: () => number;

  constructor(opts: { exchange?: TokenExchange; now?: () => number } = {}) {
    this.exchange = opts.exchange ?? fetchTokenExchange;
    this.now = opts.now ?? Date.now;
  }

  get(account: ServiceAccount): Promise<string> {
    const key = account.clientEmail;
    const cached = this.tokens.get(key);
    if (cached && this.now() < cached.refreshAt) return Promise.resolve(cached.token);
    let running = this.inflight.get(key);
    if (!running) {
      running = this.mint(account).finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }

  /** Forgets an account's token, e.g. after the upstream rejected it. */
  invalidate(clientEmail: string): void {
    this.tokens.delete(clientEmail);
  }

  private async mint(account: ServiceAccount): Promise<string> {
    const issuedAt = this.now();
    const assertion = serviceAccountAssertion(account, Math.floor(issuedAt / 1000));
    let exchanged: ExchangedToken;
    try {
      exchanged = await this.exchange(account.tokenUri, assertion);
    } catch (err) {
      if (err instanceof AccessTokenError) throw err;
      // Any other exchange's error is rewrapped, with the assertion struck out of its text.
      const text = err instanceof Error ? err.message : String(err);
      throw new AccessTokenError(`Google token exchange failed: ${text.split(assertion).join('[assertion]').slice(0, 300)}`, 0);
    }
    const { accessToken, expiresInSec } = exchanged;
    // Timed from before the exchange, so network delay only makes the refresh earlier.
    this.tokens.set(account.clientEmail, { token: accessToken, refreshAt: issuedAt + expiresInSec * 1000 - REFRESH_MARGIN_MS });
    return accessToken;
  }
}

/** The process-wide cache the Vertex adapter uses by default. */
export const defaultAccessTokens = new AccessTokenCache();
