import { describe, expect, it } from 'vitest';
import { ApiError, createApi, unwrap } from './client';

const answer = (status: number, body: string, type = 'application/json') =>
  (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof fetch;

describe('api client', () => {
  it('returns the data of a success', async () => {
    const api = createApi('http://x', answer(200, JSON.stringify({ registration_enabled: true, email_verification_required: false, email_suffixes: [], mail_enabled: false })));
    const options = await unwrap(api.GET('/api/auth/options'));
    expect(options.registration_enabled).toBe(true);
  });

  it("maps the server's error body to status, code and message", async () => {
    const api = createApi('http://x', answer(401, JSON.stringify({ error: { code: 'invalid_credentials', message: 'wrong username/email or password' } })));
    const error = await unwrap(api.POST('/api/auth/login', { body: { username: 'a', password: 'b' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'wrong username/email or password' });
  });

  it("keeps the status of an answer that is not the server's (a proxy's HTML page)", async () => {
    const api = createApi('http://x', answer(502, '<html>Bad Gateway</html>', 'text/html'));
    const error = await unwrap(api.GET('/api/auth/me')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports a request that got no answer as a network error', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const error = await unwrap(createApi('http://x', failing).GET('/api/auth/me')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('sends the session cookie, to the configured base', async () => {
    let seen: Request | undefined;
    const spy = (async (input: Request) => {
      seen = input;
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    await unwrap(createApi('https://api.example.com', spy).GET('/api/billing/balance'));
    expect(seen?.url).toBe('https://api.example.com/api/billing/balance');
    expect(seen?.credentials).toBe('include');
  });
});
