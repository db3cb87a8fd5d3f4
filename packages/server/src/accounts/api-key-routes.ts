import { z } from 'zod';
import { idParams, type ApiRoutes } from '../http/api-routes.js';
import { notFound } from '../http/errors.js';
import type { ApiKeyService } from './api-keys.js';
import { ipEntryError } from './ip-allowlist.js';

const allowIps = z
  .array(z.string().trim())
  .max(100)
  .superRefine((list, ctx) => {
    for (const entry of list) {
      const err = ipEntryError(entry);
      if (err) ctx.addIssue({ code: 'custom', message: err });
    }
  });

const keyFields = {
  name: z.string().trim().min(1).max(128),
  status: z.enum(['active', 'disabled']),
  expires_at: z.number().int().positive().nullable().describe('Unix time in milliseconds; null = never'),
  models: z.array(z.string().trim().min(1).max(128)).max(1000).nullable().describe('Allowed models; null = all'),
  allow_ips: allowIps.nullable().describe('Allowed client IPs / CIDR blocks; null = any'),
  quota_limit: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .describe('Spending cap in micro-points (1 point = 1,000,000); null = no cap beyond your balance'),
  rpm: z.number().int().min(1).max(1_000_000).nullable().describe('Requests per minute; null = unlimited'),
  tpm: z.number().int().min(1).max(1_000_000_000).nullable().describe('Tokens (input + output) per minute; null = unlimited'),
};

const createBody = z.object({
  name: keyFields.name.default('default'),
  expires_at: keyFields.expires_at.optional(),
  models: keyFields.models.optional(),
  allow_ips: keyFields.allow_ips.optional(),
  quota_limit: keyFields.quota_limit.optional(),
  rpm: keyFields.rpm.optional(),
  tpm: keyFields.tpm.optional(),
});
const updateBody = z
  .object({ ...keyFields, reset_quota_used: z.boolean().describe('start the spending count again from zero') })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');

const keyView = z.object({
  id: z.number(),
  name: z.string(),
  key_hint: z.string(),
  status: z.enum(['active', 'disabled']),
  expires_at: z.number().nullable(),
  models: z.array(z.string()).nullable(),
  allow_ips: z.array(z.string()).nullable(),
  quota_limit: z.number().nullable(),
  quota_used: z.number().describe('micro-points spent against quota_limit, calls in flight included'),
  rpm: z.number().nullable(),
  tpm: z.number().nullable(),
  created_at: z.number(),
  updated_at: z.number(),
  last_used_at: z.number().nullable(),
});

export function registerApiKeyRoutes(routes: ApiRoutes, keys: ApiKeyService): void {
  routes.add({
    method: 'POST',
    url: '/api/keys',
    summary: 'Create an API key. The full key is returned once, in `key`.',
    tag: 'keys',
    access: 'user',
    body: createBody,
    status: 201,
    response: keyView.extend({ key: z.string() }),
    async handler({ body, principal }) {
      const { key, view } = await keys.create(principal!.id, body);
      return { ...view, key };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/keys',
    summary: 'List your API keys (hints only, never the key).',
    tag: 'keys',
    access: 'user',
    response: z.object({ data: z.array(keyView) }),
    async handler({ principal }) {
      return { data: await keys.list(principal!.id) };
    },
  });
  routes.add({
    method: 'PATCH',
    url: '/api/keys/:id',
    summary: 'Rename, disable/enable, or change the limits of an API key.',
    tag: 'keys',
    access: 'user',
    params: idParams,
    body: updateBody,
    response: keyView,
    async handler({ params, body, principal }) {
      const view = await keys.update(principal!.id, params.id, body);
      if (!view) throw notFound(`API key ${params.id} not found`);
      return view;
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/keys/:id',
    summary: 'Delete an API key. It stops working at once on every node.',
    tag: 'keys',
    access: 'user',
    status: 204,
    params: idParams,
    async handler({ params, principal }) {
      if (!(await keys.remove(principal!.id, params.id))) throw notFound(`API key ${params.id} not found`);
      return undefined;
    },
  });
}
