import type { ExpressionBuilder, Transaction } from 'kysely';
import { sql } from '../db/kysely-runtime.js';
import type { LedgerService } from '../billing/ledger.js';
import { microPoints } from '../billing/money.js';
import type { Db } from '../db/database.js';
import { insertedId } from '../db/database.js';
import type { Database, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction-retry.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { InvalidationBus } from '../kv/invalidation.js';
import { hashPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';

/**
 * User accounts (U-1, U-2, A-2): creation with an opening grant, lookups, and changes that take
 * effect on every node at once. Uniqueness of usernames and emails rests on the database's
 * unique indexes (migration 001), so two concurrent sign-ups for one name cannot both succeed;
 * the look-ups before an insert only give a friendlier answer in the common case.
 */
/**
 * The case rule of sign-in names: usernames and emails match whatever their case, so everything
 * keyed by a login the user typed (the per-account sign-in limit) folds it the same way.
 */
export function foldLogin(login: string): string {
  return login.toLowerCase();
}

type Role = UserRow['role'];
type Status = UserRow['status'];

export interface UserView {
  id: number;
  username: string;
  email: string | null;
  role: Role;
  group: string;
  status: Status;
  /** Micro-points. */
  balance: number;
  created_at: number;
  updated_at: number;
}

export interface NewAccount {
  username: string;
  /** Lowercase already. */
  email: string | null;
  password: string;
  role?: Role;
  group?: string;
  /** Micro-points credited in the same transaction as the insert (ledger kind `signup`). */
  grant?: number;
  grantNote?: string;
}

export interface UserPatch {
  email?: string | null;
  role?: Role;
  group?: string;
  status?: Status;
  password?: string;
}

export type Taken = 'username_taken' | 'email_taken';
export type CreateResult = { ok: true; user: UserView } | { ok: false; reason: Taken };
export type UpdateResult = { ok: true; user: UserView } | { ok: false; reason: 'not_found' | 'last_root' | 'email_taken' };

export interface UserQuery {
  search?: string;
  role?: Role;
  status?: Status;
  page: number;
  pageSize: number;
}

export class UserService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly sessions: SessionStore,
    private readonly bus: InvalidationBus,
  ) {}

  async create(input: NewAccount): Promise<CreateResult> {
    const passwordHash = await hashPassword(input.password);
    const now = Date.now();
    const row = {
      username: input.username,
      email: input.email,
      password_hash: passwordHash,
      role: input.role ?? 'user',
      group_name: input.group ?? 'normal',
      status: 'active',
      created_at: now,
      updated_at: now,
    } as const;
    try {
      const id = await inTransaction(this.db, async (trx) => {
        const id = await this.insert(trx, row);
        const grant = input.grant ?? 0;
        if (grant > 0) {
          const posted = await this.ledger.postIn(trx, {
            userId: id,
            kind: 'signup',
            amount: grant,
            idemKey: `signup:${id}`,
            note: input.grantNote ?? 'signup grant',
          });
          if (!posted.ok) throw new Error(`signup grant for user ${id} failed: ${posted.reason}`);
        }
        return id;
      });
      return { ok: true, user: (await this.get(id))! };
    } catch (err) {
      if (isUniqueViolation(err)) return { ok: false, reason: await this.whichTaken(input.username, input.email) };
      throw err;
    }
  }

  /** Which of the two is in use (case-insensitively), for the answer to a refused sign-up. */
  async taken(username: string, email: string | null): Promise<Taken | undefined> {
    if (await this.byUsername(username)) return 'username_taken';
    if (email && (await this.byEmail(email))) return 'email_taken';
    return undefined;
  }

  async get(id: number): Promise<UserView | undefined> {
    const row = await this.db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? viewOf(row) : undefined;
  }

  async row(id: number): Promise<UserRow | undefined> {
    return this.db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byEmail(email: string): Promise<UserRow | undefined> {
    return this.db.kysely.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  /**
   * Usernames are matched without regard to case: "Alice" and "alice" are one name (migration
   * 008). MySQL's collation already compares so, and its plain index serves `=`; elsewhere
   * lower(username) has its own index.
   */
  async byUsername(username: string): Promise<UserRow | undefined> {
    return this.db.kysely
      .selectFrom('users')
      .selectAll()
      .where((eb) => this.usernameIs(eb, username))
      .executeTakeFirst();
  }

  /** Sign-in: the username (any case) or the email. */
  async byLogin(login: string): Promise<UserRow | undefined> {
    return this.db.kysely
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([this.usernameIs(eb, login), eb('email', '=', foldLogin(login))]))
      .executeTakeFirst();
  }

  private usernameIs(eb: ExpressionBuilder<Database, 'users'>, username: string) {
    return this.db.dialect === 'mysql' ? eb('username', '=', username) : eb(eb.fn('lower', ['username']), '=', foldLogin(username));
  }

  async list(query: UserQuery): Promise<{ data: UserView[]; total: number }> {
    let base = this.db.kysely.selectFrom('users');
    if (query.search) {
      // `!` escapes LIKE wildcards the same way on all three engines (backslash does not).
      const pattern = `%${query.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
      base = base.where(
        (eb) =>
          sql<boolean>`(lower(${eb.ref('username')}) like ${pattern} escape '!' or lower(${eb.ref('email')}) like ${pattern} escape '!')`,
      );
    }
    if (query.role) base = base.where('role', '=', query.role);
    if (query.status) base = base.where('status', '=', query.status);
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { data: rows.map(viewOf), total: Number(count.n) };
  }

  /**
   * Applies an administrator's change. Demoting or banning a root locks the active roots first
   * (in one order, so concurrent changes queue instead of deadlocking) and refuses to leave none:
   * two roots demoting each other at once cannot lock everyone out. A ban or a new password
   * ends the user's sessions; every change drops the user's cached sessions and API keys on
   * every node, so a ban stops the user's keys at once and an unban restores them.
   */
  async update(id: number, patch: UserPatch): Promise<UpdateResult> {
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    const losesRoot = (patch.role !== undefined && patch.role !== 'root') || patch.status === 'banned';
    let outcome: 'ok' | 'not_found' | 'last_root';
    try {
      outcome = await inTransaction(this.db, async (trx) => {
        if (losesRoot) {
          let roots = trx.selectFrom('users').select('id').where('role', '=', 'root').where('status', '=', 'active').orderBy('id');
          if (this.db.dialect !== 'sqlite') roots = roots.forUpdate();
          const ids = (await roots.execute()).map((r) => Number(r.id));
          if (ids.includes(id) && ids.length === 1) return 'last_root' as const;
        }
        const set: Partial<UserRow> = { updated_at: Date.now() };
        if (patch.email !== undefined) set.email = patch.email;
        if (patch.role !== undefined) set.role = patch.role;
        if (patch.group !== undefined) set.group_name = patch.group;
        if (patch.status !== undefined) set.status = patch.status;
        if (passwordHash !== undefined) set.password_hash = passwordHash;
        const updated = await trx.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
        return Number(updated.numUpdatedRows) === 0 ? ('not_found' as const) : ('ok' as const);
      });
    } catch (err) {
      if (isUniqueViolation(err)) return { ok: false, reason: 'email_taken' };
      throw err;
    }
    if (outcome !== 'ok') return { ok: false, reason: outcome };
    if (patch.status === 'banned' || passwordHash !== undefined) await this.sessions.revokeAllOf(id);
    else await this.bus.publish({ kind: 'user', id });
    const user = await this.get(id);
    return user ? { ok: true, user } : { ok: false, reason: 'not_found' };
  }

  /** Sets a new password; ends every session of the user, or every one but `keepToken`. */
  async setPassword(id: number, password: string, keepToken?: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.db.kysely.updateTable('users').set({ password_hash: passwordHash, updated_at: Date.now() }).where('id', '=', id).execute();
    await this.sessions.revokeAllOf(id, keepToken);
  }

  private async whichTaken(username: string, email: string | null): Promise<Taken> {
    return (await this.taken(username, email)) ?? 'username_taken';
  }

  private async insert(trx: Transaction<Database>, row: NewUserRow): Promise<number> {
    if (this.db.dialect === 'mysql') return insertedId(await trx.insertInto('users').values(row).executeTakeFirst());
    return insertedId(await trx.insertInto('users').values(row).returning('id').executeTakeFirst());
  }
}

type NewUserRow = Omit<UserRow, 'id' | 'balance'>;

function viewOf(row: UserRow): UserView {
  return {
    id: Number(row.id),
    username: row.username,
    email: row.email,
    role: row.role,
    group: row.group_name,
    status: row.status,
    balance: microPoints(row.balance),
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
  };
}
