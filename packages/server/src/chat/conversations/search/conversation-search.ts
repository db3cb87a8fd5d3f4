import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { snippetOf } from './snippet.js';
import { textMatchFor, type TextMatch } from './text-match.js';

export const searchHitSchema = z.object({
  conversation_id: z.string(),
  title: z.string(),
  message_id: z.string().nullable().describe('the message that matched; null when the title did'),
  snippet: z.string().describe('the matching text on one line, cut around the match'),
});

export type SearchHit = z.output<typeof searchHitSchema>;

/**
 * Search over a user's conversations (W-1): titles and message content, newest first. Each
 * matching message is a hit of its own (the client can open the conversation at it); a matching
 * title is a hit with no message. Only the caller's live conversations are ever read.
 */
export class ConversationSearch {
  private readonly match: TextMatch;

  constructor(private readonly db: Db) {
    this.match = textMatchFor(db);
  }

  async hits(userId: number, query: string, limit: number): Promise<SearchHit[]> {
    const [titles, messages] = await Promise.all([
      this.db.kysely
        .selectFrom('conversations')
        .select(['id', 'title', 'updated_at'])
        .where('user_id', '=', userId)
        .where('deleted_at', 'is', null)
        .where(this.match.title(query))
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
      this.messageHitsQuery(userId, query, limit).then((q) => q.execute()),
    ]);
    const found = [
      ...titles.map((c) => ({ at: Number(c.updated_at), hit: { conversation_id: c.id, title: c.title, message_id: null, snippet: snippetOf(c.title, query) } })),
      ...messages.map((m) => ({
        at: Number(m.created_at),
        hit: { conversation_id: m.conversation_id, title: m.title, message_id: m.id, snippet: snippetOf(m.content, query) },
      })),
    ];
    return found
      .sort((a, b) => b.at - a.at)
      .slice(0, limit)
      .map((f) => f.hit);
  }

  /** The query behind the message hits, unexecuted (tests EXPLAIN it to see the index used). */
  async messageHitsQuery(userId: number, query: string, limit: number) {
    return this.db.kysely
      .selectFrom('chat_messages')
      .innerJoin('conversations', 'conversations.id', 'chat_messages.conversation_id')
      .select(['chat_messages.id', 'chat_messages.conversation_id', 'chat_messages.content', 'chat_messages.created_at', 'conversations.title'])
      .where(await this.match.userMessages(userId, query))
      .where('conversations.deleted_at', 'is', null)
      .orderBy('chat_messages.created_at', 'desc')
      .orderBy('chat_messages.id', 'desc')
      .limit(limit);
  }
}
