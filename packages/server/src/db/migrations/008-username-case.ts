import type { Kysely } from 'kysely';
import { sql } from '../kysely-runtime.js';
import type { Dialect } from '../database.js';

/**
 * Usernames are unique regardless of case (U-1): "Alice" and "alice" are one account name.
 * Registration checks this before inserting, but only an index makes two concurrent sign-ups
 * unable to both win. MySQL/MariaDB's default collation already compares case-insensitively,
 * so its existing unique index does this; SQLite and PostgreSQL get an index on lower(username).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'mysql') return;
  await sql`CREATE UNIQUE INDEX users_username_lower ON users (lower(username))`.execute(db);
}
