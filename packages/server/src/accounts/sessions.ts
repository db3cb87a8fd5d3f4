import type { Db } from '../db/database.js';
import { randomId, sha256Hex } from '../crypto/tokens.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { TtlCache } from '../kv/ttl-cache.js';
import { principalOf, type Principal } from '../principal.js';

/**
 * Browser and management sessions. The token (256 random bits) is given to the client
 * once; only its SHA-256 is stored. Lookups are cached per node and dropped everywhere
 * when a session ends or its user changes.
 */
export class SessionStore {
  private readonly cache: TtlCache<string, { principal: Principal; expiresAt: number }>;

  constructor(
    private readonly db: Db,
    private readonly bus: InvalidationBus,
    private readonly ttlMs: number,
    cacheTtlMs: number,
  ) {
    this.cache = new TtlCache(50_000, cacheTtlMs);
    bus.on((msg) => {
      if (msg.kind === 'session') this.cache.delete(msg.id);
      if (msg.kind === 'user') this.cache.deleteWhere((v) => v.principal.id === msg.id);
    });
  }

  async create(userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; expiresAt: number }> {
    const token = `sbs_${randomId(32)}`;
    const now = Date.now();
    const expiresAt = now + this.ttlMs;
    await this.db.kysely
      .insertInto('sessions')
      .values({
        id: sha256Hex(token),
        user_id: userId,
        created_at: now,
        expires_at: expiresAt,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 500) ?? null,
      })
      .execute();
    return { token, expiresAt };
  }

  async resolve(token: string): Promise<Principal | undefined> {
    const id = sha256Hex(token);
    const now = Date.now();
    const cached = this.cache.get(id);
    if (cached) return cached.expiresAt > now ? cached.principal : undefined;
    const row = await this.db.kysely
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.username', 'users.role', 'users.group_name', 'users.status', 'sessions.expires_at'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row || row.expires_at <= now || row.status !== 'active') return undefined;
    const principal = principalOf(row);
    this.cache.set(id, { principal, expiresAt: row.expires_at });
    return principal;
  }

  async revoke(token: string): Promise<void> {
    const id = sha256Hex(token);
    await this.db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
    await this.bus.publish({ kind: 'session', id });
  }

  /**
   * Ends every session of a user (ban, password reset), or every one but `keepToken` (password
   * change). The `user` invalidation drops the user's cached sessions on every node, so an ended
   * session stops working at once; a kept one is simply read again from the database.
   */
  async revokeAllOf(userId: number, keepToken?: string): Promise<number> {
    let q = this.db.kysely.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepToken) q = q.where('id', '!=', sha256Hex(keepToken));
    const result = await q.executeTakeFirst();
    await this.bus.publish({ kind: 'user', id: userId });
    return Number(result.numDeletedRows);
  }
}
