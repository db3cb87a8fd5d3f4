import type { Db } from '../db/database.js';
import { parseStoredJson } from '../db/stored-json.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { SETTINGS_SECTIONS, type SectionName, type Settings } from './sections.js';

/**
 * Runtime settings, read from memory on every request and reloaded on every node when an
 * administrator changes one (the `settings` invalidation).
 */
export class SettingsService {
  private current: Settings = defaults();

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
  ) {
    bus.on(async (msg) => {
      if (msg.kind === 'settings') await this.reload();
    });
  }

  async start(): Promise<void> {
    await this.reload();
  }

  get<K extends SectionName>(name: K): Settings[K] {
    return this.current[name];
  }

  all(): Settings {
    return this.current;
  }

  /** Replaces a section with `patch` merged over its current value; the caller validated `patch`. */
  async update<K extends SectionName>(name: K, patch: Partial<Settings[K]>): Promise<Settings[K]> {
    const value = SETTINGS_SECTIONS[name].parse({ ...this.current[name], ...patch }) as Settings[K];
    const json = JSON.stringify(value);
    const now = Date.now();
    const updated = await this.db.kysely.updateTable('settings').set({ value: json, updated_at: now }).where('name', '=', name).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await this.db.kysely.insertInto('settings').values({ name, value: json, updated_at: now }).execute();
    }
    await this.bus.publish({ kind: 'settings' });
    return value;
  }

  private async reload(): Promise<void> {
    const rows = await this.db.kysely.selectFrom('settings').select(['name', 'value']).execute();
    const next = defaults();
    for (const row of rows) {
      if (!(row.name in SETTINGS_SECTIONS)) continue; // a section a newer version wrote
      const name = row.name as SectionName;
      const value = parseStoredJson(SETTINGS_SECTIONS[name], row.value);
      // A stored value that no longer validates falls back to the defaults rather than stopping the node.
      if (value !== undefined) (next as Record<SectionName, unknown>)[name] = value;
    }
    this.current = next;
  }
}

function defaults(): Settings {
  const out: Partial<Record<SectionName, unknown>> = {};
  for (const name of Object.keys(SETTINGS_SECTIONS) as SectionName[]) out[name] = SETTINGS_SECTIONS[name].parse({});
  return out as Settings;
}
