import { quoted } from '@switchboard/protocol';
import { SUPPORTED_PROTOCOLS } from '../providers/adapters.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Db } from '../db/database.js';
import { insertedId } from '../db/database.js';
import type { ChannelRow } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { channelTypeById } from '../providers/channel-types.js';
import type { ChannelCreate, ChannelPatch, ChannelView } from './channel-schema.js';

/** A channel with its secrets opened, for the router and for root. */
export interface OpenChannel {
  row: ChannelRow;
  keys: string[];
  proxy: string | null;
  headers: Record<string, string>;
}

/**
 * Channel persistence (C-1). Keys, proxy credentials and extra headers are sealed with the
 * deployment secret before they reach the database (S-2); views mask them. Every write
 * publishes an invalidation so every node rebuilds its routing snapshot.
 */
export class ChannelService {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly bus: InvalidationBus,
  ) {}

  async create(input: ChannelCreate): Promise<ChannelView> {
    const preset = checkType(input.type);
    const baseUrl = input.base_url ?? preset.baseUrl;
    if (!baseUrl) throw badRequest(`invalid body: base_url: required for channel type ${quoted(input.type)}`, 'validation_failed');
    const now = Date.now();
    const row: Omit<ChannelRow, 'id'> = {
      name: input.name,
      type: input.type,
      base_url: baseUrl,
      keys_sealed: this.box.seal(input.keys.join('\n')),
      models: JSON.stringify(dedupe(input.models ?? preset.models)),
      mapping: input.mapping,
      groups: JSON.stringify(dedupe(input.groups)),
      priority: input.priority,
      weight: input.weight,
      retry: input.retry,
      status: input.status,
      proxy_sealed: input.proxy ? this.box.seal(input.proxy) : null,
      headers_sealed: Object.keys(input.headers).length ? this.box.seal(JSON.stringify(input.headers)) : null,
      test_model: input.test_model || null,
      tag: input.tag || null,
      created_at: now,
      updated_at: now,
    };
    const id =
      this.db.dialect === 'mysql'
        ? insertedId(await this.db.kysely.insertInto('channels').values(row).executeTakeFirst())
        : insertedId(await this.db.kysely.insertInto('channels').values(row).returning('id').executeTakeFirst());
    await this.bus.publish({ kind: 'channels' });
    return this.view({ ...row, id });
  }

  async list(filter: { tag?: string | undefined; type?: string | undefined } = {}): Promise<ChannelView[]> {
    let q = this.db.kysely.selectFrom('channels').selectAll().orderBy('priority', 'desc').orderBy('id', 'asc');
    if (filter.tag) q = q.where('tag', '=', filter.tag);
    if (filter.type) q = q.where('type', '=', filter.type);
    return (await q.execute()).map((row) => this.view(row));
  }

  async getRow(id: number): Promise<ChannelRow | undefined> {
    return this.db.kysely.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async get(id: number): Promise<ChannelView | undefined> {
    const row = await this.getRow(id);
    return row && this.view(row);
  }

  async update(id: number, patch: ChannelPatch): Promise<ChannelView | undefined> {
    const row = await this.getRow(id);
    if (!row) return undefined;
    const set: Partial<ChannelRow> = { updated_at: Date.now() };
    if (patch.type !== undefined) {
      checkType(patch.type);
      set.type = patch.type;
    }
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.base_url !== undefined) {
      if (!patch.base_url) throw badRequest('invalid body: base_url: must not be empty', 'validation_failed');
      set.base_url = patch.base_url;
    }
    if (patch.keys !== undefined) set.keys_sealed = this.box.seal(patch.keys.join('\n'));
    if (patch.models !== undefined) set.models = JSON.stringify(dedupe(patch.models));
    if (patch.mapping !== undefined) set.mapping = patch.mapping;
    if (patch.groups !== undefined) set.groups = JSON.stringify(dedupe(patch.groups));
    if (patch.priority !== undefined) set.priority = patch.priority;
    if (patch.weight !== undefined) set.weight = patch.weight;
    if (patch.retry !== undefined) set.retry = patch.retry;
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.proxy !== undefined) set.proxy_sealed = patch.proxy ? this.box.seal(patch.proxy) : null;
    if (patch.headers !== undefined) {
      set.headers_sealed = Object.keys(patch.headers).length ? this.box.seal(JSON.stringify(patch.headers)) : null;
    }
    if (patch.test_model !== undefined) set.test_model = patch.test_model || null;
    if (patch.tag !== undefined) set.tag = patch.tag || null;
    await this.db.kysely.updateTable('channels').set(set).where('id', '=', id).execute();
    await this.bus.publish({ kind: 'channels' });
    return this.view({ ...row, ...set });
  }

  async remove(id: number): Promise<boolean> {
    const result = await this.db.kysely.deleteFrom('channels').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await this.bus.publish({ kind: 'channels' });
    return true;
  }

  /** Enabled channels with secrets opened: the input of the routing snapshot. */
  async loadEnabled(): Promise<OpenChannel[]> {
    const rows = await this.db.kysely.selectFrom('channels').selectAll().where('status', '=', 'enabled').execute();
    return rows.map((row) => this.open(row));
  }

  open(row: ChannelRow): OpenChannel {
    return {
      row,
      keys: this.box.open(row.keys_sealed).split('\n').filter(Boolean),
      proxy: row.proxy_sealed ? this.box.open(row.proxy_sealed) : null,
      headers: row.headers_sealed ? (JSON.parse(this.box.open(row.headers_sealed)) as Record<string, string>) : {},
    };
  }

  private view(row: ChannelRow): ChannelView {
    const open = this.open(row);
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      base_url: row.base_url,
      keys: open.keys.map(maskKey).join('\n'),
      key_count: open.keys.length,
      models: JSON.parse(row.models) as string[],
      mapping: row.mapping,
      groups: JSON.parse(row.groups) as string[],
      priority: row.priority,
      weight: row.weight,
      retry: row.retry,
      status: row.status,
      proxy: open.proxy ? maskProxy(open.proxy) : null,
      headers: Object.fromEntries(Object.keys(open.headers).map((k) => [k, '********'])),
      test_model: row.test_model,
      tag: row.tag,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }
}

function checkType(type: string) {
  const preset = channelTypeById(type);
  if (!preset) throw badRequest(`unknown channel type ${quoted(type)}`, 'validation_failed');
  if (!SUPPORTED_PROTOCOLS.has(preset.protocol)) {
    throw badRequest(
      `channel type "${type}" needs the native ${preset.protocol} protocol adapter, which this build does not include; use an OpenAI-compatible type`,
      'unsupported_channel_type',
    );
  }
  return preset;
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function maskKey(key: string): string {
  return key
    .split('|')
    .map((part) => (part.length <= 8 ? '*'.repeat(part.length) : `${part.slice(0, 4)}…${part.slice(-2)}`))
    .join('|');
}

function maskProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.password) url.password = '****';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '****';
  }
}
