import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, stopAll, type TestServer } from './harness.js';

/** Headers built from a request never carry its input as written: downloads and CORS preflights. */
let server: TestServer;
let root: string;
beforeAll(async () => {
  server = await startTestServer({ env: { ALLOW_ORIGINS: 'https://chat.example.com' } });
  root = await server.rootToken();
});
afterAll(stopAll);

const exportOf = (batch: string) =>
  fetch(`${server.base}/api/admin/codes/export?batch=${encodeURIComponent(batch)}`, { headers: { authorization: `Bearer ${root}` } });

describe('download headers', () => {
  it('a batch name beyond Latin-1 exports with an RFC 5987 file name, not a 500', async () => {
    const generated = await server.api('POST', '/api/admin/codes', { kind: 'redeem', amount: 1, count: 1, batch: 'Ａ' }, root);
    expect(generated.status).toBe(201);
    const res = await exportOf('Ａ');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="codes-_.csv"; filename*=UTF-8''codes-%EF%BC%A1.csv`);
    expect((await res.text()).trim().split('\r\n')).toHaveLength(2);
  });

  it('a batch name cannot add a second file name', async () => {
    const res = await exportOf('x";filename="evil.html');
    expect(res.status).toBe(200);
    const header = res.headers.get('content-disposition')!;
    expect(header.match(/filename="/g)).toHaveLength(1);
    expect(header).not.toContain('"evil.html"');
  });
});

describe('preflight headers', () => {
  const preflight = (path: string, requested: string) =>
    fetch(server.base + path, {
      method: 'OPTIONS',
      headers: { origin: 'https://chat.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
    });

  it('allow the requested headers when they are a list of header names', async () => {
    expect((await preflight('/v1/chat/completions', 'authorization, x-stainless-os')).headers.get('access-control-allow-headers')).toBe('authorization, x-stainless-os');
    expect((await preflight('/api/auth/login', 'content-type')).headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('never copy anything else the client sent', async () => {
    const odd = 'content-type; x=<script>"';
    expect((await preflight('/v1/chat/completions', odd)).headers.get('access-control-allow-headers')).toBe('*');
    expect((await preflight('/api/auth/login', odd)).headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });
});
