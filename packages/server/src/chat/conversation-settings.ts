import { z } from 'zod';

/**
 * A conversation's own settings (W-5): the model and how it is called. Stored as JSON text on
 * the conversation; every field has a default, so a stored object missing a field added later
 * still reads, and PATCH takes any subset.
 */
const DEFAULT_CONTEXT_MESSAGES = 8;

export const conversationSettings = z.object({
  model: z.string().trim().max(128).default('').describe('"" = the market\'s default model'),
  context_length: z.number().int().min(0).max(200).default(DEFAULT_CONTEXT_MESSAGES).describe('earlier messages sent with each new one'),
  max_tokens: z.number().int().min(1).max(1_000_000).nullable().default(null),
  temperature: z.number().min(0).max(2).nullable().default(null),
  top_p: z.number().min(0).max(1).nullable().default(null),
  top_k: z.number().int().min(1).max(1000).nullable().default(null),
  presence_penalty: z.number().min(-2).max(2).nullable().default(null),
  frequency_penalty: z.number().min(-2).max(2).nullable().default(null),
  repetition_penalty: z.number().min(0).max(2).nullable().default(null),
  system_prompt: z.string().max(20_000).default(''),
  web_search: z.boolean().default(false).describe('stored for web search (used once search is configured)'),
});

export type ConversationSettings = z.output<typeof conversationSettings>;

type SettingsShape = typeof conversationSettings.shape;

/**
 * A partial update of the settings (PATCH): only the fields given change. Built from the fields
 * without their defaults: zod 4's `.partial()` still applies a default to an absent field, which
 * would reset every setting the PATCH did not name.
 */
export const conversationSettingsPatch = z.object(
  Object.fromEntries(Object.entries(conversationSettings.shape).map(([name, field]) => [name, field.unwrap().optional()])) as {
    [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>>;
  },
);

export type ConversationSettingsPatch = z.output<typeof conversationSettingsPatch>;

export const DEFAULT_SETTINGS: ConversationSettings = conversationSettings.parse({});

/** Stored JSON to settings; anything unreadable falls back to the defaults field by field. */
export function readSettings(json: string): ConversationSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const parsed = conversationSettings.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
