import { createRequire } from 'node:module';
import type * as Undici from 'undici';

/**
 * undici's connection pools without the rest of undici. Its index also loads fetch,
 * WebSocket, EventSource, the cache and the mocks — about 9 MB of resident memory that a
 * relay never uses — so only the three dispatchers and the request API are loaded here.
 * undici is pinned to one minor line in package.json because these are internal paths;
 * the integration suite exercises every one of them.
 */
const require = createRequire(import.meta.url);

const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as { prototype: object };
// What undici's index does to give every dispatcher `.request()`, `.stream()` and friends.
Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js') as object);

export const Pool = require('undici/lib/dispatcher/pool.js') as typeof Undici.Pool;
export const ProxyAgent = require('undici/lib/dispatcher/proxy-agent.js') as typeof Undici.ProxyAgent;
export const Socks5ProxyAgent = require('undici/lib/dispatcher/socks5-proxy-agent.js') as typeof Undici.Socks5ProxyAgent;
