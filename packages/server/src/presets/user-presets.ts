import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import { parseStoredJson } from '../db/stored-json.js';
import { inTransaction } from '../db/transaction-retry.js';
import { MAX_PRESETS_PER_USER, presetContext, type PresetInput, type PresetView } from './preset-schema.js';

/**
 * Each user's own presets (W-6), synced between their devices like conversations. Every
 * method takes the signed-in caller's id, never one from the request, and finds a preset by
 * id and owner together: someone else's preset is simply not found. Deleting keeps the row
 * with `deleted_at` set so `changedSince` can tell other devices about it.
 */
export class UserPresets {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Live presets, the most recently changed first. */
  async list(userId: number): Promise<PresetView[]> {
    const rows = await this.db.kysely
      .selectFrom('user_presets')
      .selectAll()
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(viewOf);
  }

  /**
   * Presets changed at or after `since` (ms), deletions included, oldest change first. "At or
   * after" so a change in the same millisecond as the last one a device saw is not missed;
   * the device matches presets by id, so seeing one twice is harmless.
   */
  async changedSince(userId: number, since: number): Promise<PresetView[]> {
    const rows = await this.db.kysely
      .selectFrom('user_presets')
      .selectAll()
      .where('user_id', '=', userId)
      .where('updated_at', '>=', since)
      .orderBy('updated_at')
      .orderBy('id')
      .execute();
    return rows.map(viewOf);
  }

  async get(userId: number, id: string): Promise<PresetView | undefined> {
    const row = await this.db.kysely
      .selectFrom('user_presets')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && viewOf(row);
  }

  /** Undefined when the user already has MAX_PRESETS_PER_USER live presets. */
  async create(userId: number, input: PresetInput): Promise<PresetView | undefined> {
    const now = this.clock();
    const row = { id: randomUUID(), user_id: userId, ...columnsOf(input), created_at: now, updated_at: now, deleted_at: null };
    const created = await inTransaction(this.db, async (trx) => {
      const live = await trx
        .selectFrom('user_presets')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      if (Number(live.n) >= MAX_PRESETS_PER_USER) return false;
      await trx.insertInto('user_presets').values(row).execute();
      return true;
    });
    // The view is the row just written: no second read.
    return created ? viewOf(row) : undefined;
  }

  /** Undefined when the user has no live preset with this id. */
  async update(userId: number, id: string, input: PresetInput): Promise<PresetView | undefined> {
    const result = await this.db.kysely
      .updateTable('user_presets')
      .set({ ...columnsOf(input), updated_at: this.clock() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.get(userId, id) : undefined;
  }

  /** False when the user has no live preset with this id. */
  async remove(userId: number, id: string): Promise<boolean> {
    const now = this.clock();
    const result = await this.db.kysely
      .updateTable('user_presets')
      .set({ deleted_at: now, updated_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function columnsOf(input: PresetInput) {
  return { avatar: input.avatar, name: input.name, description: input.description, context: JSON.stringify(input.context) };
}

interface PresetRow {
  id: string;
  avatar: string;
  name: string;
  description: string;
  context: string;
  created_at: number | string;
  updated_at: number | string;
  deleted_at: number | string | null;
}

function viewOf(row: PresetRow): PresetView {
  return {
    id: row.id,
    avatar: row.avatar,
    name: row.name,
    description: row.description,
    // A row damaged by hand shows as a preset without context rather than breaking the list.
    context: parseStoredJson(presetContext, row.context) ?? [],
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    deleted_at: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}
