import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, ROOT_PASSWORD, startTestServer, stopAll, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(stopAll);

describe('system endpoints', () => {
  it('reports status and readiness', async () => {
    const status = await server.api<{ name: string; version: string; uptime_sec: number }>('GET', '/api/status');
    expect(status.status).toBe(200);
    expect(status.body.version).toMatch(/^\d+\.\d+\.\d+/);
    const ready = await server.api<{ status: string; checks: Record<string, string> }>('GET', '/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'ok', cache: 'ok' });
  });

  it('serves an OpenAPI document that lists the management routes', async () => {
    const doc = await server.api<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/keys', '/api/keys/{id}', '/api/admin/channels', '/api/admin/channels/{id}']),
    );
    expect(doc.body.paths['/api/admin/channels']!.post).toMatchObject({ requestBody: { required: true } });
  });

  it('answers unknown routes with JSON, never HTML', async () => {
    const api = await server.api('GET', '/api/nope');
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/nope' } });
    const v1 = await server.api<{ error: { type: string } }>('GET', '/v1/nope');
    expect(v1.status).toBe(404);
    expect(v1.body.error.type).toBe('invalid_request_error');
  });
});

describe('CORS on the relay', () => {
  it('answers preflights and marks /v1 answers, errors included, as readable from any origin', async () => {
    const pre = await fetch(`${server.base}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const denied = await fetch(`${server.base}/v1/models`, { headers: { origin: 'https://app.example', authorization: 'Bearer sk-nope' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
    const api = await fetch(`${server.base}/api/status`, { headers: { origin: 'https://app.example' } });
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('sign-in and sessions', () => {
  it('rejects a wrong password without telling whether the user exists', async () => {
    const wrong = await server.api('POST', '/api/auth/login', { username: 'root', password: 'nope-nope' });
    const ghost = await server.api('POST', '/api/auth/login', { username: 'ghost', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(ghost.status).toBe(401);
    expect(wrong.body).toEqual(ghost.body);
  });

  it('validates the login body', async () => {
    const res = await server.api<{ error: { code: string; message: string } }>('POST', '/api/auth/login', { username: 'root' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('password');
    const bad = await server.api('POST', '/api/auth/login', '{"username":');
    expect(bad.status).toBe(400);
  });

  it('issues a token usable as Bearer and as the httpOnly cookie; logout ends it', async () => {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: ROOT_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain(`sb_session=${encodeURIComponent(token)}`);

    const viaBearer = await server.api<{ username: string; role: string }>('GET', '/api/auth/me', undefined, token);
    expect(viaBearer.body).toMatchObject({ username: 'root', role: 'root' });
    const viaCookie = await fetch(`${server.base}/api/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(viaCookie.status).toBe(200);

    expect((await server.api('POST', '/api/auth/logout', undefined, token)).status).toBe(204);
    expect((await server.api('GET', '/api/auth/me', undefined, token)).status).toBe(401);
  });

  it('signs users in by email too, and keeps them out of admin routes', async () => {
    await createUser(server, 'alice');
    const byEmail = await server.api<{ token: string; user: { role: string } }>('POST', '/api/auth/login', {
      username: 'alice@example.com',
      password: 'user-password-1',
    });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.user.role).toBe('user');
    const admin = await server.api('GET', '/api/admin/channels', undefined, byEmail.body.token);
    expect(admin.status).toBe(403);
    expect((await server.api('GET', '/api/admin/channels')).status).toBe(401);
  });
});
