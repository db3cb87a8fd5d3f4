import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { startTestServer, stopAll, type TestServer } from './harness.js';

/**
 * User accounts (U-1, U-2, S-1, O-6) against a real SMTP server: registration with mailed codes,
 * password reset and change, administrators' user management, and the per-address limits.
 * Every response this file sees is kept and checked for secrets at the end.
 */
const POINT = 1_000_000;
const SMTP_USER = 'mailer';
const SMTP_PASSWORD = 'smtp-Pa55word-never-shown';

interface Mail {
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
let smtpPort: number;
const mails: Mail[] = [];
/** Server with mail (codes required by default). */
let mailed: TestServer;
/** Server without SMTP_URL. */
let plain: TestServer;
let root: string;
let plainRoot: string;
const seen: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) return callback(null, { user: auth.username });
      return callback(new Error('535 authentication failed'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  mailed = await startTestServer({
    env: {
      TRUST_PROXY: 'true',
      SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Switchboard Test <noreply@example.com>',
      SITE_NAME: 'TestSite',
    },
  });
  plain = await startTestServer({ env: { TRUST_PROXY: 'true' } });
  root = await mailed.rootToken();
  plainRoot = await plain.rootToken();
});
afterAll(async () => {
  await stopAll();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

let ipCounter = 0;
/** Each test acts from its own client address (TRUST_PROXY), so per-address limits stay per test. */
const freshIp = () => `198.51.${100 + Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

async function call<T = { error?: { code: string; message: string } }>(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  opts: { ip?: string; token?: string } = {},
): Promise<Answer<T>> {
  const res = await fetch(server.base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      'x-forwarded-for': opts.ip ?? freshIp(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

type Session = { token: string; expires_at: number; user: { id: number; username: string; role: string; group: string } };

const errorCode = (a: Answer<unknown>) => (a.body as { error?: { code?: string } } | undefined)?.error?.code;

async function waitForMail(to: string, after = 0): Promise<Mail> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const mail = mails.slice(after).find((m) => m.to.includes(to.toLowerCase()));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail reached ${to}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function codeIn(mail: Mail): string {
  const match = /Your code: (\d{6})/.exec(mail.raw);
  if (!match) throw new Error(`no code in mail:\n${mail.raw}`);
  return match[1]!;
}

/** Asks for a code and reads it out of the mail that arrives. */
async function mailedCode(email: string, purpose: 'register' | 'reset', ip = freshIp()): Promise<string> {
  const before = mails.length;
  const res = await call(mailed, 'POST', '/api/auth/email-code', { email, purpose }, { ip });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return codeIn(await waitForMail(email, before));
}

async function setRegistration(server: TestServer, token: string, patch: Record<string, unknown>): Promise<void> {
  const res = await call(server, 'PATCH', '/api/admin/settings/registration', patch, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function register(server: TestServer, body: Record<string, unknown>, ip = freshIp()) {
  return call<Session & { error?: { code: string; message: string } }>(server, 'POST', '/api/auth/register', body, { ip });
}

async function login(server: TestServer, username: string, password: string) {
  return call<Session>(server, 'POST', '/api/auth/login', { username, password });
}

const me = (server: TestServer, token: string) => call<{ id: number; role: string }>(server, 'GET', '/api/auth/me', undefined, { token });

describe('registration options', () => {
  it('tells the web app whether codes are needed, depending on SMTP and the setting', async () => {
    const withMail = await call(mailed, 'GET', '/api/auth/options');
    expect(withMail.body).toEqual({ registration_enabled: true, email_verification_required: true, email_suffixes: [], mail_enabled: true });
    const without = await call(plain, 'GET', '/api/auth/options');
    expect(without.body).toEqual({ registration_enabled: true, email_verification_required: false, email_suffixes: [], mail_enabled: false });
    await setRegistration(mailed, root, { email_verification: false });
    expect((await call<{ email_verification_required: boolean }>(mailed, 'GET', '/api/auth/options')).body.email_verification_required).toBe(false);
    await setRegistration(mailed, root, { email_verification: true });
  });
});

describe('registration with a mailed code', () => {
  it('registers with the code from the mail, signs in, and allows login by email', async () => {
    const email = 'alice@example.com';
    const ip = freshIp();
    const noCode = await register(mailed, { username: 'alice', email, password: 'alice-password' }, ip);
    expect(noCode.status).toBe(400);
    expect(errorCode(noCode)).toBe('code_required');

    const before = mails.length;
    const asked = await call(mailed, 'POST', '/api/auth/email-code', { email: 'Alice@Example.com', purpose: 'register' }, { ip });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ expires_in_sec: 600, resend_after_sec: 60 });
    const mail = await waitForMail(email, before);
    expect(mail.raw).toContain('Subject: TestSite | Verification code');
    expect(mail.raw).toContain('noreply@example.com');
    expect(mail.raw).toContain('text/html');
    const code = codeIn(mail);

    const res = await register(mailed, { username: 'alice', email: 'ALICE@example.com', password: 'alice-password', code }, ip);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'alice', role: 'user', group: 'normal' });
    expect(res.headers.get('set-cookie')).toContain('sb_session=');
    expect((await me(mailed, res.body.token)).status).toBe(200);

    const byEmail = await login(mailed, 'Alice@Example.COM', 'alice-password');
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.user.username).toBe('alice');
    const row = await mailed.ctx.db.kysely.selectFrom('users').select('email').where('username', '=', 'alice').executeTakeFirstOrThrow();
    expect(row.email).toBe('alice@example.com');
  });

  it('refuses a second code mail to one address within a minute', async () => {
    await mailedCode('cooldown@example.com', 'register');
    const again = await call(mailed, 'POST', '/api/auth/email-code', { email: 'cooldown@example.com', purpose: 'register' });
    expect(again.status).toBe(429);
    expect(errorCode(again)).toBe('code_recently_sent');
    const wait = Number(again.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it('voids a code after five wrong tries', async () => {
    const email = 'guesser@example.com';
    const code = await mailedCode(email, 'register');
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await register(mailed, { username: 'guesser', email, password: 'guesser-password', code: wrong(code) }, ip));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.map(errorCode)).toEqual(Array(5).fill('invalid_code'));
    expect(answers[0]!.body.error!.message).toContain('4 tries left');
    const right = await register(mailed, { username: 'guesser', email, password: 'guesser-password', code }, ip);
    expect(right.status).toBe(400);
    expect(errorCode(right)).toBe('invalid_code');
    expect(await mailed.ctx.users.byUsername('guesser')).toBeUndefined();
  });

  it('accepts a code once', async () => {
    const created = await call(mailed, 'POST', '/api/admin/users', { username: 'once', email: 'once@example.com', password: 'once-password' }, { token: root });
    expect(created.status).toBe(201);
    const code = await mailedCode('once@example.com', 'reset');
    const first = await call(mailed, 'POST', '/api/auth/reset-password', { email: 'once@example.com', code, password: 'new-password-1' });
    expect(first.status).toBe(204);
    const second = await call(mailed, 'POST', '/api/auth/reset-password', { email: 'once@example.com', code, password: 'new-password-2' });
    expect(second.status).toBe(400);
    expect(errorCode(second)).toBe('invalid_code');
    expect((await login(mailed, 'once', 'new-password-1')).status).toBe(200);
    expect((await login(mailed, 'once', 'new-password-2')).status).toBe(401);
  });
});

describe('registration rules', () => {
  it('registers without a code when SMTP is not configured, and refuses to send or reset by mail', async () => {
    const res = await register(plain, { username: 'nomail', email: 'nomail@example.com', password: 'nomail-password' });
    expect(res.status).toBe(201);
    const code = await call(plain, 'POST', '/api/auth/email-code', { email: 'nomail@example.com', purpose: 'reset' });
    expect(code.status).toBe(503);
    expect(errorCode(code)).toBe('mail_disabled');
    const reset = await call(plain, 'POST', '/api/auth/reset-password', { email: 'nomail@example.com', code: '123456', password: 'whatever-123' });
    expect(reset.status).toBe(503);
  });

  it('accepts only whitelisted email domains', async () => {
    await setRegistration(plain, plainRoot, { email_suffixes: ['example.com', '@school.edu'] });
    try {
      const options = await call<{ email_suffixes: string[] }>(plain, 'GET', '/api/auth/options');
      expect(options.body.email_suffixes).toEqual(['example.com', 'school.edu']);
      const refused = await register(plain, { username: 'outsider', email: 'outsider@other.org', password: 'outsider-password' });
      expect(refused.status).toBe(403);
      expect(errorCode(refused)).toBe('email_domain_not_allowed');
      expect((await register(plain, { username: 'student', email: 'student@school.edu', password: 'student-password' })).status).toBe(201);
      // Look-alike domains do not pass.
      expect((await register(plain, { username: 'sneaky', email: 'sneaky@evilexample.com', password: 'sneaky-password' })).status).toBe(403);
    } finally {
      await setRegistration(plain, plainRoot, { email_suffixes: [] });
    }
    await setRegistration(mailed, root, { email_suffixes: ['example.com'] });
    try {
      const code = await call(mailed, 'POST', '/api/auth/email-code', { email: 'x@other.org', purpose: 'register' });
      expect(code.status).toBe(403);
      expect(errorCode(code)).toBe('email_domain_not_allowed');
    } finally {
      await setRegistration(mailed, root, { email_suffixes: [] });
    }
  });

  it('refuses registration when it is closed; administrators can still create users', async () => {
    await setRegistration(plain, plainRoot, { enabled: false });
    try {
      expect((await call<{ registration_enabled: boolean }>(plain, 'GET', '/api/auth/options')).body.registration_enabled).toBe(false);
      const refused = await register(plain, { username: 'latecomer', email: 'late@example.com', password: 'late-password' });
      expect(refused.status).toBe(403);
      expect(errorCode(refused)).toBe('registration_closed');
      const created = await call(plain, 'POST', '/api/admin/users', { username: 'latecomer', email: 'late@example.com', password: 'late-password' }, { token: plainRoot });
      expect(created.status).toBe(201);
      expect((await login(plain, 'latecomer', 'late-password')).status).toBe(200);
    } finally {
      await setRegistration(plain, plainRoot, { enabled: true });
    }
    await setRegistration(mailed, root, { enabled: false });
    try {
      const code = await call(mailed, 'POST', '/api/auth/email-code', { email: 'late@example.com', purpose: 'register' });
      expect(code.status).toBe(403);
      expect(errorCode(code)).toBe('registration_closed');
    } finally {
      await setRegistration(mailed, root, { enabled: true });
    }
  });

  it('credits the signup grant through the ledger', async () => {
    await setRegistration(plain, plainRoot, { signup_grant: 5 * POINT });
    try {
      const res = await register(plain, { username: 'granted', email: 'granted@example.com', password: 'granted-password' });
      expect(res.status).toBe(201);
      const balance = await call<{ balance: number }>(plain, 'GET', '/api/billing/balance', undefined, { token: res.body.token });
      expect(balance.body.balance).toBe(5 * POINT);
      const ledger = await call<{ data: Array<{ kind: string; amount: number; balance_after: number }> }>(plain, 'GET', '/api/billing/ledger', undefined, {
        token: res.body.token,
      });
      expect(ledger.body.data).toEqual([expect.objectContaining({ kind: 'signup', amount: 5 * POINT, balance_after: 5 * POINT })]);
      expect(await plain.ctx.ledger.ledgerSum(res.body.user.id)).toBe(5 * POINT);
    } finally {
      await setRegistration(plain, plainRoot, { signup_grant: 0 });
    }
    const ungranted = await register(plain, { username: 'ungranted', email: 'ungranted@example.com', password: 'ungranted-password' });
    expect(await plain.ctx.ledger.balance(ungranted.body.user.id)).toBe(0);
  });

  it('refuses taken usernames (whatever their case) and emails with 409, and bad input with 400', async () => {
    expect((await register(plain, { username: 'Bob', email: 'bob@example.com', password: 'bob-password' })).status).toBe(201);
    const sameName = await register(plain, { username: 'bob', email: 'bob2@example.com', password: 'bob-password' });
    expect(sameName.status).toBe(409);
    expect(errorCode(sameName)).toBe('username_taken');
    const sameEmail = await register(plain, { username: 'bobby', email: 'BOB@example.com', password: 'bob-password' });
    expect(sameEmail.status).toBe(409);
    expect(errorCode(sameEmail)).toBe('email_taken');
    for (const body of [
      { username: 'ab', email: 'ab@example.com', password: 'long-enough' },
      { username: 'has space', email: 'sp@example.com', password: 'long-enough' },
      { username: 'x@y', email: 'xy@example.com', password: 'long-enough' },
      { username: 'shortpw', email: 'shortpw@example.com', password: 'short' },
      { username: 'noemail', email: 'not-an-email', password: 'long-enough' },
    ]) {
      const res = await register(plain, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('lets exactly one of several parallel registrations of one username succeed', async () => {
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => register(plain, { username: 'racer', email: `racer${i}@example.com`, password: 'racer-password' }, ip)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map(errorCode)).toEqual(Array(7).fill('username_taken'));
    const rows = await plain.ctx.db.kysely.selectFrom('users').select('id').where('username', '=', 'racer').execute();
    expect(rows).toHaveLength(1);
  });

  it('treats names that differ only in case as one, even when registered at the same moment, and signs in whatever the case', async () => {
    const ip = freshIp();
    const names = ['Casey', 'casey', 'CASEY', 'cAsEy', 'caseY', 'CAsey'];
    const results = await Promise.all(
      names.map((username, i) => register(plain, { username, email: `casey${i}@example.com`, password: 'casey-password' }, ip)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map(errorCode)).toEqual(Array(names.length - 1).fill('username_taken'));
    const rows = await plain.ctx.db.kysely.selectFrom('users').select('username').where('email', 'like', 'casey%').execute();
    expect(rows).toHaveLength(1);
    const login = await plain.api<{ user: { username: string } }>('POST', '/api/auth/login', { username: 'CASEY', password: 'casey-password' });
    expect(login.status).toBe(200);
    expect(login.body.user.username).toBe(rows[0]!.username);
  });
});

describe('passwords', () => {
  it('resets a password by mailed code and ends every session of the account', async () => {
    const created = await call(mailed, 'POST', '/api/admin/users', { username: 'forgetful', email: 'forgetful@example.com', password: 'old-password' }, { token: root });
    expect(created.status).toBe(201);
    const s1 = (await login(mailed, 'forgetful', 'old-password')).body.token;
    const s2 = (await login(mailed, 'forgetful@example.com', 'old-password')).body.token;
    for (const s of [s1, s2]) expect((await me(mailed, s)).status).toBe(200); // both cached on this node now

    // An unknown address gets the same answer, and no mail.
    const before = mails.length;
    const unknown = await call(mailed, 'POST', '/api/auth/email-code', { email: 'nobody@example.com', purpose: 'reset' });
    const known = await call(mailed, 'POST', '/api/auth/email-code', { email: 'forgetful@example.com', purpose: 'reset' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const code = codeIn(await waitForMail('forgetful@example.com', before));
    expect(mails.slice(before).some((m) => m.to.includes('nobody@example.com'))).toBe(false);
    expect(mails.slice(before).find((m) => m.to.includes('forgetful@example.com'))!.raw).toContain('Password reset code');

    const reset = await call(mailed, 'POST', '/api/auth/reset-password', { email: 'forgetful@example.com', code, password: 'brand-new-password' });
    expect(reset.status).toBe(204);
    expect((await me(mailed, s1)).status).toBe(401);
    expect((await me(mailed, s2)).status).toBe(401);
    expect((await login(mailed, 'forgetful', 'old-password')).status).toBe(401);
    expect((await login(mailed, 'forgetful', 'brand-new-password')).status).toBe(200);
  });

  it('changes a password, ending every other session but not the current one', async () => {
    await register(plain, { username: 'changer', email: 'changer@example.com', password: 'first-password' });
    const current = (await login(plain, 'changer', 'first-password')).body.token;
    const other = (await login(plain, 'changer', 'first-password')).body.token;
    expect((await me(plain, other)).status).toBe(200); // cached on this node now

    const wrongCurrent = await call(plain, 'POST', '/api/auth/change-password', { current_password: 'not-it', new_password: 'second-password' }, { token: current });
    expect(wrongCurrent.status).toBe(403);
    expect(errorCode(wrongCurrent)).toBe('wrong_password');
    expect((await me(plain, other)).status).toBe(200);

    const changed = await call(plain, 'POST', '/api/auth/change-password', { current_password: 'first-password', new_password: 'second-password' }, { token: current });
    expect(changed.status).toBe(204);
    expect((await me(plain, current)).status).toBe(200);
    expect((await me(plain, other)).status).toBe(401);
    expect((await login(plain, 'changer', 'first-password')).status).toBe(401);
    expect((await login(plain, 'changer', 'second-password')).status).toBe(200);
  });
});

interface UserView {
  id: number;
  username: string;
  email: string | null;
  role: string;
  group: string;
  status: string;
  balance: number;
  created_at: number;
}

describe('user management', () => {
  it('lists, searches and pages users with their balance, and creates users with an opening grant', async () => {
    const created = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'Listed_One', email: 'listed1@example.com', password: 'listed-password', grant: 3 * POINT, group: 'pro' }, { token: plainRoot });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'Listed_One', email: 'listed1@example.com', role: 'user', group: 'pro', status: 'active', balance: 3 * POINT });
    await call(plain, 'POST', '/api/admin/users', { username: 'listed-two', email: 'listed2@example.com', password: 'listed-password' }, { token: plainRoot });
    await call(plain, 'POST', '/api/admin/users', { username: 'percent%', password: 'listed-password' }, { token: plainRoot }).then((r) => expect(r.status).toBe(400));

    const search = await call<{ data: UserView[]; total: number }>(plain, 'GET', '/api/admin/users?search=LISTED', undefined, { token: plainRoot });
    expect(search.body.total).toBe(2);
    expect(search.body.data.map((u) => u.username)).toEqual(['listed-two', 'Listed_One']);
    expect(search.body.data[1]!.balance).toBe(3 * POINT);
    // `_` is a LIKE wildcard; searched literally it matches only the name that has one.
    const literal = await call<{ data: UserView[]; total: number }>(plain, 'GET', '/api/admin/users?search=d_o', undefined, { token: plainRoot });
    expect(literal.body.data.map((u) => u.username)).toEqual(['Listed_One']);
    const byEmail = await call<{ data: UserView[] }>(plain, 'GET', '/api/admin/users?search=listed2%40', undefined, { token: plainRoot });
    expect(byEmail.body.data.map((u) => u.username)).toEqual(['listed-two']);

    const page = await call<{ data: UserView[]; total: number; page: number; page_size: number }>(plain, 'GET', '/api/admin/users?page=2&page_size=1&search=listed', undefined, { token: plainRoot });
    expect(page.body).toMatchObject({ total: 2, page: 2, page_size: 1 });
    expect(page.body.data.map((u) => u.username)).toEqual(['Listed_One']);

    const one = await call<UserView>(plain, 'GET', `/api/admin/users/${created.body.id}`, undefined, { token: plainRoot });
    expect(one.body).toMatchObject({ id: created.body.id, username: 'Listed_One', balance: 3 * POINT });
    expect((await call(plain, 'GET', '/api/admin/users/999999', undefined, { token: plainRoot })).status).toBe(404);
    expect(await plain.ctx.ledger.ledgerSum(created.body.id)).toBe(3 * POINT);

    const user = (await login(plain, 'listed-two', 'listed-password')).body.token;
    expect((await call(plain, 'GET', '/api/admin/users', undefined, { token: user })).status).toBe(403);
  });

  it('changes email and group; a taken email is refused', async () => {
    const a = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'edit-a', email: 'edit-a@example.com', password: 'edit-password' }, { token: plainRoot });
    await call(plain, 'POST', '/api/admin/users', { username: 'edit-b', email: 'edit-b@example.com', password: 'edit-password' }, { token: plainRoot });
    const changed = await call<UserView>(plain, 'PATCH', `/api/admin/users/${a.body.id}`, { email: 'Edit-A2@Example.com', group: 'basic' }, { token: plainRoot });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email: 'edit-a2@example.com', group: 'basic' });
    const token = (await login(plain, 'edit-a', 'edit-password')).body.token;
    expect((await call<{ group: string }>(plain, 'GET', '/api/auth/me', undefined, { token })).body.group).toBe('basic');
    const taken = await call(plain, 'PATCH', `/api/admin/users/${a.body.id}`, { email: 'edit-b@example.com' }, { token: plainRoot });
    expect(taken.status).toBe(409);
    expect(errorCode(taken)).toBe('email_taken');
    expect((await call(plain, 'PATCH', `/api/admin/users/${a.body.id}`, { balance: 5 }, { token: plainRoot })).status).toBe(400);
  });

  it('a ban ends sessions and stops API keys at once; an unban restores the keys', async () => {
    const created = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'troublemaker', email: 'tm@example.com', password: 'tm-password' }, { token: plainRoot });
    const session = (await login(plain, 'troublemaker', 'tm-password')).body.token;
    const key = await call<{ key: string }>(plain, 'POST', '/api/keys', { name: 'k' }, { token: session });
    expect(key.status).toBe(201);
    expect((await call(plain, 'GET', '/v1/models', undefined, { token: key.body.key })).status).toBe(200); // cached now

    const banned = await call<UserView>(plain, 'PATCH', `/api/admin/users/${created.body.id}`, { status: 'banned' }, { token: plainRoot });
    expect(banned.body.status).toBe('banned');
    expect((await me(plain, session)).status).toBe(401);
    const refused = await call(plain, 'GET', '/v1/models', undefined, { token: key.body.key });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('account_banned');
    const loginBanned = await login(plain, 'troublemaker', 'tm-password');
    expect(loginBanned.status).toBe(403);

    await call(plain, 'PATCH', `/api/admin/users/${created.body.id}`, { status: 'active' }, { token: plainRoot });
    expect((await call(plain, 'GET', '/v1/models', undefined, { token: key.body.key })).status).toBe(200);
    expect((await me(plain, session)).status).toBe(401); // ended sessions stay ended
    expect((await login(plain, 'troublemaker', 'tm-password')).status).toBe(200);
  });

  it('keeps administrator accounts and roles for root, and nobody can ban or demote themselves', async () => {
    const admin = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'deputy', password: 'deputy-password', role: 'admin' }, { token: plainRoot });
    expect(admin.status).toBe(201);
    const other = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'deputy2', password: 'deputy-password', role: 'admin' }, { token: plainRoot });
    const plainUser = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'citizen', password: 'citizen-password' }, { token: plainRoot });
    const deputy = (await login(plain, 'deputy', 'deputy-password')).body.token;
    const rootId = (await me(plain, plainRoot)).body.id;

    const makeAdmin = await call(plain, 'POST', '/api/admin/users', { username: 'deputy3', password: 'deputy-password', role: 'admin' }, { token: deputy });
    expect(makeAdmin.status).toBe(403);
    expect((await call(plain, 'PATCH', `/api/admin/users/${plainUser.body.id}`, { role: 'admin' }, { token: deputy })).status).toBe(403);
    expect((await call(plain, 'PATCH', `/api/admin/users/${other.body.id}`, { status: 'banned' }, { token: deputy })).status).toBe(403);
    expect((await call(plain, 'PATCH', `/api/admin/users/${rootId}`, { status: 'banned' }, { token: deputy })).status).toBe(403);
    expect((await call(plain, 'PATCH', `/api/admin/users/${rootId}`, { password: 'taken-over-1' }, { token: deputy })).status).toBe(403);
    expect((await call(plain, 'PATCH', `/api/admin/users/${plainUser.body.id}`, { status: 'banned' }, { token: deputy })).status).toBe(200);

    const selfBan = await call(plain, 'PATCH', `/api/admin/users/${rootId}`, { status: 'banned' }, { token: plainRoot });
    expect(selfBan.status).toBe(403);
    expect(errorCode(selfBan)).toBe('cannot_change_self');
    expect((await call(plain, 'PATCH', `/api/admin/users/${rootId}`, { role: 'user' }, { token: plainRoot })).status).toBe(403);

    // Root hands out and takes back the admin role; the change applies to open sessions at once.
    expect((await call(plain, 'PATCH', `/api/admin/users/${admin.body.id}`, { role: 'user' }, { token: plainRoot })).status).toBe(200);
    expect((await call(plain, 'GET', '/api/admin/users', undefined, { token: deputy })).status).toBe(403);
    expect((await call(plain, 'PATCH', `/api/admin/users/${admin.body.id}`, { role: 'admin' }, { token: plainRoot })).status).toBe(200);
    expect((await call(plain, 'GET', '/api/admin/users', undefined, { token: deputy })).status).toBe(200);
  });

  it('never leaves the site without an active root, even when two roots demote each other at once', async () => {
    // Through the API a root cannot demote itself, so the last root is reachable only by a race
    // between two roots; the service is driven directly so both changes really run together.
    const rootId = (await me(plain, plainRoot)).body.id;
    expect(await plain.ctx.users.update(rootId, { status: 'banned' })).toEqual({ ok: false, reason: 'last_root' });
    const second = await call<UserView>(plain, 'POST', '/api/admin/users', { username: 'coroot', password: 'coroot-password', role: 'root' }, { token: plainRoot });
    expect(second.status).toBe(201);
    const results = await Promise.all([
      plain.ctx.users.update(second.body.id, { role: 'admin' }),
      plain.ctx.users.update(rootId, { role: 'admin' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'last_root')).toHaveLength(1);
    const roots = await plain.ctx.db.kysely.selectFrom('users').select('id').where('role', '=', 'root').where('status', '=', 'active').execute();
    expect(roots).toHaveLength(1);
    // Put root back for any later test.
    if (Number(roots[0]!.id) !== rootId) expect((await plain.ctx.users.update(rootId, { role: 'root' })).ok).toBe(true);
    expect((await me(plain, plainRoot)).body.role).toBe('root');
  });
});

describe('rate limits', () => {
  it('limits registrations, code mails and reset attempts per client address with 429 and Retry-After', async () => {
    expect((await register(plain, { username: 'limited', email: 'limited@example.com', password: 'limit-password' })).status).toBe(201);
    const ip = freshIp();
    const regs = [];
    for (let i = 0; i < 11; i++) regs.push(await register(plain, { username: 'Limited', email: `limit${i}@example.com`, password: 'limit-password' }, ip));
    expect(regs.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(409));
    expect(regs[10]!.status).toBe(429);
    expect(Number(regs[10]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(regs[10]!.body.error!.message).toMatch(/try again in \d+ s/);
    // Another address is not affected.
    expect((await register(plain, { username: 'limited', email: 'limit@example.com', password: 'limit-password' })).status).toBe(409);

    const codeIp = freshIp();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push(await call(mailed, 'POST', '/api/auth/email-code', { email: `nobody${i}@example.com`, purpose: 'reset' }, { ip: codeIp }));
    expect(codes.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(codes[5]!.headers.get('retry-after'))).toBeGreaterThan(0);

    const resetIp = freshIp();
    const resets = [];
    for (let i = 0; i < 11; i++) resets.push(await call(mailed, 'POST', '/api/auth/reset-password', { email: 'nobody@example.com', code: '000000', password: 'whatever-123' }, { ip: resetIp }));
    expect(resets.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(400));
    expect(resets[10]!.status).toBe(429);
  });
});

describe('secrets', () => {
  it('reports a mail failure without the SMTP password, and config errors do not echo SMTP_URL', async () => {
    const broken = await startTestServer({ env: { TRUST_PROXY: 'true', SMTP_URL: `smtp://${SMTP_USER}:wrong-${SMTP_PASSWORD}@127.0.0.1:${smtpPort}` } });
    const res = await call(broken, 'POST', '/api/auth/email-code', { email: 'fail@example.com', purpose: 'register' });
    expect(res.status).toBe(502);
    expect(errorCode(res)).toBe('mail_failed');
    // The failed send does not hold the address's one-minute slot.
    expect((await call(broken, 'POST', '/api/auth/email-code', { email: 'fail@example.com', purpose: 'register' })).status).toBe(502);

    let message = '';
    try {
      loadConfig({ SMTP_URL: `http://${SMTP_USER}:${SMTP_PASSWORD}@mail.example.com` }, process.cwd());
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('SMTP_URL: must be smtp://');
    expect(message).not.toContain(SMTP_PASSWORD);
  });

  it('never shows a password hash or the SMTP password in any response', async () => {
    // Views that carry user rows, to be sure they are among what was seen.
    await call(mailed, 'GET', '/api/admin/users?page_size=100', undefined, { token: root });
    await call(mailed, 'GET', '/api/admin/users/1', undefined, { token: root });
    await call(mailed, 'GET', '/api/admin/settings', undefined, { token: root });
    const openapi = await call<{ paths: Record<string, unknown> }>(mailed, 'GET', '/api/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/admin/users/{id}']));
    expect(seen.length).toBeGreaterThan(100);
    const all = seen.join('\n');
    expect(all).not.toContain('$argon2');
    expect(all).not.toContain('password_hash');
    expect(all).not.toContain(SMTP_PASSWORD);
    expect(all).not.toContain(encodeURIComponent(SMTP_PASSWORD));
  });
});
