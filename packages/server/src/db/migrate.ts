import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from './kysely-runtime.js';
import type { Db, Dialect } from './database.js';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-usage-cache-writes.js';
import * as m003 from './migrations/003-ledger.js';
import * as m004 from './migrations/004-prices.js';
import * as m005 from './migrations/005-usage-cost.js';
import * as m006 from './migrations/006-codes.js';
import * as m007 from './migrations/007-settings.js';
import * as m008 from './migrations/008-username-case.js';
import * as m009 from './migrations/009-plans.js';
import * as m011 from './migrations/011-key-limits.js';
import * as m012 from './migrations/012-market.js';
import * as m013 from './migrations/013-presets.js';
import * as m014 from './migrations/014-chat.js';
import * as m015 from './migrations/015-chat-shares.js';
import * as m016 from './migrations/016-chat-search.js';
import * as m017 from './migrations/017-chat-error-code.js';

/**
 * Migrations are additive, listed here in order, and run at every start-up on all three
 * engines. Kysely's migrator takes a lock table, so several nodes starting at once apply
 * each migration exactly once.
 */
interface DialectMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

const MIGRATIONS: Record<string, DialectMigration> = {
  '001-initial': m001,
  '002-usage-cache-writes': m002,
  '003-ledger': m003,
  '004-prices': m004,
  '005-usage-cost': m005,
  '006-codes': m006,
  '007-settings': m007,
  '008-username-case': m008,
  '009-plans': m009,
  '011-key-limits': m011,
  '012-market': m012,
  '013-presets': m013,
  '014-chat': m014,
  '015-chat-shares': m015,
  '016-chat-search': m016,
  '017-chat-error-code': m017,
};

export async function migrate(db: Db): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (k) => m.up(k, db.dialect) };
      }
      return out;
    },
  };
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    migrationTableName: 'sb_migrations',
    migrationLockTableName: 'sb_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
