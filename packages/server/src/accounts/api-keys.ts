import type { Db } from '../db/database.js';
import { insertedId } from '../db/database.js';
import type { ApiKeyRow } from '../db/schema.js';
import { sha256Hex } from '../crypto/tokens.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { TtlCache } from '../kv/ttl-cache.js';
import { microPoints } from '../billing/money.js';
import { compileAllowlist } from './ip-allowlist.js';
import type { KeyTag } from './key-tag.js';
import { principalOf, type Principal } from '../principal.js';

/**
 * API keys (U-3): `sk-` + 48 base62 characters (40 from the CSPRNG and a tag, see `KeyTag`),
 * shown once, stored as SHA-256. The relay resolves keys from an in-memory cache so the hot path never waits
 * on the database; changes publish an invalidation that every node applies.
 */
export interface ResolvedKey {
  keyId: number;
  user: Principal;
  status: ApiKeyRow['status'];
  expiresAt: number | null;
  /** null = every model. */
  models: ReadonlySet<string> | null;
  ipAllowed: ((ip: string) => boolean) | null;
  /** Spending cap in micro-points (B-10); null = none. */
  quotaLimit: number | null;
  /** Requests and tokens per minute; null = unlimited. */
  rpm: number | null;
  tpm: number | null;
}

export interface KeyView {
  id: number;
  name: string;
  key_hint: string;
  status: ApiKeyRow['status'];
  expires_at: number | null;
  models: string[] | null;
  allow_ips: string[] | null;
  quota_limit: number | null;
  quota_used: number;
  rpm: number | null;
  tpm: number | null;
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
}

export interface KeyFields {
  name: string;
  status?: ApiKeyRow['status'];
  expires_at?: number | null;
  models?: string[] | null;
  allow_ips?: string[] | null;
  quota_limit?: number | null;
  rpm?: number | null;
  tpm?: number | null;
  /** Starts the key's spending count again from zero. */
  reset_quota_used?: boolean;
}

const MISSING = Symbol('missing');

export class ApiKeyService {
  /** By the key as presented, so a hit costs a map lookup and no hashing. */
  private readonly cache: TtlCache<string, ResolvedKey | typeof MISSING>;
  /** Invalidations name keys by hash (the only form stored); this maps them back. Same bound as the cache. */
  private readonly presentedByHash: TtlCache<string, string>;
  /** Lookups under way, by presented key: a burst of one uncached key makes one query. */
  private readonly lookups = new Map<string, Promise<ResolvedKey | undefined>>();

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
    cacheTtlMs: number,
    private readonly tags: KeyTag,
  ) {
    this.cache = new TtlCache(100_000, cacheTtlMs);
    this.presentedByHash = new TtlCache(100_000, cacheTtlMs);
    bus.on((msg) => {
      if (msg.kind === 'key') {
        const presented = this.presentedByHash.get(msg.hash);
        if (presented !== undefined) this.cache.delete(presented);
      }
      if (msg.kind === 'user') this.cache.deleteWhere((v) => v !== MISSING && v.user.id === msg.id);
    });
  }

  async create(userId: number, fields: KeyFields): Promise<{ key: string; view: KeyView }> {
    const key = this.tags.issue();
    const now = Date.now();
    const row = {
      user_id: userId,
      name: fields.name,
      key_hash: sha256Hex(key),
      key_hint: `${key.slice(0, 7)}…${key.slice(-4)}`,
      status: fields.status ?? 'active',
      expires_at: fields.expires_at ?? null,
      models: fields.models ? JSON.stringify(fields.models) : null,
      allow_ips: fields.allow_ips ? JSON.stringify(fields.allow_ips) : null,
      quota_limit: fields.quota_limit ?? null,
      quota_used: 0,
      rpm: fields.rpm ?? null,
      tpm: fields.tpm ?? null,
      created_at: now,
      updated_at: now,
      last_used_at: null,
    } as const;
    const id = await this.insert(row);
    // A key created after a failed lookup of the same hash must not stay negatively cached.
    await this.bus.publish({ kind: 'key', hash: row.key_hash });
    return { key, view: toView({ ...row, id }) };
  }

  async list(userId: number): Promise<KeyView[]> {
    const rows = await this.db.kysely.selectFrom('api_keys').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
    return rows.map(toView);
  }

  async get(userId: number, id: number): Promise<ApiKeyRow | undefined> {
    return this.db.kysely.selectFrom('api_keys').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  }

  async update(userId: number, id: number, fields: Partial<KeyFields>): Promise<KeyView | undefined> {
    const row = await this.get(userId, id);
    if (!row) return undefined;
    const patch: Partial<ApiKeyRow> = { updated_at: Date.now() };
    if (fields.name !== undefined) patch.name = fields.name;
    if (fields.status !== undefined) patch.status = fields.status;
    if (fields.expires_at !== undefined) patch.expires_at = fields.expires_at;
    if (fields.models !== undefined) patch.models = fields.models ? JSON.stringify(fields.models) : null;
    if (fields.allow_ips !== undefined) patch.allow_ips = fields.allow_ips ? JSON.stringify(fields.allow_ips) : null;
    if (fields.quota_limit !== undefined) patch.quota_limit = fields.quota_limit;
    if (fields.rpm !== undefined) patch.rpm = fields.rpm;
    if (fields.tpm !== undefined) patch.tpm = fields.tpm;
    if (fields.reset_quota_used) patch.quota_used = 0;
    await this.db.kysely.updateTable('api_keys').set(patch).where('id', '=', id).execute();
    await this.bus.publish({ kind: 'key', hash: row.key_hash });
    return toView({ ...row, ...patch });
  }

  async remove(userId: number, id: number): Promise<boolean> {
    const row = await this.get(userId, id);
    if (!row) return false;
    await this.db.kysely.deleteFrom('api_keys').where('id', '=', id).execute();
    await this.bus.publish({ kind: 'key', hash: row.key_hash });
    return true;
  }

  /** A key already resolved on this node, without I/O; undefined when it has to be looked up. */
  cachedKey(key: string): ResolvedKey | undefined {
    const cached = this.cache.get(key);
    return cached === MISSING ? undefined : cached;
  }

  /** Whether this deployment issued a key of this form (no I/O); keys from before tags are not recognised. */
  carriesTag(key: string): boolean {
    return this.tags.verifies(key);
  }

  /**
   * Cached lookup for the relay. Unknown keys are cached briefly too, and concurrent lookups of
   * one key share a query, so guessing floods stay off the database.
   */
  async resolve(key: string): Promise<ResolvedKey | undefined> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached === MISSING ? undefined : cached;
    let lookup = this.lookups.get(key);
    if (!lookup) {
      lookup = this.lookUp(key).finally(() => this.lookups.delete(key));
      this.lookups.set(key, lookup);
    }
    return lookup;
  }

  private async lookUp(key: string): Promise<ResolvedKey | undefined> {
    const hash = sha256Hex(key);
    const row = await this.db.kysely
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .select([
        'api_keys.id as key_id',
        'api_keys.status as key_status',
        'api_keys.expires_at',
        'api_keys.models',
        'api_keys.allow_ips',
        'api_keys.quota_limit',
        'api_keys.rpm',
        'api_keys.tpm',
        'users.id',
        'users.username',
        'users.role',
        'users.group_name',
        'users.status',
      ])
      .where('api_keys.key_hash', '=', hash)
      .executeTakeFirst();
    this.presentedByHash.set(hash, key);
    if (!row) {
      this.cache.set(key, MISSING, 10_000);
      return undefined;
    }
    const models = row.models ? (JSON.parse(row.models) as string[]) : null;
    const ips = row.allow_ips ? (JSON.parse(row.allow_ips) as string[]) : null;
    const resolved: ResolvedKey = {
      keyId: row.key_id,
      user: principalOf(row),
      status: row.key_status,
      expiresAt: row.expires_at,
      models: models ? new Set(models) : null,
      ipAllowed: ips && ips.length > 0 ? compileAllowlist(ips) : null,
      quotaLimit: row.quota_limit === null ? null : microPoints(row.quota_limit),
      rpm: row.rpm,
      tpm: row.tpm,
    };
    this.cache.set(key, resolved);
    return resolved;
  }

  /** Batched from the usage recorder: one UPDATE per flushed key, never per request. */
  async touch(lastUsed: ReadonlyMap<number, number>): Promise<void> {
    for (const [id, at] of lastUsed) {
      await this.db.kysely.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
    }
  }

  private async insert(row: Omit<ApiKeyRow, 'id'>): Promise<number> {
    if (this.db.dialect === 'mysql') return insertedId(await this.db.kysely.insertInto('api_keys').values(row).executeTakeFirst());
    return insertedId(await this.db.kysely.insertInto('api_keys').values(row).returning('id').executeTakeFirst());
  }
}

function toView(row: ApiKeyRow): KeyView {
  return {
    id: row.id,
    name: row.name,
    key_hint: row.key_hint,
    status: row.status,
    expires_at: row.expires_at,
    models: row.models ? (JSON.parse(row.models) as string[]) : null,
    allow_ips: row.allow_ips ? (JSON.parse(row.allow_ips) as string[]) : null,
    quota_limit: row.quota_limit === null ? null : microPoints(row.quota_limit),
    quota_used: microPoints(row.quota_used),
    rpm: row.rpm,
    tpm: row.tpm,
    created_at: row.created_at,
    updated_at: row.updated_at,
    last_used_at: row.last_used_at,
  };
}
