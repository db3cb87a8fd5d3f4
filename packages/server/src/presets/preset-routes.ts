import { quoted } from '@switchboard/protocol';
import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes.js';
import { badRequest, notFound } from '../http/errors.js';
import { BUILTIN_PRESETS, builtinPreset } from './builtin/builtin-presets.js';
import { LANG_TAG, PRESET_LANGS, resolveLang } from './builtin/languages.js';
import { MAX_PRESETS_PER_USER, presetBody, presetContext, presetView } from './preset-schema.js';
import type { UserPresets } from './user-presets.js';

export interface PresetRouteDeps {
  presets: UserPresets;
}

const langField = z
  .string()
  .regex(LANG_TAG, 'a language tag such as "zh-CN" or "en"')
  .describe(`one of ${PRESET_LANGS.join(', ')}; another well-formed tag falls back to the nearest one, else en`);

const builtinView = z.object({
  id: z.string().describe('stable; clone it with POST /api/presets/clone/{id}'),
  avatar: z.string(),
  name: z.string(),
  description: z.string(),
  context: presetContext,
});

const idParams = z.object({ id: z.string().min(1).max(64) });

const missing = (id: string) => notFound(`preset ${quoted(id)} not found`, 'preset_not_found');
const tooMany = () => badRequest(`you already have ${MAX_PRESETS_PER_USER} presets; delete one first`, 'preset_limit_reached');

/** Presets (W-6): the built-in ones in each language, and each user's own, synced between devices. */
export function registerPresetRoutes(routes: ApiRoutes, deps: PresetRouteDeps): void {
  const { presets } = deps;

  routes.add({
    method: 'GET',
    url: '/api/presets/builtin',
    summary: 'The built-in presets in one language (en when the language is not one of the web app\'s).',
    tag: 'presets',
    access: 'public',
    query: z.object({ lang: langField.default('en') }),
    response: z.object({ lang: z.enum(PRESET_LANGS).describe('the language answered'), data: z.array(builtinView) }),
    async handler({ query }) {
      const lang = resolveLang(query.lang);
      return { lang, data: BUILTIN_PRESETS.map((p) => ({ id: p.id, avatar: p.avatar, ...p.texts[lang] })) };
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/presets',
    summary: "The caller's presets, most recently changed first; with ?since=<ms>, those changed at or after it, deletions included, oldest change first (for sync).",
    tag: 'presets',
    access: 'user',
    query: z.object({ since: z.coerce.number().int().min(0).optional().describe('ms; the largest updated_at seen so far') }),
    response: z.object({ data: z.array(presetView) }),
    async handler({ principal, query }) {
      const userId = principal!.id;
      return { data: query.since === undefined ? await presets.list(userId) : await presets.changedSince(userId, query.since) };
    },
  });
  routes.add({
    method: 'GET',
    url: '/api/presets/:id',
    summary: 'One of the caller\'s presets.',
    tag: 'presets',
    access: 'user',
    params: idParams,
    response: presetView,
    async handler({ principal, params }) {
      const found = await presets.get(principal!.id, params.id);
      if (!found) throw missing(params.id);
      return found;
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/presets',
    summary: `Create a preset (at most ${MAX_PRESETS_PER_USER} per user).`,
    tag: 'presets',
    access: 'user',
    status: 201,
    body: presetBody,
    response: presetView,
    async handler({ principal, body }) {
      const created = await presets.create(principal!.id, body);
      if (!created) throw tooMany();
      return created;
    },
  });
  routes.add({
    method: 'PUT',
    url: '/api/presets/:id',
    summary: 'Replace one of the caller\'s presets.',
    tag: 'presets',
    access: 'user',
    params: idParams,
    body: presetBody,
    response: presetView,
    async handler({ principal, params, body }) {
      const updated = await presets.update(principal!.id, params.id, body);
      if (!updated) throw missing(params.id);
      return updated;
    },
  });
  routes.add({
    method: 'DELETE',
    url: '/api/presets/:id',
    summary: 'Delete one of the caller\'s presets; other devices see the deletion through ?since=.',
    tag: 'presets',
    access: 'user',
    status: 204,
    params: idParams,
    async handler({ principal, params }) {
      if (!(await presets.remove(principal!.id, params.id))) throw missing(params.id);
      return undefined;
    },
  });
  routes.add({
    method: 'POST',
    url: '/api/presets/clone/:builtinId',
    summary: "Copy a built-in preset, in the language given, into the caller's presets.",
    tag: 'presets',
    access: 'user',
    status: 201,
    params: z.object({ builtinId: z.string().min(1).max(64) }),
    body: z.object({ lang: langField.default('en') }),
    response: presetView,
    async handler({ principal, params, body }) {
      const builtin = builtinPreset(params.builtinId);
      if (!builtin) throw notFound(`built-in preset ${quoted(params.builtinId)} not found`, 'preset_not_found');
      const texts = builtin.texts[resolveLang(body.lang)];
      const created = await presets.create(principal!.id, { avatar: builtin.avatar, ...texts });
      if (!created) throw tooMany();
      return created;
    },
  });
}
