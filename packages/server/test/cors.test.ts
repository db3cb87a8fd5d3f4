import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startTestServer, stopAll, type TestServer } from './harness.js';

/** O-5: the app API answers browsers only from ALLOW_ORIGINS, matched exactly (www. folded); /v1 stays open. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { ALLOW_ORIGINS: 'https://chat.example.com, http://localhost:5173' } });
});
afterAll(stopAll);

const preflight = (origin: string) =>
  fetch(`${server.base}/api/auth/login`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

describe('CORS on /api', () => {
  it('allows the configured origins, with credentials, folding www.', async () => {
    for (const origin of ['https://chat.example.com', 'https://www.chat.example.com', 'https://CHAT.example.com', 'http://localhost:5173']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
    }
    const status = await fetch(`${server.base}/api/status`, { headers: { origin: 'https://www.chat.example.com' } });
    expect(status.headers.get('access-control-allow-origin')).toBe('https://www.chat.example.com');
    expect(status.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives other origins no CORS headers, including look-alikes a substring match would let in', async () => {
    for (const origin of ['https://evil-chat.example.com', 'https://chat.example.com.evil.net', 'http://chat.example.com', 'http://localhost:3000', 'null']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const status = await fetch(`${server.base}/api/status`, { headers: { origin } });
      expect(status.status).toBe(200); // answered, but the browser will not hand it to the page
      expect(status.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('leaves /v1 open to every origin', async () => {
    const res = await fetch(`${server.base}/v1/models`, { method: 'OPTIONS', headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'GET' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a malformed ALLOW_ORIGINS at start-up, naming the entry', () => {
    expect(() => loadConfig({ ALLOW_ORIGINS: 'https://ok.example, chat.example.com' }, '/tmp')).toThrow(/ALLOW_ORIGINS: "chat.example.com" is not an origin/);
    expect(() => loadConfig({ ALLOW_ORIGINS: 'https://ok.example/app' }, '/tmp')).toThrow(/ALLOW_ORIGINS/);
  });
});
