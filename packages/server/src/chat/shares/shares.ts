import { z } from 'zod';
import { randomId } from '../../crypto/tokens.js';
import type { Db } from '../../db/database.js';
import { parseStoredJson } from '../../db/stored-json.js';
import { AppError, badRequest } from '../../http/errors.js';
import { DEFAULT_SETTINGS } from '../conversation-settings.js';
import { conversationNotFound, messageGenerating } from '../conversations/conversation-errors.js';
import type { ConversationDetail } from '../conversations/conversation-view.js';
import type { Conversations } from '../conversations/conversations.js';
import { messageView } from '../conversations/message-view.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { sharedMessageOf, shareSnapshot, type SharedMessage } from './share-snapshot.js';

/** A share as its owner lists it. */
export interface ShareSummary {
  id: string;
  title: string;
  conversation_id: string;
  /** The last message shared; null when the snapshot ended at the conversation's current message. */
  message_id: string | null;
  created_at: number;
}

/** A share as anyone reads it: never the owner or the conversation behind it. */
export interface PublicShare {
  id: string;
  title: string;
  messages: SharedMessage[];
  created_at: number;
}

/** 128 random bits, base64url: 22 characters no one can guess or count through. */
const SHARE_ID_BYTES = 16;
/** The snapshot column is MEDIUMTEXT on MySQL (16 MB); a share stays clear of it. */
const MAX_SNAPSHOT_BYTES = 15 * 1024 * 1024;
const listPosition = z.tuple([z.number().int(), z.string()]);

/**
 * Shared conversations (W-8). A share copies one path (root to a message) when it is made;
 * deleting or changing the conversation later leaves the link as it was. The owner lists and
 * deletes their own shares (another user's share is not found); anyone can read one by its id,
 * and any signed-in user can fork it into a conversation of their own.
 */
export class Shares {
  constructor(
    private readonly db: Db,
    private readonly conversations: Conversations,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Shares the path to `messageId` (default: the message shown last). */
  async create(userId: number, conversationId: string, messageId?: string): Promise<ShareSummary> {
    const conversation = await this.conversations.get(userId, conversationId);
    if (!conversation) throw conversationNotFound(conversationId);
    const last = messageId ?? conversation.current_leaf_id;
    if (last === null) throw badRequest('this conversation has no messages to share', 'conversation_empty');
    const path = await this.conversations.pathTo(userId, conversationId, last);
    if (path.some((m) => m.status === 'generating')) throw messageGenerating();
    const snapshot = JSON.stringify({ messages: path.map((m) => sharedMessageOf(messageView(m))) });
    if (Buffer.byteLength(snapshot) > MAX_SNAPSHOT_BYTES) {
      throw new AppError(413, 'share_too_large', `this part of the conversation is over ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB; share up to an earlier message`);
    }
    const row = {
      id: randomId(SHARE_ID_BYTES),
      user_id: userId,
      conversation_id: conversationId,
      message_id: messageId ?? null,
      title: conversation.title,
      snapshot,
      created_at: this.clock(),
    };
    await this.db.kysely.insertInto('chat_shares').values(row).execute();
    return summaryOf(row);
  }

  /** The caller's shares, newest first, in keyset pages. */
  async list(userId: number, options: { limit: number; cursor?: string }): Promise<{ data: ShareSummary[]; next_cursor: string | null }> {
    let q = this.db.kysely
      .selectFrom('chat_shares')
      .select(['id', 'title', 'conversation_id', 'message_id', 'created_at'])
      .where('user_id', '=', userId);
    if (options.cursor !== undefined) {
      const [createdAt, id] = decodeCursor('shares', options.cursor, listPosition);
      q = q.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
    const page = rows.slice(0, options.limit).map(summaryOf);
    const last = page.at(-1);
    return { data: page, next_cursor: rows.length > options.limit && last ? encodeCursor('shares', [last.created_at, last.id]) : null };
  }

  /** False when the caller has no share with this id. */
  async remove(userId: number, id: string): Promise<boolean> {
    const result = await this.db.kysely.deleteFrom('chat_shares').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async read(id: string): Promise<PublicShare | undefined> {
    const row = await this.db.kysely.selectFrom('chat_shares').select(['id', 'title', 'snapshot', 'created_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    // A snapshot damaged by hand reads as an empty share rather than an error page.
    const snapshot = parseStoredJson(shareSnapshot, row.snapshot) ?? { messages: [] };
    return { id: row.id, title: row.title, messages: snapshot.messages, created_at: Number(row.created_at) };
  }

  /** A new conversation of the reader's holding the shared messages as one branch. */
  async fork(userId: number, id: string): Promise<ConversationDetail | undefined> {
    const share = await this.read(id);
    if (!share) return undefined;
    return this.conversations.create(userId, {
      ...(share.title ? { title: share.title } : {}),
      settings: DEFAULT_SETTINGS,
      messages: share.messages.map((m) => ({ role: m.role, content: m.content, reasoning: m.reasoning, attachments: m.attachments, model: m.model })),
    });
  }
}

function summaryOf(row: { id: string; title: string; conversation_id: string; message_id: string | null; created_at: number | string }): ShareSummary {
  return { id: row.id, title: row.title, conversation_id: row.conversation_id, message_id: row.message_id, created_at: Number(row.created_at) };
}
