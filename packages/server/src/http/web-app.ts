import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** URL families the server answers itself: an unknown path there is a 404 in that family's JSON shape. */
const serverPrefixes = ['/api', '/v1', '/v1beta', '/dashboard/billing'];

function isServerPath(path: string): boolean {
  return serverPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built web app (packages/web/dist) at `/`. Vite names every file under assets/ by
 * its content hash, so those are cached for a year; index.html is revalidated on every load, so
 * a new deployment reaches browsers at once. Any other GET that asks for a page (a deep link
 * such as /sign-in, or a reload on one) gets index.html and the app's router takes over; API
 * paths and requests that do not accept HTML keep their JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(join(webDir, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(res, path) {
      const hashed = path.startsWith(join(webDir, 'assets'));
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0]!;
    if (isServerPath(path) || !request.headers.accept?.includes('text/html')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
