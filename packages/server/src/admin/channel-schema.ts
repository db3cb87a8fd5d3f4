import { z } from 'zod';
import { CHANNEL_TYPE_IDS } from '../providers/channel-types.js';
import { parseModelMapping } from '../relay/routing/model-mapping.js';

/** The channel fields of C-1 as the admin API accepts them (snake_case JSON). */
const baseUrl = z
  .string()
  .trim()
  .max(512)
  .refine((v) => v === '' || /^https?:\/\/[^\s/]+/i.test(v), 'must be an http:// or https:// URL')
  .transform((v) => v.replace(/\/+$/, ''));

const keys = z
  .string()
  .max(200_000)
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0, 'at least one key is required (one per line)');

const mapping = z
  .string()
  .max(100_000)
  .superRefine((text, ctx) => {
    for (const message of parseModelMapping(text).errors) ctx.addIssue({ code: 'custom', message });
  });

const proxy = z
  .string()
  .trim()
  .max(512)
  .refine((v) => /^(https?|socks5h?):\/\/[^\s]+$/i.test(v), 'must be an http://, https:// or socks5:// URL')
  .nullable();

const headers = z.record(
  z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'is not a valid header name'),
  z.string().max(4096).regex(/^[^\r\n]*$/, 'must not contain line breaks'),
);

const modelList = z.array(z.string().trim().min(1).max(128)).max(5000);

export const channelCreateSchema = z.object({
  name: z.string().trim().min(1).max(128),
  type: z.enum(CHANNEL_TYPE_IDS),
  base_url: baseUrl.optional().describe('Defaults to the type preset'),
  keys: keys.describe('One key per line; multi-part keys joined by |'),
  models: modelList.optional().describe('Defaults to the type template models'),
  mapping: mapping.default('').describe('from>to per line; !from>to also hides `to`'),
  groups: z.array(z.string().trim().min(1).max(64)).max(100).default([]).describe('Empty = every group'),
  priority: z.number().int().min(-1_000_000).max(1_000_000).default(0),
  weight: z.number().int().min(1).max(1_000_000).default(1),
  retry: z.number().int().min(1).max(10).default(1).describe('Attempts on this channel before the next priority tier'),
  status: z.enum(['enabled', 'disabled']).default('enabled'),
  proxy: proxy.default(null),
  headers: headers.default({}),
  test_model: z.string().trim().max(128).nullable().default(null),
  tag: z.string().trim().max(64).nullable().default(null),
});

export const channelUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(128),
    type: z.enum(CHANNEL_TYPE_IDS),
    base_url: baseUrl,
    keys,
    models: modelList,
    mapping,
    groups: z.array(z.string().trim().min(1).max(64)).max(100),
    priority: z.number().int().min(-1_000_000).max(1_000_000),
    weight: z.number().int().min(1).max(1_000_000),
    retry: z.number().int().min(1).max(10),
    status: z.enum(['enabled', 'disabled']),
    proxy,
    headers,
    test_model: z.string().trim().max(128).nullable(),
    tag: z.string().trim().max(64).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to update');

export type ChannelCreate = z.infer<typeof channelCreateSchema>;
export type ChannelPatch = z.infer<typeof channelUpdateSchema>;

export const channelView = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  base_url: z.string(),
  keys: z.string().describe('Masked, one per line'),
  key_count: z.number(),
  models: z.array(z.string()),
  mapping: z.string(),
  groups: z.array(z.string()),
  priority: z.number(),
  weight: z.number(),
  retry: z.number(),
  status: z.enum(['enabled', 'disabled', 'auto_disabled']),
  proxy: z.string().nullable().describe('Credentials masked'),
  headers: z.record(z.string(), z.string()).describe('Values masked'),
  test_model: z.string().nullable(),
  tag: z.string().nullable(),
  created_at: z.number(),
  updated_at: z.number(),
});
export type ChannelView = z.infer<typeof channelView>;
