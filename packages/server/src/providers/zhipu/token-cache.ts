import { signZhipuJwt, splitZhipuKey } from './jwt.js';

/** Token lifetime: five minutes, as Chat Nio and Zhipu's own SDKs use. */
const ZHIPU_TOKEN_TTL_MS = 5 * 60_000;
/** A cached token is replaced this long before it expires, so none expires in flight. */
const ZHIPU_TOKEN_MARGIN_MS = 30_000;
/** Channels hold few keys; the bound only guards against a key set that keeps changing. */
const MAX_ENTRIES = 1024;

export interface ZhipuTokenCacheOptions {
  now?: () => number;
  ttlMs?: number;
  marginMs?: number;
}

/**
 * The Bearer credential for a Zhipu key: a JWT for `id.secret` keys, reused until shortly
 * before it expires (a token per request would work too, but would put the JSON and HMAC
 * work on every request), and the key itself for any other key.
 */
export function createZhipuTokenCache(opts: ZhipuTokenCacheOptions = {}): (key: string) => string {
  const now = opts.now ?? Date.now;
  const ttl = opts.ttlMs ?? ZHIPU_TOKEN_TTL_MS;
  const margin = Math.min(opts.marginMs ?? ZHIPU_TOKEN_MARGIN_MS, ttl / 2);
  const cache = new Map<string, { token: string; refreshAt: number }>();
  return (key) => {
    const parts = splitZhipuKey(key);
    if (!parts) return key;
    const t = now();
    const hit = cache.get(key);
    if (hit && t < hit.refreshAt) return hit.token;
    if (!hit && cache.size >= MAX_ENTRIES) {
      for (const [k, v] of cache) if (t >= v.refreshAt) cache.delete(k);
      if (cache.size >= MAX_ENTRIES) cache.clear();
    }
    const token = signZhipuJwt(parts.id, parts.secret, t, ttl);
    cache.set(key, { token, refreshAt: t + ttl - margin });
    return token;
  };
}
