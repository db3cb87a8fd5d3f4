import type { Dispatcher } from 'undici';
import { Pool, ProxyAgent, Socks5ProxyAgent } from './undici-dispatchers.js';

/**
 * One keep-alive connection pool per upstream origin (and per proxy), shared by every
 * request to it. undici's Pool is several times cheaper per request than global fetch.
 */
export interface UpstreamTarget {
  dispatcher: Dispatcher;
  origin: string;
  /** Path prefix of the base URL, e.g. "/v1" for https://api.openai.com/v1. */
  basePath: string;
}

export class UpstreamClients {
  private readonly dispatchers = new Map<string, Dispatcher>();
  /** Parsed targets by `baseUrl proxy`: URL parsing is not free, and the set of channels is small. */
  private readonly targets = new Map<string, UpstreamTarget>();

  constructor(private readonly timeouts: { connectMs: number; headersMs: number; idleMs: number }) {}

  target(baseUrl: string, proxy: string | null): UpstreamTarget {
    const key = `${baseUrl} ${proxy ?? ''}`;
    let target = this.targets.get(key);
    if (!target) {
      target = this.resolve(baseUrl, proxy);
      this.targets.set(key, target);
    }
    return target;
  }

  private resolve(baseUrl: string, proxy: string | null): UpstreamTarget {
    const url = new URL(baseUrl);
    const cacheKey = `${url.origin} ${proxy ?? ''}`;
    let dispatcher = this.dispatchers.get(cacheKey);
    if (!dispatcher) {
      dispatcher = this.create(url.origin, proxy);
      this.dispatchers.set(cacheKey, dispatcher);
    }
    return { dispatcher, origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
  }

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    this.targets.clear();
    await Promise.allSettled(all.map((d) => d.close()));
  }

  private create(origin: string, proxy: string | null): Dispatcher {
    const options = {
      connections: 512,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      headersTimeout: this.timeouts.headersMs,
      bodyTimeout: this.timeouts.idleMs,
      connect: { timeout: this.timeouts.connectMs },
    };
    if (!proxy) return new Pool(origin, options);
    if (/^socks5h?:/i.test(proxy)) {
      const url = new URL(proxy);
      const { connect: _connect, ...poolOptions } = options;
      return new Socks5ProxyAgent(`socks5://${url.host}`, {
        ...poolOptions,
        ...(url.username ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : {}),
      });
    }
    return new ProxyAgent({ uri: proxy, ...options });
  }
}
