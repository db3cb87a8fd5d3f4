import { quoted } from '@switchboard/protocol';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyService, ResolvedKey } from '../accounts/api-keys.js';
import { AppError } from '../http/errors.js';
import { tooMany } from '../http/rate-limited.js';
import type { RateLimit, RateLimiter } from '../kv/rate-limiter.js';

/**
 * The key a caller presented, wherever its protocol puts it: `Authorization: Bearer` (OpenAI),
 * `x-api-key` (Anthropic), `x-goog-api-key` or `?key=` (Gemini, on /v1beta only).
 */
function presentedKey(request: FastifyRequest, allowQueryKey: boolean): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  const named = request.headers['x-api-key'] ?? request.headers['x-goog-api-key'];
  if (typeof named === 'string' && named.trim()) return named.trim();
  if (allowQueryKey) {
    const key = (request.query as { key?: unknown } | undefined)?.key;
    if (typeof key === 'string' && key.trim()) return key.trim();
  }
  return undefined;
}

/**
 * While an address is blocked, keys that do not carry this deployment's tag (keys issued before
 * tags, and every guess) are still looked up, but at most this many per minute from that address:
 * an old valid key gets through after a retry or two, and a guesser's flood stays a trickle of
 * indexed reads. A constant: the block itself is what operators tune (`BAD_KEY_LIMIT_PER_20MIN`).
 */
export const BLOCKED_ADDRESS_LOOKUPS: RateLimit = { name: 'badkey-lookup', limit: 10, windowMs: 60_000 };

/**
 * O-6: an address that presents more than `limit` unknown keys in 20 minutes is blocked until the
 * window ends. Its unknown keys then get 429 `ip_blocked`, never 401, so guessing learns nothing;
 * its valid keys must keep working (one bad client behind an office NAT must not shut out the
 * office), so the block refuses answers, not lookups:
 * - keys this node already knows are served without consulting the guard (no extra Kv round trip
 *   on the hot path; a guesser has none of those);
 * - keys carrying the deployment's tag (`KeyTag`) are looked up: a guesser cannot make one, and a
 *   repeated one is looked up once (shared in-flight lookups, brief negative caching);
 * - other keys are looked up within `BLOCKED_ADDRESS_LOOKUPS`.
 */
export class BadKeyGuard {
  private readonly rule: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    limit: number,
  ) {
    this.rule = { name: 'badkey', limit, windowMs: 20 * 60_000 };
  }

  /** The refusal to give this address's unknown keys, or undefined when it is not blocked. */
  async blockOf(ip: string): Promise<AppError | undefined> {
    const window = await this.limiter.peek(this.rule, ip);
    return window.allowed ? undefined : ipBlocked(window.retryAfterSec);
  }

  /** Takes one of a blocked address's untagged lookups, or throws 429 `ip_blocked` when none is left. */
  async spendBlockedLookup(ip: string): Promise<void> {
    const budget = await this.limiter.hit(BLOCKED_ADDRESS_LOOKUPS, ip);
    if (!budget.allowed) throw ipBlocked(budget.retryAfterSec);
  }

  async failed(ip: string): Promise<void> {
    await this.limiter.hit(this.rule, ip);
  }
}

function ipBlocked(retryAfterSec: number): AppError {
  return tooMany('too many invalid API keys from your address', retryAfterSec, 'ip_blocked', 'invalid_request_error');
}

/** A key this node has not cached: looked up within what the bad-key guard allows. */
async function resolveUncached(keys: ApiKeyService, guard: BadKeyGuard, token: string, ip: string): Promise<ResolvedKey> {
  const block = await guard.blockOf(ip);
  if (block) {
    // Not even an `sk-` key: nothing to look up, and nothing more to count.
    if (!token.startsWith('sk-')) throw block;
    if (!keys.carriesTag(token)) await guard.spendBlockedLookup(ip);
    const resolved = await keys.resolve(token);
    // The window is fixed: counting more failures would not lengthen the block.
    if (!resolved) throw block;
    return resolved;
  }
  const resolved = token.startsWith('sk-') ? await keys.resolve(token) : undefined;
  if (!resolved) {
    await guard.failed(ip);
    throw new AppError(401, 'invalid_api_key', 'incorrect API key provided', 'invalid_request_error');
  }
  return resolved;
}

/** Authenticates a /v1 call by its `sk-` key and applies the key's own limits. */
export async function authenticateKey(
  keys: ApiKeyService,
  guard: BadKeyGuard,
  request: FastifyRequest,
  allowQueryKey = false,
): Promise<ResolvedKey> {
  const token = presentedKey(request, allowQueryKey);
  if (!token) {
    throw new AppError(
      401,
      'missing_api_key',
      'no API key provided: send it as "Authorization: Bearer sk-…" (or x-api-key / x-goog-api-key)',
      'invalid_request_error',
    );
  }
  const resolved = (token.startsWith('sk-') ? keys.cachedKey(token) : undefined) ?? (await resolveUncached(keys, guard, token, request.ip));
  if (resolved.status !== 'active') throw new AppError(401, 'api_key_disabled', 'this API key is disabled', 'invalid_request_error');
  if (resolved.expiresAt !== null && resolved.expiresAt <= Date.now()) {
    throw new AppError(401, 'api_key_expired', 'this API key has expired', 'invalid_request_error');
  }
  if (resolved.user.status !== 'active') throw new AppError(403, 'account_banned', 'the account of this API key is banned');
  if (resolved.ipAllowed && !resolved.ipAllowed(request.ip)) {
    throw new AppError(403, 'ip_not_allowed', `this API key may not be used from ${quoted(request.ip)}`);
  }
  return resolved;
}

export function checkModelAllowed(key: ResolvedKey, model: string): void {
  if (key.models && !key.models.has(model)) {
    throw new AppError(403, 'model_not_allowed', `this API key may not use model ${quoted(model)}`);
  }
}
