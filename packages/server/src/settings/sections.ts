import { z } from 'zod';

/**
 * Every runtime settings section with its schema and defaults. A stored section is parsed
 * with its schema on load, so a value written by an older version gains new fields' defaults.
 */
const micro = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const SETTINGS_SECTIONS = {
  /** U-1: who may register and what they start with. */
  registration: z.object({
    enabled: z.boolean().default(true).describe('registration on/off (administrators can still create users)'),
    email_verification: z
      .boolean()
      .default(true)
      .describe('require a 6-digit code sent to the address; applies only when SMTP is configured'),
    email_suffixes: z
      .array(z.string().trim().toLowerCase().regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain such as gmail.com'))
      .max(200)
      .default([])
      .describe('allowed email domains, e.g. ["gmail.com","qq.com"]; empty = any'),
    signup_grant: micro.default(0).describe('micro-points credited to each new account'),
  }),
  /** B-5: subscriptions. */
  plans: z.object({
    enabled: z.boolean().default(false).describe('plans can be bought and are used before points'),
    relay_uses_plans: z.boolean().default(false).describe('API (/v1) calls may use plan quota too, not only the chat app'),
  }),
  /** B-7: the response cache. */
  response_cache: z.object({
    preset: z
      .enum(['none', 'free', 'all'])
      .default('none')
      .describe('which models are cached besides those listed: none, every free model, or every model'),
    models: z.array(z.string().trim().min(1).max(128)).max(1000).default([]).describe('models cached whatever the preset'),
    ttl_sec: z.number().int().min(1).max(30 * 86400).default(3600),
    size: z.number().int().min(1).max(20).default(1).describe('alternative answers kept per request'),
  }),
  /** W-1, B-2: the chat app. */
  chat: z.object({
    title_model: z
      .string()
      .trim()
      .max(128)
      .default('')
      .describe('a model that writes a short title after the first answer, billed like a chat message; "" = keep the first words of the first message'),
    anonymous_per_minute: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(10)
      .describe('messages one signed-out client address may send per minute to models open to signed-out users; 0 = no anonymous chat'),
  }),
} as const;

type SettingsSections = typeof SETTINGS_SECTIONS;
export type SectionName = keyof SettingsSections;
export type Settings = { [K in SectionName]: z.output<SettingsSections[K]> };
