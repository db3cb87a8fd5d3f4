import type { FastifyInstance } from 'fastify';
import { normaliseOrigin } from '../origins.js';

/**
 * O-5: CORS for the management and app API (`/api`), for a web app served from another origin.
 * Only the configured origins are allowed, compared exactly after normalising (scheme and host
 * lower-cased, default port dropped, a leading `www.` folded), never by substring as Chat Nio did
 * (`evil-example.com` contained `example.com`). An allowed origin may send credentials. A
 * request from any other origin gets no CORS headers, so the browser keeps its answer from the
 * page. `/v1` is open to every origin and handled by its own routes.
 */
/** An Origin header as browsers send it: scheme, host, optional port, nothing else. */
const ORIGIN_SYNTAX = /^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** A comma-separated list of header names (RFC 9110 tokens), as Access-Control-Request-Headers holds. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:[ \t]*,[ \t]*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/**
 * The headers a preflight may allow: the ones the browser asked for when they are a plain list
 * of header names, else `fallback`. Whatever else a client sends is never copied into a header.
 */
export function allowedRequestHeaders(requested: string | undefined, fallback: string): string {
  return requested !== undefined && requested.length <= 2000 && HEADER_LIST.test(requested) ? requested : fallback;
}

export function installApiCors(app: FastifyInstance, allowed: readonly string[]): void {
  // No configured origins: same-origin only, and no hook on any request.
  if (allowed.length === 0) return;
  const set = new Set(allowed);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    reply.header('vary', 'Origin');
    if (!origin || !ORIGIN_SYNTAX.test(origin)) return;
    const normalised = normaliseOrigin(origin);
    if (!normalised || !set.has(normalised)) return;
    reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true');
    if (request.method === 'OPTIONS') {
      return reply
        .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
        .header('access-control-allow-headers', allowedRequestHeaders(request.headers['access-control-request-headers'], 'authorization, content-type'))
        .header('access-control-max-age', '86400')
        .code(204)
        .send();
    }
  });
}
