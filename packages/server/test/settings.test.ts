import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createUser, startTestServer, stopAll, type TestDatabase, type TestServer } from './harness.js';

/** Runtime settings: admins read every section and patch one; bad input changes nothing; they survive a restart. */
let server: TestServer;
let root: string;

beforeAll(async () => {
  server = await startTestServer();
  root = await server.rootToken();
});
const shared: TestDatabase[] = [];
afterAll(async () => {
  await stopAll();
  for (const db of shared) await db.drop();
});

interface AllSettings {
  registration: { enabled: boolean; email_verification: boolean; email_suffixes: string[]; signup_grant: number };
  response_cache: { preset: string; models: string[]; ttl_sec: number; size: number };
}

describe('runtime settings', () => {
  it('starts from the defaults and patches only the fields given', async () => {
    const before = await server.api<AllSettings>('GET', '/api/admin/settings', undefined, root);
    expect(before.status).toBe(200);
    expect(before.body.registration).toEqual({ enabled: true, email_verification: true, email_suffixes: [], signup_grant: 0 });
    expect(before.body.response_cache).toMatchObject({ preset: 'none', models: [], size: 1 });

    const patched = await server.api<AllSettings['registration']>(
      'PATCH',
      '/api/admin/settings/registration',
      { email_suffixes: ['Gmail.com'], signup_grant: 5_000_000 },
      root,
    );
    expect(patched.status).toBe(200);
    // `enabled` was not sent, so it keeps its value instead of falling back to a default.
    expect(patched.body).toEqual({ enabled: true, email_verification: true, email_suffixes: ['gmail.com'], signup_grant: 5_000_000 });
    await server.api('PATCH', '/api/admin/settings/registration', { enabled: false }, root);
    const after = await server.api<AllSettings>('GET', '/api/admin/settings', undefined, root);
    expect(after.body.registration).toEqual({ enabled: false, email_verification: true, email_suffixes: ['gmail.com'], signup_grant: 5_000_000 });
    expect(server.ctx.settings.get('registration').enabled).toBe(false);
  });

  it('refuses bad values and unknown fields with 400 and changes nothing', async () => {
    const before = await server.api<AllSettings>('GET', '/api/admin/settings', undefined, root);
    for (const body of [{ size: 0 }, { preset: 'some' }, { ttl_sec: 'long' }, { colour: 'blue' }]) {
      const res = await server.api<{ error: { code: string; message: string } }>('PATCH', '/api/admin/settings/response_cache', body, root);
      expect(res.status).toBe(400);
      expect(res.body.error.message.length).toBeGreaterThan(0);
    }
    const after = await server.api<AllSettings>('GET', '/api/admin/settings', undefined, root);
    expect(after.body).toEqual(before.body);
  });

  it('is for administrators only', async () => {
    const user = await createUser(server, 'settings-reader');
    expect((await server.api('GET', '/api/admin/settings', undefined, user)).status).toBe(403);
    expect((await server.api('PATCH', '/api/admin/settings/plans', { enabled: true }, user)).status).toBe(403);
  });

  it('is kept in the database: another node on it starts with the changed values', async () => {
    const database = await createTestDatabase();
    shared.push(database);
    const first = await startTestServer({ database });
    await first.api('PATCH', '/api/admin/settings/response_cache', { preset: 'free', ttl_sec: 120 }, await first.rootToken());
    const second = await startTestServer({ database });
    expect(second.ctx.settings.get('response_cache')).toMatchObject({ preset: 'free', ttl_sec: 120, size: 1 });
  });
});
