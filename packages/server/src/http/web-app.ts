import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** URL families the server answers itself: an unknown path there is a 404 in that family's JSON shape. */
const serverPrefixes = ['/api', '/v1', '/v1beta', '/dashboard/billing'];

function isServerPath(path: string): boolean {
  return serverPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Whether webDir holds a built web app (packages/web/dist after `npm run build`). */
export function hasWebApp(webDir: string): boolean {
  return existsSync(join(webDir, 'index.html'));
}

/**
 * Serves the built web app's files at `/`. Vite names every file under assets/ by its content
 * hash, so those are cached for a year; every other file (index.html, sw.js, the manifest, the
 * icons) is revalidated on every load, so a new deployment reaches browsers at once, and a new
 * service worker is found on the next visit. Text files go out brotli- or gzip-compressed when the
 * browser accepts it, from the variants the build wrote.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    // The build writes .br and .gz beside each text file (packages/web/precompress.ts): sent as
    // they are to a browser that accepts them, compressed once at build time instead of never.
    preCompressed: true,
    setHeaders(res, path) {
      const hashed = path.startsWith(join(webDir, 'assets'));
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      // The same URL is sent compressed or not by what the browser accepts: caches must keep both.
      res.setHeader('vary', 'accept-encoding');
    },
  });
}

/**
 * The not-found handler's first try: a GET that asks for a page (a deep link such as /sign-in,
 * or a reload on one) gets index.html and the app's router takes over. API paths and requests
 * that do not accept HTML are left to the JSON 404 (undefined). It runs only where no route
 * matched, so the router's own answers (a path parameter too long: 414) stay as they are.
 */
export function servePage(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const path = request.url.split('?', 1)[0]!;
  if (isServerPath(path) || !request.headers.accept?.includes('text/html')) return undefined;
  return reply.code(200).header('cache-control', 'no-cache').sendFile('index.html');
}
