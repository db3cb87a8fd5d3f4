import { quoted } from '@switchboard/protocol';
import { z } from 'zod';
import type { ApiRoutes } from '../../http/api-routes.js';
import { notFound } from '../../http/errors.js';
import { conversationDetailSchema } from '../conversations/conversation-view.js';
import { sharedMessage } from './share-snapshot.js';
import type { Shares } from './shares.js';

const id = z.string().min(1).max(64);
const shareParams = z.object({ id });

const shareSummary = z.object({
  id: z.string().describe('the link id: /api/shares/{id}'),
  title: z.string(),
  conversation_id: z.string().describe('the conversation it was taken from (it may have been deleted since)'),
  message_id: z.string().nullable().describe('the last message shared, when one was named'),
  created_at: z.number(),
});

const publicShare = z.object({
  id: z.string(),
  title: z.string(),
  messages: z.array(sharedMessage).describe('the shared path, root first'),
  created_at: z.number(),
});

const missing = (shareId: string) => notFound(`share ${quoted(shareId)} not found`, 'share_not_found');

/** Sharing (W-8): make, list and delete one's shares; read any share signed out; fork one into a conversation. */
export function registerShareRoutes(routes: ApiRoutes, deps: { shares: Shares }): void {
  const { shares } = deps;

  routes.add({
    method: 'POST',
    url: '/api/chat/conversations/:id/shares',
    summary: 'Share the path from the root to a message (default: the message shown last) as a snapshot under a random link id.',
    tag: 'chat',
    access: 'user',
    status: 201,
    params: z.object({ id }),
    body: z.object({ message_id: id.optional() }),
    response: shareSummary,
    async handler({ principal, params, body }) {
      return shares.create(principal!.id, params.id, body.message_id);
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/chat/shares',
    summary: "The caller's shares, newest first, in pages.",
    tag: 'chat',
    access: 'user',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().min(1).max(512).optional() }),
    response: z.object({ data: z.array(shareSummary), next_cursor: z.string().nullable() }),
    async handler({ principal, query }) {
      return shares.list(principal!.id, { limit: query.limit, ...(query.cursor === undefined ? {} : { cursor: query.cursor }) });
    },
  });

  routes.add({
    method: 'DELETE',
    url: '/api/chat/shares/:id',
    summary: 'Delete one of the caller\'s shares: its link stops working.',
    tag: 'chat',
    access: 'user',
    status: 204,
    params: shareParams,
    async handler({ principal, params }) {
      if (!(await shares.remove(principal!.id, params.id))) throw missing(params.id);
      return undefined;
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/shares/:id',
    summary: 'Read a share, signed in or not.',
    tag: 'chat',
    access: 'public',
    params: shareParams,
    response: publicShare,
    async handler({ params }) {
      const share = await shares.read(params.id);
      if (!share) throw missing(params.id);
      return share;
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/shares/:id/fork',
    summary: 'Continue a share: a new conversation of the caller\'s holding its messages as one branch.',
    tag: 'chat',
    access: 'user',
    status: 201,
    params: shareParams,
    response: conversationDetailSchema,
    async handler({ principal, params }) {
      const forked = await shares.fork(principal!.id, params.id);
      if (!forked) throw missing(params.id);
      return forked;
    },
  });
}
