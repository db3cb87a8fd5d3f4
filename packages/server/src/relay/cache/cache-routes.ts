import type { ApiRoutes } from '../../http/api-routes.js';
import type { ResponseCache } from './response-cache.js';

/** Admin API of the response cache (B-7). */
export function registerResponseCacheRoutes(routes: ApiRoutes, cache: ResponseCache): void {
  routes.add({
    method: 'DELETE',
    url: '/api/admin/response-cache',
    summary: 'Drops every stored answer (on every node when Redis is configured). Settings live in /api/admin/settings/response_cache.',
    tag: 'settings',
    access: 'admin',
    status: 204,
    async handler() {
      await cache.flush();
      return undefined;
    },
  });
}
