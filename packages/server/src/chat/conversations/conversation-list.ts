import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { conversationView, type ConversationView } from './conversation-view.js';
import type { TextMatch } from './search/text-match.js';

export interface ConversationPage {
  data: ConversationView[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  next_cursor: string | null;
}

/** The list's order is pinned, updated_at, id — all descending; a cursor holds the last row's. */
const listPosition = z.tuple([z.number().int().min(0).max(1), z.number().int(), z.string()]);
/** The sync order is updated_at, id — ascending. */
const syncPosition = z.tuple([z.number().int(), z.string()]);

/**
 * The conversation list (W-1): live conversations, pinned first, then the most recently changed,
 * by keyset pages. With a query, only those whose title or any message contains it.
 */
export async function listConversations(db: Db, text: TextMatch, userId: number, options: { limit: number; cursor?: string; query?: string }): Promise<ConversationPage> {
  let q = db.kysely.selectFrom('conversations').selectAll().where('user_id', '=', userId).where('deleted_at', 'is', null);
  if (options.query !== undefined) {
    const messages = await text.userMessages(userId, options.query);
    const title = text.title(options.query);
    q = q.where((eb) => eb.or([title, eb('id', 'in', eb.selectFrom('chat_messages').select('chat_messages.conversation_id').where(messages))]));
  }
  if (options.cursor !== undefined) {
    const [pinned, updatedAt, id] = decodeCursor('conversations', options.cursor, listPosition);
    q = q.where((eb) =>
      eb.or([
        eb('pinned', '<', pinned),
        eb.and([eb('pinned', '=', pinned), eb.or([eb('updated_at', '<', updatedAt), eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)])])]),
      ]),
    );
  }
  const rows = await q.orderBy('pinned', 'desc').orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    data: page.map(conversationView),
    next_cursor: rows.length > options.limit && last ? encodeCursor('conversations', [Number(last.pinned), Number(last.updated_at), last.id]) : null,
  };
}

/**
 * Sync (W-1): every conversation changed at or after `since`, deleted ones included, oldest change
 * first. "At or after" so a change in the same millisecond as the last one a device saw is not
 * missed; a device matches conversations by id, so seeing one twice is harmless.
 */
export async function conversationsChangedSince(db: Db, userId: number, since: number, options: { limit: number; cursor?: string }): Promise<ConversationPage> {
  let q = db.kysely.selectFrom('conversations').selectAll().where('user_id', '=', userId).where('updated_at', '>=', since);
  if (options.cursor !== undefined) {
    const [updatedAt, id] = decodeCursor('sync', options.cursor, syncPosition);
    q = q.where((eb) => eb.or([eb('updated_at', '>', updatedAt), eb.and([eb('updated_at', '=', updatedAt), eb('id', '>', id)])]));
  }
  const rows = await q.orderBy('updated_at').orderBy('id').limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    data: page.map(conversationView),
    next_cursor: rows.length > options.limit && last ? encodeCursor('sync', [Number(last.updated_at), last.id]) : null,
  };
}
