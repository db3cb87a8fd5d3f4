import { randomUUID } from 'node:crypto';
import { describeZodError } from '@switchboard/protocol';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction-retry.js';
import { badRequest } from '../../http/errors.js';
import type { ChangeFeed, ConversationChange } from '../change-feed.js';
import { conversationSettings, readSettings, type ConversationSettings, type ConversationSettingsPatch } from '../conversation-settings.js';
import { attachmentList, type Attachment } from './attachments.js';
import { autoTitle } from './auto-title.js';
import { conversationNotFound, messageGenerating, messageNotFound } from './conversation-errors.js';
import { conversationView, type ConversationDetail, type ConversationRow, type ConversationView } from './conversation-view.js';
import { listConversations, conversationsChangedSince, type ConversationPage } from './conversation-list.js';
import { newestLeafUnder, pathIds, subtreeOf, type TreeNode } from './message-tree.js';
import { messageView, type MessageRow } from './message-view.js';
import { textMatchFor, type TextMatch } from './search/text-match.js';

/** A message a conversation starts with (from a preset, or a share being forked): already done. */
export interface SeedMessage {
  role: 'user' | 'assistant';
  content: string;
  reasoning?: string | null;
  attachments?: Attachment[];
  model?: string | null;
}

export interface NewConversation {
  /** A title given by the user (title_source 'user'); absent: named by its first message. */
  title?: string;
  settings: ConversationSettings;
  /** A linear chain from a root; the last one becomes the current leaf. */
  messages?: SeedMessage[];
}

export interface ConversationPatch {
  title?: string;
  pinned?: boolean;
  settings?: ConversationSettingsPatch;
  current_leaf_id?: string;
}

/** How a generation ended (the lead's job runner fills it from the relay's outcome). */
export interface FinishedAnswer {
  content: string;
  reasoning?: string | null;
  status: 'done' | 'stopped' | 'interrupted' | 'error';
  provider?: string | null;
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  /** Micro-points charged; 0 when a plan paid. */
  cost?: number | null;
  plan_item?: string | null;
  latency_ms?: number | null;
  ttft_ms?: number | null;
  finish_reason?: string | null;
  /** Already hidden as on /v1: shown to the user as is. */
  error?: string | null;
  error_code?: string | null;
  request_id?: string | null;
}

/** Rows per statement when many ids go into one IN list or many rows into one INSERT. */
const CHUNK = 200;

/**
 * Conversations and their message trees (W-1, W-2, W-5, W-9), on all three engines. Every method
 * a user's request reaches takes the signed-in caller's id and finds rows by id and owner
 * together, so another user's conversation or message is simply not found.
 *
 * Writes that change the tree or the current branch lock the conversation row first (SELECT …
 * FOR UPDATE; SQLite runs one write transaction at a time anyway), so two nodes adding, finishing
 * and deleting messages of one conversation never interleave. Each such write moves the
 * conversation's `updated_at` strictly forward — the next millisecond when the clock has not
 * moved — so it is a version: `?since=` sync and ETags never miss a change made in the same
 * millisecond as the last one. After the commit the change is published on the ChangeFeed.
 */
export class Conversations {
  private readonly text: TextMatch;

  constructor(
    private readonly db: Db,
    private readonly feed: ChangeFeed,
    private readonly clock: () => number = Date.now,
  ) {
    this.text = textMatchFor(db);
  }

  async create(userId: number, input: NewConversation): Promise<ConversationDetail> {
    const now = this.clock();
    const id = randomUUID();
    const given = input.messages ?? [];
    // One millisecond apart so they keep their order, ending now: a time in the future would
    // become a device's ?since= cursor and hide later changes of other conversations.
    const seeds = given.map((m, i) => ({ seed: m, id: randomUUID(), at: now - (given.length - 1 - i) }));
    const rows = seeds.map(({ seed, id: messageId, at }, i) =>
      newMessageRow({
        id: messageId,
        conversation_id: id,
        user_id: userId,
        parent_id: i === 0 ? null : seeds[i - 1]!.id,
        role: seed.role,
        content: seed.content,
        reasoning: seed.reasoning ?? null,
        attachments: seed.attachments?.length ? JSON.stringify(seed.attachments) : null,
        status: 'done',
        model: seed.model ?? null,
        created_at: at,
      }),
    );
    const conversation: ConversationRow = {
      id,
      user_id: userId,
      title: input.title ?? '',
      title_source: input.title === undefined ? 'auto' : 'user',
      pinned: 0,
      settings: JSON.stringify(input.settings),
      current_leaf_id: seeds.at(-1)?.id ?? null,
      created_at: seeds[0]?.at ?? now,
      updated_at: now,
      deleted_at: null,
    };
    await inTransaction(this.db, async (trx) => {
      await trx.insertInto('conversations').values(conversation).execute();
      for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('chat_messages').values(rows.slice(i, i + CHUNK)).execute();
    });
    this.publish(userId, id, 'changed', conversation.updated_at);
    // Answered from the rows just written: no second read.
    return { ...conversationView(conversation), messages: rows.map(messageView) };
  }

  /** Live conversations, pinned first, then the most recently changed; `query` filters by title and content. */
  async list(userId: number, options: { limit: number; cursor?: string; query?: string }): Promise<ConversationPage> {
    return listConversations(this.db, this.text, userId, options);
  }

  /** Conversations changed at or after `since` (ms), deletions included, oldest change first (sync). */
  async changedSince(userId: number, since: number, options: { limit: number; cursor?: string }): Promise<ConversationPage> {
    return conversationsChangedSince(this.db, userId, since, options);
  }

  /** The conversation without its messages; undefined when absent, deleted or another user's. */
  async get(userId: number, id: string): Promise<ConversationView | undefined> {
    const row = await this.liveRow(userId, id);
    return row && conversationView(row);
  }

  /** The conversation with its whole message tree; undefined when absent, deleted or another user's. */
  async detail(userId: number, id: string): Promise<ConversationDetail | undefined> {
    const row = await this.liveRow(userId, id);
    if (!row) return undefined;
    const messages = await this.db.kysely.selectFrom('chat_messages').selectAll().where('conversation_id', '=', id).orderBy('created_at').orderBy('id').execute();
    return { ...conversationView(row), messages: messages.map(messageView) };
  }

  /**
   * What changes whenever anything `detail` answers changes, read without the messages' text: the
   * conversation's version, and the count and summed versions of its messages (an answer's
   * progress moves its message's version, not the conversation's). Undefined when not found.
   */
  async version(userId: number, id: string): Promise<string | undefined> {
    const row = await this.db.kysely
      .selectFrom('conversations')
      .select((eb) => [
        'conversations.updated_at',
        eb.selectFrom('chat_messages').select((m) => m.fn.countAll<number | string>().as('n')).whereRef('chat_messages.conversation_id', '=', 'conversations.id').as('count'),
        eb.selectFrom('chat_messages').select((m) => m.fn.sum<number | string | null>('chat_messages.updated_at').as('s')).whereRef('chat_messages.conversation_id', '=', 'conversations.id').as('sum'),
      ])
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && `${Number(row.updated_at)}.${String(row.count ?? 0)}.${String(row.sum ?? 0)}`;
  }

  /** Undefined when not found. A message id for `current_leaf_id` that is not in it → 404 message_not_found. */
  async update(userId: number, id: string, patch: ConversationPatch): Promise<ConversationView | undefined> {
    const result = await inTransaction(this.db, async (trx) => {
      const row = await this.lock(trx, id, userId);
      if (!row) return undefined;
      const next: Partial<ConversationRow> = {};
      if (patch.title !== undefined) Object.assign(next, { title: patch.title, title_source: 'user' });
      if (patch.pinned !== undefined) next.pinned = patch.pinned ? 1 : 0;
      if (patch.settings !== undefined) next.settings = JSON.stringify(conversationSettings.parse({ ...readSettings(row.settings), ...patch.settings }));
      if (patch.current_leaf_id !== undefined) {
        const nodes = await this.skeleton(trx, id);
        if (!nodes.some((n) => n.id === patch.current_leaf_id)) throw messageNotFound(patch.current_leaf_id);
        // Choosing a message of a branch shows that branch to its newest end.
        next.current_leaf_id = newestLeafUnder(nodes, patch.current_leaf_id);
      }
      if (!Object.keys(next).length) return { row, changed: false };
      return { row: await this.bump(trx, row, next), changed: true };
    });
    if (!result) return undefined;
    if (result.changed) this.publish(userId, id, 'changed', result.row.updated_at);
    return conversationView(result.row);
  }

  /** The title model's name for the conversation, unless the user named it meanwhile. False when it did not apply. */
  async setModelTitle(userId: number, id: string, title: string): Promise<boolean> {
    const row = await inTransaction(this.db, async (trx) => {
      const current = await this.lock(trx, id, userId);
      if (!current || current.title_source !== 'auto') return undefined;
      return this.bump(trx, current, { title, title_source: 'model' });
    });
    if (!row) return false;
    this.publish(userId, id, 'changed', row.updated_at);
    return true;
  }

  /** Soft-deletes the conversation (kept for sync) and hard-deletes its messages. False when not found. */
  async remove(userId: number, id: string): Promise<boolean> {
    const at = await inTransaction(this.db, async (trx) => {
      const row = await this.lock(trx, id, userId);
      if (!row) return undefined;
      const updated = await this.bump(trx, row, { current_leaf_id: null, deleted_at: this.clock() });
      await trx.deleteFrom('chat_messages').where('conversation_id', '=', id).execute();
      return updated.updated_at;
    });
    if (at === undefined) return false;
    this.publish(userId, id, 'deleted', at);
    return true;
  }

  /** Deletes every live conversation of the user; answers how many. */
  async removeAll(userId: number): Promise<number> {
    const now = this.clock();
    const removed = await inTransaction(this.db, async (trx) => {
      const result = await trx
        .updateTable('conversations')
        .set((eb) => ({ deleted_at: now, current_leaf_id: null, updated_at: eb.case().when('updated_at', '>=', now).then(eb('updated_at', '+', 1)).else(now).end() }))
        .where('user_id', '=', userId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      // Only the conversations deleted now or before: one created meanwhile keeps its messages.
      await trx
        .deleteFrom('chat_messages')
        .where('user_id', '=', userId)
        .where('conversation_id', 'in', (eb) => eb.selectFrom('conversations').select('id').where('user_id', '=', userId).where('deleted_at', 'is not', null))
        .execute();
      return Number(result.numUpdatedRows);
    });
    if (removed) this.feed.publish(userId, { conversation_id: null, kind: 'deleted', updated_at: now });
    return removed;
  }

  /**
   * Deletes a message and everything under it (409 message_generating while any of them is being
   * generated). When the branch shown was among them, the conversation shows the newest branch
   * left under the deleted message's parent (under any root for a root), or nothing.
   */
  async deleteMessage(userId: number, conversationId: string, messageId: string): Promise<ConversationView> {
    const row = await inTransaction(this.db, async (trx) => {
      const conversation = await this.lock(trx, conversationId, userId);
      if (!conversation) throw conversationNotFound(conversationId);
      const nodes = await this.skeleton(trx, conversationId);
      const target = nodes.find((n) => n.id === messageId);
      if (!target) throw messageNotFound(messageId);
      const doomed = subtreeOf(nodes, messageId);
      if (nodes.some((n) => doomed.has(n.id) && n.status === 'generating')) throw messageGenerating();
      const ids = [...doomed];
      for (let i = 0; i < ids.length; i += CHUNK) await trx.deleteFrom('chat_messages').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      const leaf = conversation.current_leaf_id;
      const current =
        leaf === null || doomed.has(leaf)
          ? newestLeafUnder(
              nodes.filter((n) => !doomed.has(n.id)),
              target.parent_id,
            )
          : leaf;
      return this.bump(trx, conversation, { current_leaf_id: current });
    });
    this.publish(userId, conversationId, 'changed', row.updated_at);
    return conversationView(row);
  }

  /**
   * A user's message under `parentId` (null: a new root), shown as the current branch. The first
   * message of a conversation without a title names it.
   */
  async addUserMessage(userId: number, conversationId: string, input: { parentId: string | null; content: string; attachments: Attachment[] }): Promise<MessageRow> {
    // Stored and later sent upstream and shown in pages: checked here whoever the caller is.
    const attachments = attachmentList.safeParse(input.attachments);
    if (!attachments.success) throw badRequest(`invalid attachments: ${describeZodError(attachments.error)}`, 'validation_failed');
    return this.addMessage(userId, conversationId, input.parentId, (conversation) => ({
      message: { role: 'user', content: input.content, attachments: input.attachments.length ? JSON.stringify(input.attachments) : null, status: 'done' },
      conversation: conversation.title_source === 'auto' && conversation.title === '' ? { title: autoTitle(input.content) } : {},
    }));
  }

  /**
   * An empty answer being generated by `nodeId` under `parentId`, shown as the current branch.
   * `requestId` is its call's (usage row, reservation), so a node that takes over a dead node's
   * answer can release what the call held.
   */
  async addAssistant(userId: number, conversationId: string, input: { parentId: string; model: string; nodeId: string; requestId: string }): Promise<MessageRow> {
    const now = this.clock();
    return this.addMessage(userId, conversationId, input.parentId, () => ({
      message: { role: 'assistant', content: '', status: 'generating', model: input.model, node_id: input.nodeId, heartbeat_at: now, request_id: input.requestId },
      conversation: {},
    }));
  }

  /** The messages from the root down to `messageId` (the context of a new answer). */
  async pathTo(userId: number, conversationId: string, messageId: string): Promise<MessageRow[]> {
    const nodes = await this.db.kysely
      .selectFrom('chat_messages')
      .select(['id', 'parent_id', 'created_at'])
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .execute();
    const ids = pathIds(nodes.map(treeNode), messageId);
    if (!ids) throw messageNotFound(messageId);
    const rows: MessageRow[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await this.db.kysely.selectFrom('chat_messages').selectAll().where('id', 'in', ids.slice(i, i + CHUNK)).execute()));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is MessageRow => r !== undefined);
  }

  /**
   * The text generated so far, and the job's heartbeat. Only while the message is generating:
   * false once it was finished (or taken over as interrupted), so the job knows to stop writing.
   * Clients follow progress through the job's events; this is what survives the node.
   */
  async saveProgress(messageId: string, progress: { content: string; reasoning: string | null; heartbeatAt: number }): Promise<boolean> {
    const now = this.clock();
    const result = await this.db.kysely
      .updateTable('chat_messages')
      .set((eb) => ({
        content: progress.content,
        reasoning: progress.reasoning,
        heartbeat_at: progress.heartbeatAt,
        // Strictly forward, so the conversation's ETag changes with every save.
        updated_at: eb.case().when('updated_at', '>=', now).then(eb('updated_at', '+', 1)).else(now).end(),
      }))
      .where('id', '=', messageId)
      .where('status', '=', 'generating')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Stores how a generation ended. Only from 'generating': false when the message was already
   * finished (by another node that took it over, say) or deleted, so a message is finished once.
   */
  async finishAssistant(messageId: string, answer: FinishedAnswer): Promise<boolean> {
    const owner = await this.db.kysely.selectFrom('chat_messages').select(['conversation_id', 'user_id']).where('id', '=', messageId).executeTakeFirst();
    if (!owner) return false;
    const row = await inTransaction(this.db, async (trx) => {
      const conversation = await this.lock(trx, owner.conversation_id, owner.user_id);
      if (!conversation) return undefined;
      const at = nextVersion(conversation, this.clock());
      const finished = await trx
        .updateTable('chat_messages')
        .set({
          content: answer.content,
          reasoning: answer.reasoning ?? null,
          status: answer.status,
          provider: answer.provider ?? null,
          prompt_tokens: answer.prompt_tokens ?? null,
          completion_tokens: answer.completion_tokens ?? null,
          cost: answer.cost ?? null,
          plan_item: answer.plan_item ?? null,
          latency_ms: answer.latency_ms ?? null,
          ttft_ms: answer.ttft_ms ?? null,
          finish_reason: answer.finish_reason ?? null,
          error: answer.error ?? null,
          error_code: answer.error_code ?? null,
          request_id: answer.request_id ?? null,
          node_id: null,
          heartbeat_at: null,
          updated_at: at,
        })
        .where('id', '=', messageId)
        .where('status', '=', 'generating')
        .executeTakeFirst();
      if (Number(finished.numUpdatedRows) === 0) return undefined;
      return this.bump(trx, conversation, {}, at);
    });
    if (!row) return false;
    this.publish(owner.user_id, owner.conversation_id, 'changed', row.updated_at);
    return true;
  }

  /** Messages still generating whose heartbeat is older than `heartbeatBefore` (their node likely died), oldest first. */
  async staleGenerating(heartbeatBefore: number, limit: number): Promise<MessageRow[]> {
    return this.db.kysely
      .selectFrom('chat_messages')
      .selectAll()
      .where('status', '=', 'generating')
      .where('heartbeat_at', '<', heartbeatBefore)
      .orderBy('heartbeat_at')
      .limit(limit)
      .execute();
  }

  /** Null when absent or another user's. */
  async getMessage(userId: number, messageId: string): Promise<MessageRow | null> {
    return (await this.db.kysely.selectFrom('chat_messages').selectAll().where('id', '=', messageId).where('user_id', '=', userId).executeTakeFirst()) ?? null;
  }

  private async addMessage(
    userId: number,
    conversationId: string,
    parentId: string | null,
    build: (conversation: ConversationRow) => {
      message: Pick<MessageRow, 'role' | 'content' | 'status'> & Partial<MessageRow>;
      conversation: Partial<ConversationRow>;
    },
  ): Promise<MessageRow> {
    const { message, at } = await inTransaction(this.db, async (trx) => {
      const conversation = await this.lock(trx, conversationId, userId);
      if (!conversation) throw conversationNotFound(conversationId);
      if (parentId !== null) {
        const parent = await trx.selectFrom('chat_messages').select('id').where('id', '=', parentId).where('conversation_id', '=', conversationId).executeTakeFirst();
        if (!parent) throw messageNotFound(parentId);
      }
      const parts = build(conversation);
      // The conversation's next version doubles as the message's time: messages of one
      // conversation are strictly ordered even when several arrive in one millisecond.
      const now = nextVersion(conversation, this.clock());
      const row = newMessageRow({ ...parts.message, id: randomUUID(), conversation_id: conversationId, user_id: userId, parent_id: parentId, created_at: now });
      await trx.insertInto('chat_messages').values(row).execute();
      const updated = await this.bump(trx, conversation, { ...parts.conversation, current_leaf_id: row.id }, now);
      return { message: row, at: updated.updated_at };
    });
    this.publish(userId, conversationId, 'changed', at);
    return message;
  }

  private async liveRow(userId: number, id: string): Promise<ConversationRow | undefined> {
    return this.db.kysely.selectFrom('conversations').selectAll().where('id', '=', id).where('user_id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
  }

  /** The live conversation, locked until the transaction ends. */
  private async lock(trx: Transaction<Database>, id: string, userId: number): Promise<ConversationRow | undefined> {
    const query = trx.selectFrom('conversations').selectAll().where('id', '=', id).where('user_id', '=', userId).where('deleted_at', 'is', null);
    return (this.db.dialect === 'sqlite' ? query : query.forUpdate()).executeTakeFirst();
  }

  /** Writes `changes` with the next version; answers the row as it now is. */
  private async bump(trx: Transaction<Database>, row: ConversationRow, changes: Partial<ConversationRow>, at = nextVersion(row, this.clock())): Promise<ConversationRow> {
    const next = { ...changes, updated_at: at };
    await trx.updateTable('conversations').set(next).where('id', '=', row.id).execute();
    return { ...row, ...next };
  }

  private async skeleton(trx: Transaction<Database>, conversationId: string): Promise<Array<TreeNode & { status: MessageRow['status'] }>> {
    const rows = await trx.selectFrom('chat_messages').select(['id', 'parent_id', 'created_at', 'status']).where('conversation_id', '=', conversationId).execute();
    return rows.map((r) => ({ ...treeNode(r), status: r.status }));
  }

  private publish(userId: number, conversationId: string, kind: ConversationChange['kind'], updatedAt: number): void {
    this.feed.publish(userId, { conversation_id: conversationId, kind, updated_at: updatedAt });
  }
}

/** The conversation's next version: now, or one past the last when the clock has not moved on. */
function nextVersion(row: Pick<ConversationRow, 'updated_at'>, now: number): number {
  return Math.max(now, Number(row.updated_at) + 1);
}

/** A message row as inserted: every column the caller does not give is null, and it is as new as it is old. */
function newMessageRow(fields: Pick<MessageRow, 'id' | 'conversation_id' | 'user_id' | 'parent_id' | 'role' | 'content' | 'status' | 'created_at'> & Partial<MessageRow>): MessageRow {
  return {
    reasoning: null,
    attachments: null,
    model: null,
    provider: null,
    prompt_tokens: null,
    completion_tokens: null,
    cost: null,
    plan_item: null,
    latency_ms: null,
    ttft_ms: null,
    finish_reason: null,
    error: null,
    error_code: null,
    request_id: null,
    node_id: null,
    heartbeat_at: null,
    ...fields,
    updated_at: fields.created_at,
  };
}

function treeNode(row: { id: string; parent_id: string | null; created_at: number | string }): TreeNode {
  return { id: row.id, parent_id: row.parent_id, created_at: Number(row.created_at) };
}
