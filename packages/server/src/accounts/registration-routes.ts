import { quoted } from '@switchboard/protocol';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes.js';
import { AppError, badRequest } from '../http/errors.js';
import { sha256Hex } from '../crypto/tokens.js';
import type { Kv } from '../kv/kv.js';
import type { RateLimiter } from '../kv/rate-limiter.js';
import type { SettingsService } from '../settings/settings-service.js';
import { principalView, sessionTokenOf, startSession, type SessionDeps } from './auth-routes.js';
import { codeMail } from './code-mail.js';
import { CODE_TTL_MS, MAX_TRIES, type EmailCodes } from './email-codes.js';
import type { Mailer } from './mailer.js';
import { verifyPassword } from './passwords.js';
import { enforce, tooMany } from '../http/rate-limited.js';
import { CHANGE_PASSWORD_LIMIT, EMAIL_CODE_LIMIT, EMAIL_CODE_PER_ADDRESS_LIMIT, REGISTER_LIMIT, RESET_LIMIT } from './rate-limits.js';
import type { UserService } from './users.js';

/**
 * Self-service accounts (U-1, U-2): registration (with an emailed code when SMTP is configured
 * and the operator asks for it), password reset by emailed code, and password change.
 */
export interface RegistrationDeps extends SessionDeps {
  users: UserService;
  codes: EmailCodes;
  mailer: Mailer;
  settings: SettingsService;
  kv: Kv;
  limiter: RateLimiter;
  siteName: string;
  log: Logger;
}

/** One code mail per address per minute, whatever the purpose. */
const RESEND_AFTER_MS = 60_000;

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'must be 3–32 characters: letters, digits, "_", "-" or "."');
export const emailSchema = z.string().trim().toLowerCase().max(255).pipe(z.email('must be an email address'));
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(1024);
const codeSchema = z.string().trim().regex(/^\d{6}$/, 'must be the 6-digit code from the mail');

export function registerRegistrationRoutes(routes: ApiRoutes, deps: RegistrationDeps): void {
  const registration = () => deps.settings.get('registration');
  const verificationRequired = () => deps.mailer.enabled && registration().email_verification;

  /** Registration closed or the address's domain not allowed: the same refusal for codes and sign-ups. */
  const assertMayRegister = (email: string) => {
    const r = registration();
    if (!r.enabled) throw new AppError(403, 'registration_closed', 'registration is closed on this site; ask an administrator for an account');
    const allowed = r.email_suffixes.map((s) => s.replace(/^@/, ''));
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (allowed.length > 0 && !allowed.includes(domain)) {
      throw new AppError(403, 'email_domain_not_allowed', `addresses at ${quoted(domain)} cannot register here; allowed: ${allowed.join(', ')}`);
    }
  };

  /** Claims the address's one-minute slot, or refuses with the time left. */
  const holdResend = async (email: string) => {
    const key = resendKey(email);
    if ((await deps.kv.incr(key, RESEND_AFTER_MS)) === 1) {
      await deps.kv.set(`${key}:at`, String(Date.now()), RESEND_AFTER_MS);
      return;
    }
    const sentAt = Number(await deps.kv.get(`${key}:at`)) || Date.now();
    const wait = Math.max(1, Math.ceil((sentAt + RESEND_AFTER_MS - Date.now()) / 1000));
    throw tooMany('a code was just sent to this address', wait, 'code_recently_sent');
  };

  const sendResetCode = async (email: string) => {
    try {
      const user = await deps.users.byEmail(email);
      if (!user || user.status !== 'active') return;
      const code = await deps.codes.issue('reset', email);
      await deps.mailer.send(codeMail(deps.siteName, 'reset', email, code, CODE_TTL_MS / 60_000));
    } catch (err) {
      // The mailer logged the SMTP side already; this covers the database and the Kv.
      deps.log.warn({ reason: (err as Error).message }, 'password reset code not sent');
    }
  };

  routes.add({
    method: 'GET',
    url: '/api/auth/options',
    summary: 'What the sign-up form needs: whether registration is open, whether it needs an emailed code, allowed email domains.',
    tag: 'auth',
    access: 'public',
    response: z.object({
      registration_enabled: z.boolean(),
      email_verification_required: z.boolean(),
      email_suffixes: z.array(z.string()),
      mail_enabled: z.boolean(),
    }),
    async handler() {
      const r = registration();
      return {
        registration_enabled: r.enabled,
        email_verification_required: verificationRequired(),
        email_suffixes: r.email_suffixes.map((s) => s.replace(/^@/, '')),
        mail_enabled: deps.mailer.enabled,
      };
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/auth/email-code',
    summary:
      'Mail a 6-digit code (valid 10 minutes, once) for registration or a password reset. One mail per address per minute. ' +
      'For `reset` the answer is the same whether or not the address has an account.',
    tag: 'auth',
    access: 'public',
    body: z.object({ email: emailSchema, purpose: z.enum(['register', 'reset']) }),
    response: z.object({ expires_in_sec: z.number(), resend_after_sec: z.number() }),
    async handler({ body, request }) {
      await enforce(deps.limiter, EMAIL_CODE_LIMIT, request.ip, 'too many code requests from your address');
      if (!deps.mailer.enabled) throw new AppError(503, 'mail_disabled', 'this site does not send mail (SMTP is not configured); ask an administrator');
      const { email, purpose } = body;
      if (purpose === 'register') {
        assertMayRegister(email);
        if (await deps.users.byEmail(email)) throw new AppError(409, 'email_taken', 'an account with this email already exists; sign in or reset its password');
      }
      await holdResend(email);
      const decision = await deps.limiter.hit(EMAIL_CODE_PER_ADDRESS_LIMIT, sha256Hex(email));
      if (!decision.allowed) throw tooMany('too many codes were sent to this address', decision.retryAfterSec);
      const answer = { expires_in_sec: CODE_TTL_MS / 1000, resend_after_sec: RESEND_AFTER_MS / 1000 };
      if (purpose === 'reset') {
        // Sent in the background: waiting on SMTP only for existing accounts would tell by timing which addresses have one.
        void sendResetCode(email);
        return answer;
      }
      const code = await deps.codes.issue(purpose, email);
      try {
        await deps.mailer.send(codeMail(deps.siteName, purpose, email, code, CODE_TTL_MS / 60_000));
      } catch {
        await deps.kv.del(resendKey(email)); // nothing arrived, so asking again at once is fair
        throw new AppError(502, 'mail_failed', 'the mail could not be sent; try again later');
      }
      return answer;
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/auth/register',
    summary:
      'Create an account and sign in (returns a session like login). `code` (from POST /api/auth/email-code) is required ' +
      'when SMTP is configured and email verification is on (see GET /api/auth/options).',
    tag: 'auth',
    access: 'public',
    body: z.object({
      username: usernameSchema,
      email: emailSchema,
      password: passwordSchema,
      code: codeSchema.optional(),
    }),
    status: 201,
    response: z.object({ token: z.string(), expires_at: z.number(), user: principalView }),
    async handler({ body, request, reply }) {
      await enforce(deps.limiter, REGISTER_LIMIT, request.ip, 'too many registrations from your address');
      assertMayRegister(body.email);
      const needCode = verificationRequired();
      if (needCode && !body.code) throw badRequest('this site needs the code mailed to your address: ask for one with POST /api/auth/email-code', 'code_required');
      // Checked before the code is spent, so a taken name does not cost the user a new mail.
      const taken = await deps.users.taken(body.username, body.email);
      if (taken) throw conflict(taken);
      if (needCode) {
        const check = await deps.codes.consume('register', body.email, body.code!);
        if (!check.ok) throw codeError(check.reason, check.triesLeft);
      }
      const grant = registration().signup_grant;
      const created = await deps.users.create({ username: body.username, email: body.email, password: body.password, grant, grantNote: 'signup grant' });
      if (!created.ok) throw conflict(created.reason);
      return startSession(deps, { ...created.user, group_name: created.user.group }, request, reply);
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/auth/reset-password',
    summary: 'Set a new password with the code mailed by POST /api/auth/email-code (purpose `reset`). Ends every session of the account.',
    tag: 'auth',
    access: 'public',
    status: 204,
    body: z.object({ email: emailSchema, code: codeSchema, password: passwordSchema }),
    async handler({ body, request }) {
      await enforce(deps.limiter, RESET_LIMIT, request.ip, 'too many password reset attempts from your address');
      if (!deps.mailer.enabled) throw new AppError(503, 'mail_disabled', 'this site does not send mail, so passwords cannot be reset by email; ask an administrator');
      const check = await deps.codes.consume('reset', body.email, body.code);
      if (!check.ok) throw codeError(check.reason, check.triesLeft);
      const user = await deps.users.byEmail(body.email);
      if (!user || user.status !== 'active') throw codeError('missing', 0);
      await deps.users.setPassword(user.id, body.password);
      return undefined;
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/auth/change-password',
    summary: 'Change your password. Every other session of your account ends; this one keeps working.',
    tag: 'auth',
    access: 'user',
    status: 204,
    body: z.object({ current_password: z.string().min(1).max(1024), new_password: passwordSchema }),
    async handler({ body, principal, request }) {
      const me = principal!;
      await enforce(deps.limiter, CHANGE_PASSWORD_LIMIT, String(me.id), 'too many password change attempts');
      const row = await deps.users.row(me.id);
      if (!row || !(await verifyPassword(row.password_hash, body.current_password))) {
        throw new AppError(403, 'wrong_password', 'the current password is wrong');
      }
      await deps.users.setPassword(me.id, body.new_password, sessionTokenOf(request));
      return undefined;
    },
  });
}

function resendKey(email: string): string {
  return `otp-resend:${sha256Hex(email).slice(0, 40)}`;
}

/** One error code for every refused code; the message says what to do next. */
function codeError(reason: 'missing' | 'wrong' | 'voided', triesLeft: number): AppError {
  if (reason === 'wrong') return badRequest(`wrong code (${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left)`, 'invalid_code');
  if (reason === 'voided') return badRequest(`wrong code; after ${MAX_TRIES} wrong tries it no longer works: ask for a new one`, 'invalid_code');
  return badRequest('the code is wrong, used or expired: ask for a new one', 'invalid_code');
}

function conflict(reason: 'username_taken' | 'email_taken'): AppError {
  return reason === 'username_taken'
    ? new AppError(409, 'username_taken', 'this username is taken; choose another')
    : new AppError(409, 'email_taken', 'an account with this email already exists; sign in or reset its password');
}
