import { z } from 'zod';
import { idParams, type ApiRoutes } from '../http/api-routes.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { emailSchema, passwordSchema, usernameSchema } from './registration-routes.js';
import type { Principal } from '../principal.js';
import type { UserService } from './users.js';

/**
 * User management for administrators. Administrators manage plain users; only root may
 * touch an administrator or root account or hand out those roles (as in One API). Nobody can
 * ban or demote themselves, and the last active root cannot be banned or demoted. Balances are
 * changed elsewhere, through the ledger (POST /api/admin/users/:id/balance).
 */
const role = z.enum(['user', 'admin', 'root']);
const status = z.enum(['active', 'banned']);
const group = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 characters: letters, digits, "_", "-" or "."');

const userView = z.object({
  id: z.number(),
  username: z.string(),
  email: z.string().nullable(),
  role,
  group: z.string(),
  status,
  balance: z.number().describe('micro-points'),
  created_at: z.number(),
  updated_at: z.number(),
});

const conflictMessages = {
  username_taken: 'this username is taken',
  email_taken: 'another account uses this email',
} as const;

export function registerUserAdminRoutes(routes: ApiRoutes, users: UserService): void {
  routes.add({
    method: 'GET',
    url: '/api/admin/users',
    summary: 'Users, newest first, with their balance in micro-points; `search` matches username or email.',
    tag: 'users',
    access: 'admin',
    query: z.object({
      search: z.string().trim().max(255).optional(),
      role: role.optional(),
      status: status.optional(),
      page: z.coerce.number().int().min(1).default(1),
      page_size: z.coerce.number().int().min(1).max(100).default(20),
    }),
    response: z.object({ data: z.array(userView), total: z.number(), page: z.number(), page_size: z.number() }),
    async handler({ query }) {
      const { data, total } = await users.list({
        ...(query.search ? { search: query.search } : {}),
        ...(query.role ? { role: query.role } : {}),
        ...(query.status ? { status: query.status } : {}),
        page: query.page,
        pageSize: query.page_size,
      });
      return { data, total, page: query.page, page_size: query.page_size };
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/admin/users/:id',
    summary: 'One user.',
    tag: 'users',
    access: 'admin',
    params: idParams,
    response: userView,
    async handler({ params }) {
      const user = await users.get(params.id);
      if (!user) throw notFound(`user ${params.id} not found`);
      return user;
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/admin/users',
    summary: 'Create a user (also when registration is closed), optionally with an opening grant posted to the ledger.',
    tag: 'users',
    access: 'admin',
    body: z.object({
      username: usernameSchema,
      email: emailSchema.nullable().optional(),
      password: passwordSchema,
      role: role.default('user'),
      group: group.default('normal'),
      grant: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('micro-points credited at creation'),
    }),
    status: 201,
    response: userView,
    async handler({ body, principal }) {
      const actor = principal!;
      if (body.role !== 'user') requireRoot(actor, 'only root can create administrators');
      const created = await users.create({
        username: body.username,
        email: body.email ?? null,
        password: body.password,
        role: body.role,
        group: body.group,
        grant: body.grant,
        grantNote: `opening grant (by ${actor.username})`,
      });
      if (!created.ok) throw new AppError(409, created.reason, conflictMessages[created.reason]);
      return created.user;
    },
  });

  routes.add({
    method: 'PATCH',
    url: '/api/admin/users/:id',
    summary:
      'Change a user: email, role, group, status (`banned` ends every session and stops the API keys at once), password ' +
      '(ends every session). Fields left out keep their value.',
    tag: 'users',
    access: 'admin',
    params: idParams,
    body: z
      .object({
        email: emailSchema.nullable(),
        role,
        group,
        status,
        password: passwordSchema,
      })
      .partial()
      .strict()
      .refine((v) => Object.keys(v).length > 0, 'nothing to change'),
    response: userView,
    async handler({ params, body, principal }) {
      const actor = principal!;
      const target = await users.get(params.id);
      if (!target) throw notFound(`user ${params.id} not found`);
      if (target.id === actor.id) {
        if ((body.role !== undefined && body.role !== target.role) || body.status === 'banned') {
          throw new AppError(403, 'cannot_change_self', 'you cannot ban yourself or change your own role');
        }
        if (body.password !== undefined) {
          throw new AppError(403, 'use_change_password', 'change your own password with POST /api/auth/change-password (it asks for the current one)');
        }
      }
      if (target.role !== 'user') requireRoot(actor, 'only root can change administrator accounts');
      if (body.role !== undefined && body.role !== target.role) requireRoot(actor, 'only root can change roles to or from admin');
      const result = await users.update(params.id, body);
      if (result.ok) return result.user;
      if (result.reason === 'not_found') throw notFound(`user ${params.id} not found`);
      if (result.reason === 'last_root') {
        throw new AppError(409, 'last_root', 'this is the last active root account: it cannot be banned or demoted');
      }
      throw new AppError(409, 'email_taken', conflictMessages.email_taken);
    },
  });
}

function requireRoot(actor: Principal, message: string): void {
  if (actor.role !== 'root') throw forbidden(message);
}
