import { describeZodError, quoted } from '@switchboard/protocol';
import { z } from 'zod';
import type { ApiRoutes } from '../../http/api-routes.js';
import { badRequest, notFound } from '../../http/errors.js';
import { LANG_TAG } from '../../presets/builtin/languages.js';
import type { UserPresets } from '../../presets/user-presets.js';
import { conversationSettings, conversationSettingsPatch, DEFAULT_SETTINGS } from '../conversation-settings.js';
import { conversationNotFound } from './conversation-errors.js';
import { conversationDetailSchema, conversationViewSchema } from './conversation-view.js';
import type { Conversations } from './conversations.js';
import { etagOf, matchesIfNoneMatch } from './etag.js';
import { presetSeed } from './preset-seed.js';
import { searchHitSchema, type ConversationSearch } from './search/conversation-search.js';

export interface ConversationRouteDeps {
  conversations: Conversations;
  search: ConversationSearch;
  presets: UserPresets;
}

const MAX_PAGE = 200;
const id = z.string().min(1).max(64);
const idParams = z.object({ id });
const title = z.string().trim().min(1).max(200);
const query = z.string().trim().min(1).max(200);

const pageSchema = z.object({
  data: z.array(conversationViewSchema),
  next_cursor: z.string().nullable().describe('pass back as ?cursor= for the next page; null on the last'),
});

const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
    cursor: z.string().min(1).max(512).optional(),
    q: query.optional().describe('only conversations whose title or any message contains this text'),
    since: z.coerce.number().int().min(0).optional().describe('ms; sync: those changed at or after it, deletions included, oldest change first'),
  })
  .refine((q) => q.q === undefined || q.since === undefined, { message: 'q and since cannot be combined', path: ['q'] });

const createBody = z.object({
  title: title.optional().describe('left out: the first words of the first message'),
  settings: conversationSettingsPatch.optional().describe('left out fields take their defaults (after the preset\'s system prompt)'),
  preset_id: z.string().min(1).max(64).optional().describe('a preset of yours (uuid) or a built-in one (id)'),
  lang: z.string().regex(LANG_TAG, 'a language tag such as "zh-CN" or "en"').default('en').describe('the language of a built-in preset'),
});

const patchBody = z
  .object({
    title: title.optional().describe('the user\'s own title: no longer replaced automatically'),
    pinned: z.boolean().optional(),
    settings: conversationSettingsPatch.optional().describe('only the fields given change'),
    current_leaf_id: id.optional().describe('a message of this conversation: the branch through it, to its newest end, is shown'),
  })
  .refine((b) => b.title !== undefined || b.pinned !== undefined || b.settings !== undefined || b.current_leaf_id !== undefined, {
    message: 'give at least one of title, pinned, settings, current_leaf_id',
  });

/** Conversations (W-1, W-2 tree, W-5): create (optionally from a preset), list, sync, read, change, delete, search. */
export function registerConversationRoutes(routes: ApiRoutes, deps: ConversationRouteDeps): void {
  const { conversations, search, presets } = deps;

  routes.add({
    method: 'POST',
    url: '/api/chat/conversations',
    summary: 'Start a conversation, empty or from a preset (its system messages become the system prompt, its other messages the first messages).',
    tag: 'chat',
    access: 'user',
    status: 201,
    body: createBody,
    response: conversationDetailSchema,
    async handler({ principal, body }) {
      const userId = principal!.id;
      const seed = body.preset_id === undefined ? undefined : await presetSeed(presets, userId, body.preset_id, body.lang);
      if (body.preset_id !== undefined && !seed) throw notFound(`preset ${quoted(body.preset_id)} not found`, 'preset_not_found');
      const settings = conversationSettings.safeParse({ ...DEFAULT_SETTINGS, ...(seed?.systemPrompt ? { system_prompt: seed.systemPrompt } : {}), ...body.settings });
      if (!settings.success) throw badRequest(`the preset does not fit a conversation's settings: ${describeZodError(settings.error)}`, 'preset_too_long');
      return conversations.create(userId, { ...(body.title === undefined ? {} : { title: body.title }), settings: settings.data, messages: seed?.messages ?? [] });
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/chat/conversations',
    summary:
      "The caller's conversations, pinned first then most recently changed, in pages; ?q= filters by title and content. With ?since=<ms> (sync): those changed at or after it, deletions included, oldest change first.",
    tag: 'chat',
    access: 'user',
    query: listQuery,
    response: pageSchema,
    async handler({ principal, query: q }) {
      const userId = principal!.id;
      const paging = { limit: q.limit, ...(q.cursor === undefined ? {} : { cursor: q.cursor }) };
      if (q.since !== undefined) return conversations.changedSince(userId, q.since, paging);
      return conversations.list(userId, { ...paging, ...(q.q === undefined ? {} : { query: q.q }) });
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/chat/conversations/:id',
    summary: 'One conversation with all its messages (the tree). Answers an ETag; with If-None-Match holding it, 304 while nothing changed.',
    tag: 'chat',
    access: 'user',
    params: idParams,
    response: conversationDetailSchema,
    otherStatuses: { 304: 'Not modified: the ETag sent in If-None-Match is still current (no body)' },
    async handler({ principal, params, request, reply }) {
      const userId = principal!.id;
      const version = await conversations.version(userId, params.id);
      if (version === undefined) throw conversationNotFound(params.id);
      const etag = etagOf(version);
      // The client revalidates every time; the answer is private to the signed-in user.
      const cacheHeaders = { etag, 'cache-control': 'private, no-cache' };
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
        reply.code(304).headers(cacheHeaders).send();
        return undefined;
      }
      // Read after the version: a change in between leaves an older tag on a newer body, which only costs one more fetch.
      const detail = await conversations.detail(userId, params.id);
      if (!detail) throw conversationNotFound(params.id);
      reply.headers(cacheHeaders);
      return detail;
    },
  });

  routes.add({
    method: 'PATCH',
    url: '/api/chat/conversations/:id',
    summary: 'Rename, pin, change settings (merged) or switch the branch shown.',
    tag: 'chat',
    access: 'user',
    params: idParams,
    body: patchBody,
    response: conversationViewSchema,
    async handler({ principal, params, body }) {
      const updated = await conversations.update(principal!.id, params.id, body);
      if (!updated) throw conversationNotFound(params.id);
      return updated;
    },
  });

  routes.add({
    method: 'DELETE',
    url: '/api/chat/conversations/:id',
    summary: 'Delete a conversation and its messages; other devices see the deletion through ?since=. Its shares stay readable.',
    tag: 'chat',
    access: 'user',
    status: 204,
    params: idParams,
    async handler({ principal, params }) {
      if (!(await conversations.remove(principal!.id, params.id))) throw conversationNotFound(params.id);
      return undefined;
    },
  });

  routes.add({
    method: 'DELETE',
    url: '/api/chat/conversations',
    summary: "Delete all of the caller's conversations.",
    tag: 'chat',
    access: 'user',
    response: z.object({ deleted: z.number().describe('how many conversations were deleted') }),
    async handler({ principal }) {
      return { deleted: await conversations.removeAll(principal!.id) };
    },
  });

  routes.add({
    method: 'DELETE',
    url: '/api/chat/conversations/:id/messages/:messageId',
    summary:
      'Delete a message and everything under it (409 message_generating while one of them is generating). If the branch shown was deleted, the newest branch left under its parent is shown.',
    tag: 'chat',
    access: 'user',
    params: z.object({ id, messageId: id }),
    response: conversationViewSchema,
    async handler({ principal, params }) {
      return conversations.deleteMessage(principal!.id, params.id, params.messageId);
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/chat/search',
    summary: "Search the caller's conversation titles and messages, newest first.",
    tag: 'chat',
    access: 'user',
    query: z.object({ q: query, limit: z.coerce.number().int().min(1).max(100).default(20) }),
    response: z.object({ data: z.array(searchHitSchema) }),
    async handler({ principal, query: q }) {
      return { data: await search.hits(principal!.id, q.q, q.limit) };
    },
  });
}
