// The offline shell (hand-written; registered by features/shell/register-service-worker.ts).
// Pages: network first, the cached app shell when offline. /assets/: cache first (Vite hashes
// their names, so a cached file never goes stale). Everything else, and above all the API, its
// event streams and any request that is not a GET, goes to the network untouched.
/* global self, caches */

const version = 'v1';
const shellCache = `switchboard-shell-${version}`;
const assetCache = `switchboard-assets-${version}`;
/** Hashed files of past deployments pile up; the oldest beyond this many are dropped. */
const maxAssets = 80;
const serverPaths = /^\/(api|v1|v1beta|dashboard\/billing)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shellCache)
      .then((cache) => cache.add(new Request('/', { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const current = [shellCache, assetCache];
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('switchboard-') && !current.includes(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** How a request is answered: 'page', 'asset', or null for the network alone. */
function strategy(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || serverPaths.test(url.pathname)) return null;
  if ((request.headers.get('accept') || '').includes('text/event-stream')) return null;
  if (request.mode === 'navigate') return 'page';
  if (url.pathname.startsWith('/assets/')) return 'asset';
  return null;
}

/** Every page is the same index.html (the app routes itself): the latest one is kept as the shell. */
async function page(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const copy = response.clone();
      event.waitUntil(caches.open(shellCache).then((cache) => cache.put('/', copy)));
    }
    return response;
  } catch (error) {
    const shell = await caches.match('/', { cacheName: shellCache });
    if (shell) return shell;
    throw error;
  }
}

async function asset(event) {
  const request = event.request;
  const cached = await caches.match(request, { cacheName: assetCache });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(
      caches.open(assetCache).then(async (cache) => {
        await cache.put(request, copy);
        const keys = await cache.keys();
        await Promise.all(keys.slice(0, Math.max(0, keys.length - maxAssets)).map((key) => cache.delete(key)));
      }),
    );
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const how = strategy(event.request);
  if (how === 'page') event.respondWith(page(event));
  else if (how === 'asset') event.respondWith(asset(event));
});
