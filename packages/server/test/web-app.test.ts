import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, stopAll, type TestServer } from './harness.js';

// The web app as the server serves it, from a stand-in build (WEB_DIR) so this does not depend
// on the real one: files, cache headers, the SPA fallback, and the API's own 404s.
const webDir = mkdtempSync(join(tmpdir(), 'sb-web-'));
const indexHtml = '<!doctype html><title>Switchboard</title><div id="root"></div>';
const asset = 'console.log("app")';
const serviceWorker = 'self.addEventListener("fetch", () => {})';
const manifest = '{"name":"Switchboard","start_url":"/"}';

let server: TestServer;
beforeAll(async () => {
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), indexHtml);
  writeFileSync(join(webDir, 'assets', 'index-C0ffee12.js'), asset);
  writeFileSync(join(webDir, 'sw.js'), serviceWorker);
  writeFileSync(join(webDir, 'manifest.webmanifest'), manifest);
  server = await startTestServer({ env: { WEB_DIR: webDir } });
});
afterAll(async () => {
  await stopAll();
  rmSync(webDir, { recursive: true, force: true });
});

const page = (path: string, init: RequestInit = {}) => fetch(server.base + path, { ...init, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...init.headers } });

describe('the web app at /', () => {
  it('serves index.html at /, revalidated on every load', async () => {
    const res = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(indexHtml);
  });

  it('caches the hashed assets for a year', async () => {
    const res = await fetch(`${server.base}/assets/index-C0ffee12.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Sent compressed or not by what the browser accepts (scripts/build.test.ts checks the build's variants).
    expect(res.headers.get('vary')).toBe('accept-encoding');
    expect(await res.text()).toBe(asset);
  });

  it('revalidates the service worker and the manifest on every load: a new deployment replaces them at once', async () => {
    const sw = await fetch(`${server.base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(await sw.text()).toBe(serviceWorker);

    const app = await fetch(`${server.base}/manifest.webmanifest`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toContain('application/manifest+json');
    expect(app.headers.get('cache-control')).toBe('no-cache');
    expect(await app.json()).toEqual({ name: 'Switchboard', start_url: '/' });
  });

  it("answers a page the app's router knows (deep link or reload) with index.html", async () => {
    for (const path of ['/sign-in', '/forgot-password?from=mail', '/c/3f2a/deeper']) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toBe(indexHtml);
    }
  });

  it('keeps a 404 for what is not a page: a missing file, or a request that is not a GET', async () => {
    const image = await fetch(`${server.base}/missing.png`, { headers: { accept: 'image/avif,image/*' } });
    expect(image.status).toBe(404);
    expect(await image.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /missing.png' } });
    const post = await page('/sign-in', { method: 'POST' });
    expect(post.status).toBe(404);
    expect(post.headers.get('content-type')).toContain('application/json');
  });

  it('never shadows /api, /v1 or /v1beta: their 404s stay JSON in their own shape, even for a browser', async () => {
    const api = await page('/api/nope');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/nope' } });

    const v1 = await page('/v1/nope');
    expect(v1.status).toBe(404);
    expect(await v1.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'not_found' } });

    const gemini = await page('/v1beta/nope');
    expect(gemini.status).toBe(404);
    expect(await gemini.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });

    // The router's own answers stay too: a path parameter over 100 characters is a 414.
    const long = await page(`/api/admin/channels/${'p'.repeat(101)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get('content-type')).toContain('application/json');

    const status = await page('/api/status');
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ name: 'Switchboard' });
  });
});
