import { z } from 'zod';

/**
 * A preset (W-6) as data: an avatar, a name, a description and the context messages a new
 * conversation starts with. The same limits hold for users' presets and the built-in ones.
 */

const MAX_CONTEXT_MESSAGES = 50;
const MAX_MESSAGE_CHARS = 20_000;
/** Users' presets that are not deleted; a client stuck in a loop cannot fill the table. */
export const MAX_PRESETS_PER_USER = 500;

const contextMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().min(1).max(MAX_MESSAGE_CHARS),
});

export const presetContext = z.array(contextMessage).max(MAX_CONTEXT_MESSAGES);

export type ContextMessage = z.infer<typeof contextMessage>;

/** An emoji (a few code points, no spaces or control characters) or an http(s) image URL. */
const avatar = z
  .string()
  .trim()
  .max(512)
  .refine((a) => a === '' || /^https?:\/\/\S+$/i.test(a) || ([...a].length <= 16 && !/[\s\p{Cc}<>"'&]/u.test(a)), {
    message: 'an emoji (at most 16 code points, no spaces) or an http(s) URL',
  })
  .describe('an emoji such as "🌐", or an http(s) image URL; "" = chosen by the page');

/** POST /api/presets and PUT /api/presets/:id: the whole preset. */
export const presetBody = z.object({
  avatar: avatar.default(''),
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().max(500).default(''),
  context: presetContext.default([]),
});

export type PresetInput = z.output<typeof presetBody>;

export const presetView = z.object({
  id: z.string(),
  avatar: z.string(),
  name: z.string(),
  description: z.string(),
  context: presetContext,
  created_at: z.number(),
  updated_at: z.number().describe('ms; pass the largest one seen as ?since= to fetch only what changed after'),
  deleted_at: z.number().nullable().describe('ms; set for a deleted preset (only listed with ?since=)'),
});

export type PresetView = z.infer<typeof presetView>;
