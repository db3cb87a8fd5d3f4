import type { Db } from '../db/database.js';
import { randomBase62 } from '../crypto/tokens.js';
import { hashPassword } from './passwords.js';
import { rootPasswordBanner } from './root-banner.js';

/**
 * First run (U-4): create `root` with ROOT_PASSWORD, or with a random password that is
 * shown once. There is never a fixed default password.
 */
export async function ensureRootUser(
  db: Db,
  configuredPassword: string | undefined,
  announce: (message: string) => void,
): Promise<boolean> {
  const existing = await db.kysely.selectFrom('users').select('id').where('role', '=', 'root').executeTakeFirst();
  if (existing) return false;
  const password = configuredPassword ?? randomBase62(20);
  const now = Date.now();
  await db.kysely
    .insertInto('users')
    .values({
      username: 'root',
      email: null,
      password_hash: await hashPassword(password),
      role: 'root',
      group_name: 'normal',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (!configuredPassword) {
    announce(rootPasswordBanner(password));
  }
  return true;
}
