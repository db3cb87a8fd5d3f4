import { z } from 'zod';

/**
 * A model market entry as data (W-7, A-7). Validated for the admin API and again when loaded
 * from the database, so a row written by hand cannot break the market page.
 */

export const MAX_ENTRIES = 1000;

export const marketModel = z.string().trim().min(1).max(128);

/** A built-in icon id (a slug such as `openai`, `claude`) or an image URL; '' = the page picks one. */
const avatar = z
  .string()
  .trim()
  .max(512)
  .refine((a) => a === '' || /^[a-z0-9][a-z0-9._-]{0,63}$/.test(a) || /^https?:\/\/\S+$/i.test(a), {
    message: 'a built-in icon id (lower-case letters, digits, ".", "-", "_") or an http(s) URL',
  })
  .describe('a built-in provider icon id (e.g. "openai") or an http(s) image URL; "" = chosen by the page');

const entryFields = {
  name: z.string().trim().min(1).max(128).describe('shown instead of the model id'),
  description: z.string().trim().max(2000).default(''),
  tags: z
    .array(z.string().trim().min(1).max(32))
    .max(20)
    .default([])
    .refine((t) => new Set(t).size === t.length, { message: 'tags must be unique' }),
  avatar: avatar.default(''),
  default: z.boolean().default(false).describe('offered in the default model picker'),
  high_context: z.boolean().default(false).describe('has a long context window'),
};

/** PUT /api/admin/market/:model: `order` left out keeps an entry's place, or puts a new one last. */
export const entryBody = z.object({
  ...entryFields,
  order: z.number().int().min(0).max(1_000_000).optional().describe('position in the market, lowest first'),
});

/** PUT /api/admin/market: the whole list, in market order. */
export const entryListBody = z
  .array(z.object({ model: marketModel, ...entryFields }))
  .max(MAX_ENTRIES)
  .refine((list) => new Set(list.map((e) => e.model)).size === list.length, { message: 'each model may appear only once' });

export const storedTags = z.array(z.string());

export type EntryInput = z.output<typeof entryBody>;
export type EntryListInput = z.output<typeof entryListBody>;


export const entryView = z.object({
  model: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  avatar: z.string(),
  default: z.boolean(),
  high_context: z.boolean(),
  order: z.number(),
  updated_at: z.number(),
});

/** A market entry as it is kept in memory and answered (one shape, so the type comes from the schema). */
export type MarketEntry = z.infer<typeof entryView>;
