import type { FastifyRequest } from 'fastify';
import type { ApiKeyService, ResolvedKey } from '../accounts/api-keys.js';
import { AppError } from '../http/errors.js';

/** Authenticates a /v1 call by its `sk-` key and applies the key's own limits. */
export async function authenticateKey(keys: ApiKeyService, request: FastifyRequest): Promise<ResolvedKey> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token) {
    throw new AppError(401, 'missing_api_key', 'no API key provided: send it as "Authorization: Bearer sk-…"', 'invalid_request_error');
  }
  const resolved = token.startsWith('sk-') ? await keys.resolve(token) : undefined;
  if (!resolved) throw new AppError(401, 'invalid_api_key', 'incorrect API key provided', 'invalid_request_error');
  if (resolved.status !== 'active') throw new AppError(401, 'api_key_disabled', 'this API key is disabled', 'invalid_request_error');
  if (resolved.expiresAt !== null && resolved.expiresAt <= Date.now()) {
    throw new AppError(401, 'api_key_expired', 'this API key has expired', 'invalid_request_error');
  }
  if (resolved.user.status !== 'active') throw new AppError(403, 'account_banned', 'the account of this API key is banned');
  if (resolved.ipAllowed && !resolved.ipAllowed(request.ip)) {
    throw new AppError(403, 'ip_not_allowed', `this API key may not be used from ${request.ip}`);
  }
  return resolved;
}

export function checkModelAllowed(key: ResolvedKey, model: string): void {
  if (key.models && !key.models.has(model)) {
    throw new AppError(403, 'model_not_allowed', `this API key may not use model "${model}"`);
  }
}
