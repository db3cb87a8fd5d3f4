import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, ROOT_PASSWORD, startTestServer, stopAll, type TestServer } from './harness.js';

let server: TestServer;
/** The time the per-account delays are measured in; the tests move it instead of waiting. */
let now = Date.now();
beforeAll(async () => {
  // Behind a trusted proxy the client address comes from X-Forwarded-For, which lets this
  // test act as several clients.
  server = await startTestServer({ env: { TRUST_PROXY: 'true' }, signInClock: () => now });
});
afterAll(stopAll);

/** A fresh address for every attempt, so the per-address limit never decides. */
let addresses = 0;
const nextAddress = () => {
  addresses++;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
};

const login = (username: string, password: string, ip = nextAddress()) =>
  fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password }),
  });

const USER_PASSWORD = 'user-password-1';

async function statuses(username: string, password: string, count: number): Promise<number[]> {
  const out = [];
  for (let i = 0; i < count; i++) out.push((await login(username, `${password}-${i}`)).status);
  return out;
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('sign-in rate limit per address', () => {
  it('refuses an address after 10 attempts, even with the right password, and leaves others alone', async () => {
    // Ten different names, so the per-account limit never decides.
    for (let i = 0; i < 10; i++) expect((await login(`someone-${i}`, `guess-${i}`, '203.0.113.7')).status).toBe(401);
    const blocked = await login('root', ROOT_PASSWORD, '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorCode(blocked)).toBe('too_many_attempts');
    expect((await login('root', ROOT_PASSWORD, '198.51.100.1')).status).toBe(200);
  });
});

describe('sign-in limit per account', () => {
  it('checks only the first 5 of 40 wrong passwords from 40 addresses; the owner waits out a short delay', async () => {
    await createUser(server, 'guessed');
    const outcomes = await statuses('guessed', 'wrong', 40);
    expect(outcomes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(outcomes.slice(5)).toEqual(Array(35).fill(429));

    const refused = await login('guessed', USER_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await errorCode(refused)).toBe('too_many_attempts');

    now += 1000;
    expect((await login('guessed', USER_PASSWORD)).status).toBe(200);
    // The success forgot the failures: five free checks again.
    expect(await statuses('guessed', 'wrong-again', 6)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('doubles the delay with each further failed check, up to 60 s, and refuses everything in between', async () => {
    await createUser(server, 'persistent');
    expect(await statuses('persistent', 'wrong', 5)).toEqual([401, 401, 401, 401, 401]);
    const delays = [];
    for (let i = 0; i < 9; i++) {
      const refused = await login('persistent', 'still-wrong');
      expect(refused.status).toBe(429);
      const delay = Number(refused.headers.get('retry-after'));
      delays.push(delay);
      now += delay * 1000 - 1;
      expect((await login('persistent', USER_PASSWORD)).status).toBe(429);
      now += 1;
      expect((await login('persistent', `wrong-after-${i}`)).status).toBe(401);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    now += 60_000;
    expect((await login('persistent', USER_PASSWORD)).status).toBe(200);
  });

  it('counts the username and the email of one account together, and leaves other accounts alone', async () => {
    await createUser(server, 'twofaced');
    await createUser(server, 'bystander');
    expect(await statuses('twofaced', 'wrong', 3)).toEqual([401, 401, 401]);
    expect(await statuses('TwoFaced@Example.com', 'wrong', 2)).toEqual([401, 401]);
    expect((await login('TWOFACED', USER_PASSWORD)).status).toBe(429);
    expect((await login('bystander', 'wrong')).status).toBe(401);
    expect((await login('bystander', USER_PASSWORD)).status).toBe(200);
  });

  it('treats an unknown username exactly like a known one', async () => {
    expect(await statuses('Nobody-Here', 'wrong', 7)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await login('nobody-here', 'any');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('lets only 5 of 20 parallel guesses be checked', async () => {
    await createUser(server, 'stampeded');
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => login('stampeded', `parallel-${i}`).then((r) => r.status)));
    expect(outcomes.filter((s) => s === 401)).toHaveLength(5);
    expect(outcomes.filter((s) => s === 429)).toHaveLength(15);
  });
});
