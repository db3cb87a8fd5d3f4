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
export function presentedKey(request: FastifyRequest, allowQueryKey: boolean): string | undefined {
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
 * O-6: an address that presents more than `limit` unknown keys in 20 minutes is refused until
 * the window ends, before any lookup, so key guessing cannot flood the database. Keys this node
 * already knows are served without consulting the guard (no extra Kv round trip on the hot
 * path); a guesser has none of those.
 */
export class BadKeyGuard {
  private readonly rule: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    limit: number,
  ) {
    this.rule = { name: 'badkey', limit, windowMs: 20 * 60_000 };
  }

  async check(ip: string): Promise<void> {
    const window = await this.limiter.peek(this.rule, ip);
    if (!window.allowed) {
      throw tooMany('too many invalid API keys from your address', window.retryAfterSec, 'ip_blocked', 'invalid_request_error');
    }
  }

  async failed(ip: string): Promise<void> {
    await this.limiter.hit(this.rule, ip);
  }
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
  let resolved = token.startsWith('sk-') ? keys.cachedKey(token) : undefined;
  if (!resolved) {
    await guard.check(request.ip);
    resolved = token.startsWith('sk-') ? await keys.resolve(token) : undefined;
    if (!resolved) {
      await guard.failed(request.ip);
      throw new AppError(401, 'invalid_api_key', 'incorrect API key provided', 'invalid_request_error');
    }
  }
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
