import { builtinPreset } from '../../presets/builtin/builtin-presets.js';
import { resolveLang } from '../../presets/builtin/languages.js';
import type { ContextMessage } from '../../presets/preset-schema.js';
import type { UserPresets } from '../../presets/user-presets.js';
import type { SeedMessage } from './conversations.js';

/** What a preset (W-6) gives a new conversation: its system messages as the system prompt, the rest as its first messages. */
export interface PresetSeed {
  systemPrompt: string;
  messages: SeedMessage[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user preset of the caller's (by uuid) or a built-in one (by id, in `lang`); undefined when there is none. */
export async function presetSeed(presets: UserPresets, userId: number, presetId: string, lang: string): Promise<PresetSeed | undefined> {
  if (UUID.test(presetId)) {
    const own = await presets.get(userId, presetId);
    return own && seedOf(own.context);
  }
  const builtin = builtinPreset(presetId);
  return builtin && seedOf(builtin.texts[resolveLang(lang)].context);
}

function seedOf(context: readonly ContextMessage[]): PresetSeed {
  return {
    systemPrompt: context
      .filter((m) => m.role === 'system')
      .map((m) => m.content)
      .join('\n\n'),
    messages: context.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }])),
  };
}
