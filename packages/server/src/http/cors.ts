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
export function installApiCors(app: FastifyInstance, allowed: readonly string[]): void {
  // No configured origins: same-origin only, and no hook on any request.
  if (allowed.length === 0) return;
  const set = new Set(allowed);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    reply.header('vary', 'Origin');
    if (!origin) return;
    const normalised = normaliseOrigin(origin);
    if (!normalised || !set.has(normalised)) return;
    reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true');
    if (request.method === 'OPTIONS') {
      return reply
        .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
        .header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? 'authorization, content-type')
        .header('access-control-max-age', '86400')
        .code(204)
        .send();
    }
  });
}
