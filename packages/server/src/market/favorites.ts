import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction-retry.js';

/**
 * Each user's favourite models, in their own order (W-7). Every method takes the user id of
 * the signed-in caller, never one from the request, so no one reaches another user's list.
 */
export class Favorites {
  constructor(private readonly db: Db) {}

  /** The user's favourites in their order; `exists` drops models no longer in the market. */
  async list(userId: number, exists: (model: string) => boolean): Promise<string[]> {
    const rows = await this.db.kysely.selectFrom('market_favorites').select('model').where('user_id', '=', userId).orderBy('position').execute();
    return rows.map((r) => r.model).filter(exists);
  }

  /** Replaces the user's whole list in one transaction. */
  async replace(userId: number, models: readonly string[]): Promise<void> {
    await inTransaction(this.db, async (trx) => {
      await trx.deleteFrom('market_favorites').where('user_id', '=', userId).execute();
      if (models.length) await trx.insertInto('market_favorites').values(models.map((model, position) => ({ user_id: userId, model, position }))).execute();
    });
  }
}
