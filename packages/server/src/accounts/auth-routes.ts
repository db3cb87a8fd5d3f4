import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sha256Hex } from '../crypto/tokens.js';
import type { UserRow } from '../db/schema.js';
import type { ApiRoutes } from '../http/api-routes.js';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../http/cookies.js';
import { enforce } from '../http/rate-limited.js';
import { AppError } from '../http/errors.js';
import type { RateLimiter } from '../kv/rate-limiter.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { foldLogin, type UserService } from './users.js';
import { principalOf } from '../principal.js';

/** The session token of a request: `Authorization: Bearer …` first, then the cookie. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

export const principalView = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(['user', 'admin', 'root']),
  group: z.string(),
});

export interface SessionDeps {
  sessions: SessionStore;
  secureCookies: boolean;
  sessionTtlMs: number;
}

/** Signs a user in (login, registration): a new session, its cookie, and the answer both return. */
export async function startSession(
  deps: SessionDeps,
  user: Pick<UserRow, 'id' | 'username' | 'role' | 'group_name' | 'status'>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ token: string; expires_at: number; user: z.infer<typeof principalView> }> {
  const { token, expiresAt } = await deps.sessions.create(user.id, {
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  reply.header('set-cookie', sessionCookie(token, Math.floor(deps.sessionTtlMs / 1000), deps.secureCookies));
  const p = principalOf(user);
  return { token, expires_at: expiresAt, user: { id: p.id, username: p.username, role: p.role, group: p.group } };
}

/**
 * Password guessing is slow by design: a handful of tries per address per window, and
 * (`SignInThrottle`) a handful per account, then one per growing delay, whatever the address.
 */
const LOGIN_LIMIT = { name: 'login', limit: 10, windowMs: 5 * 60_000 };

/**
 * What the per-account limit counts: the account itself when it exists, so its username and email
 * (and every spelling the database matches) share one count; otherwise the login as typed, folded
 * by the sign-in case rule and hashed (bounded, and no email lands in the Kv). Unknown logins are
 * limited the same way, so a 429 says nothing about whether an account exists.
 */
function signInSubject(user: UserRow | undefined, login: string): string {
  return user ? `user:${user.id}` : `login:${sha256Hex(foldLogin(login))}`;
}

export function registerAuthRoutes(
  routes: ApiRoutes,
  deps: {
    users: UserService;
    sessions: SessionStore;
    limiter: RateLimiter;
    signIns: SignInThrottle;
    secureCookies: boolean;
    sessionTtlMs: number;
  },
): void {
  routes.add({
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in with username or email and password; returns a session token (also set as an httpOnly cookie).',
    tag: 'auth',
    access: 'public',
    body: z.object({
      username: z.string().trim().min(1).max(255).describe('Username or email'),
      password: z.string().min(1).max(1024),
    }),
    response: z.object({ token: z.string(), expires_at: z.number(), user: principalView }),
    async handler({ body, request, reply }) {
      await enforce(deps.limiter, LOGIN_LIMIT, request.ip, 'too many sign-in attempts');
      const login = body.username;
      const user = await deps.users.byLogin(login);
      // Before any password check: a refused attempt costs no argon2 work.
      const check = await deps.signIns.admit(signInSubject(user, login));
      let ok: boolean;
      try {
        // Verify against a decoy when the user does not exist, so timing does not reveal accounts.
        ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), body.password);
      } catch (err) {
        await check.abandoned();
        throw err;
      }
      if (!user || !ok) {
        await check.failed();
        throw new AppError(401, 'invalid_credentials', 'wrong username/email or password');
      }
      await check.succeeded();
      if (user.status !== 'active') throw new AppError(403, 'account_banned', 'this account is banned');
      return startSession(deps, user, request, reply);
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End the current session on every node.',
    tag: 'auth',
    access: 'user',
    status: 204,
    async handler({ request, reply }) {
      const token = sessionTokenOf(request);
      if (token) await deps.sessions.revoke(token);
      reply.header('set-cookie', clearedSessionCookie(deps.secureCookies));
      return undefined;
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The signed-in user.',
    tag: 'auth',
    access: 'user',
    response: principalView,
    async handler({ principal }) {
      const p = principal!;
      return { id: p.id, username: p.username, role: p.role, group: p.group };
    },
  });
}
