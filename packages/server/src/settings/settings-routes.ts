import { z } from 'zod';
import type { ApiRoutes } from '../http/api-routes.js';
import { SETTINGS_SECTIONS, type SectionName } from './sections.js';
import type { SettingsService } from './settings-service.js';

/** Admin API for runtime settings: read all sections, patch one. */
export function registerSettingsRoutes(routes: ApiRoutes, settings: SettingsService): void {
  routes.add({
    method: 'GET',
    url: '/api/admin/settings',
    summary: 'Every runtime settings section (registration, plans, response_cache).',
    tag: 'settings',
    access: 'admin',
    response: z.object(SETTINGS_SECTIONS),
    async handler() {
      return settings.all();
    },
  });
  for (const name of Object.keys(SETTINGS_SECTIONS) as SectionName[]) {
    const schema = SETTINGS_SECTIONS[name];
    routes.add({
      method: 'PATCH',
      url: `/api/admin/settings/${name}`,
      summary: `Change the ${name} settings; fields left out keep their value. Applies on every node at once.`,
      tag: 'settings',
      access: 'admin',
      body: patchOf(schema),
      response: schema,
      async handler({ body }) {
        return settings.update(name, stripUndefined(body) as never);
      },
    });
  }
}

/** The section's fields, each optional and without its default: a field left out keeps its value. */
function patchOf(schema: z.ZodObject<z.ZodRawShape>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const base = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType;
    shape[key] = base.optional();
  }
  return z.object(shape).strict();
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
