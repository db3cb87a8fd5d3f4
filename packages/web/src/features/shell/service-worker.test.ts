import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';

// public/sw.js run in a sandbox with a fake service worker scope: which requests it answers, and
// from where. It is plain JavaScript served as is, so this is its only check.
const source = readFileSync(new URL('../../../public/sw.js', import.meta.url), 'utf8');
const origin = 'https://chat.example';

type Listener = (event: Record<string, unknown>) => void;
type Stored = Map<string, Response>;

function start(network: (url: string) => Promise<Response>) {
  const listeners = new Map<string, Listener>();
  const stores = new Map<string, Stored>();
  const log: string[] = [];
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    const key = (request: string | Request | { url: string }) => new URL(typeof request === 'string' ? request : request.url, origin).href;
    return {
      add: async (request: Request) => void store.set(key(request), await network(key(request))),
      put: async (request: string | Request, response: Response) => void store.set(key(request), response),
      keys: async () => [...store.keys()].map((url) => ({ url })),
      delete: async (request: { url: string }) => store.delete(key(request)),
      match: async (request: string | Request) => store.get(key(request))?.clone(),
    };
  };
  const caches = {
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (request: string | { url: string }, { cacheName }: { cacheName: string }) => (await open(cacheName)).match(request as string),
  };
  const self = {
    location: { origin },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: async () => void log.push('skipWaiting'),
    clients: { claim: async () => void log.push('claim') },
  };
  const fetchFn = (request: { url: string }) => network(request.url);
  // A page's Request resolves '/' against its origin; Node's needs an absolute URL.
  const PageRequest = class {
    url: string;
    constructor(url: string) {
      this.url = new URL(url, origin).href;
    }
  };
  runInNewContext(source, { self, caches, fetch: fetchFn, Request: PageRequest, Response, URL, Promise, console });

  /** Fires an event and waits for everything it asked to wait for; the response, if it took the request. */
  async function dispatch(type: string, fields: Record<string, unknown> = {}): Promise<Response | undefined> {
    const pending: Promise<unknown>[] = [];
    let answer: Promise<Response> | undefined;
    listeners.get(type)!({ ...fields, waitUntil: (p: Promise<unknown>) => pending.push(p), respondWith: (p: Promise<Response>) => (answer = p) });
    const response = answer ? await answer : undefined;
    await Promise.all(pending);
    await Promise.all(pending); // waitUntil called from inside a respondWith
    return response;
  }
  const request = (path: string, { method = 'GET', mode = 'cors', accept = '*/*' } = {}) => ({
    url: new URL(path, origin).href,
    method,
    mode,
    headers: new Headers({ accept }),
  });
  return { dispatch, request, stores, log };
}

const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });

let online = true;
let fetched: string[] = [];
const network = async (url: string) => {
  fetched.push(new URL(url).pathname);
  if (!online) throw new TypeError('Failed to fetch');
  return url.includes('/assets/') ? new Response(`asset ${new URL(url).pathname}`) : html(`page ${fetched.length}`);
};

beforeEach(() => {
  online = true;
  fetched = [];
});

describe('the service worker', () => {
  it('precaches the app shell on install and takes over at once', async () => {
    const sw = start(network);
    await sw.dispatch('install');
    expect(fetched).toEqual(['/']);
    expect([...sw.stores.get('switchboard-shell-v1')!.keys()]).toEqual([`${origin}/`]);
    await sw.dispatch('activate');
    expect(sw.log).toEqual(['skipWaiting', 'claim']);
  });

  it('deletes the caches of older versions on activate, and nobody else’s', async () => {
    const sw = start(network);
    for (const name of ['switchboard-shell-v0', 'switchboard-assets-v0', 'someone-else']) sw.stores.set(name, new Map());
    await sw.dispatch('install');
    await sw.dispatch('activate');
    expect([...sw.stores.keys()].sort()).toEqual(['someone-else', 'switchboard-shell-v1']);
  });

  it('loads pages from the network, and shows the cached shell when offline', async () => {
    const sw = start(network);
    await sw.dispatch('install');
    const fresh = await sw.dispatch('fetch', { request: sw.request('/c/42', { mode: 'navigate', accept: 'text/html' }) });
    expect(await fresh!.text()).toBe('page 2');
    online = false;
    const offline = await sw.dispatch('fetch', { request: sw.request('/settings', { mode: 'navigate', accept: 'text/html' }) });
    expect(await offline!.text()).toBe('page 2'); // the latest page the network gave, kept as the shell
  });

  it('serves hashed assets from the cache once loaded', async () => {
    const sw = start(network);
    const first = await sw.dispatch('fetch', { request: sw.request('/assets/index-C0ffee12.js') });
    expect(await first!.text()).toBe('asset /assets/index-C0ffee12.js');
    online = false;
    const again = await sw.dispatch('fetch', { request: sw.request('/assets/index-C0ffee12.js') });
    expect(await again!.text()).toBe('asset /assets/index-C0ffee12.js');
    expect(fetched).toEqual(['/assets/index-C0ffee12.js']);
  });

  it('never touches the API, streams, writes, other sites or other files', async () => {
    const sw = start(network);
    const untouched = [
      sw.request('/api/conversations'),
      sw.request('/api/chat/events', { accept: 'text/event-stream' }),
      sw.request('/v1/chat/completions', { method: 'POST' }),
      sw.request('/v1beta/models'),
      sw.request('/api/session', { mode: 'navigate', accept: 'text/html' }),
      sw.request('/assets/index-C0ffee12.js', { method: 'POST' }),
      sw.request('/c/1', { mode: 'navigate', accept: 'text/event-stream' }),
      sw.request('https://cdn.example/assets/x.js'),
      sw.request('/manifest.webmanifest'),
      sw.request('/sw.js'),
    ];
    for (const request of untouched) expect(await sw.dispatch('fetch', { request }), `${request.method} ${request.url}`).toBeUndefined();
    expect(fetched).toEqual([]);
  });
});
