import { z } from 'zod';
import type { ApiRoutes } from '../../http/api-routes.js';
import { AppError, badRequest } from '../../http/errors.js';
import { attachmentList } from '../conversations/attachments.js';
import { conversationNotFound, messageGenerating, messageNotFound } from '../conversations/conversation-errors.js';
import type { Conversations } from '../conversations/conversations.js';
import { messageView, messageViewSchema, type MessageRow } from '../conversations/message-view.js';
import type { JobEventLog } from '../jobs/job-event-log.js';
import { streamJobEvents } from '../jobs/attach-stream.js';
import { EventStream, sseMessage } from '../../http/event-stream.js';
import type { GenerationJobs, JobStarter } from './generation-jobs.js';
import type { ConversationView } from '../conversations/conversation-view.js';

export interface GenerationRouteDeps {
  jobs: GenerationJobs;
  conversations: Conversations;
  events: JobEventLog;
  keepAliveMs: number;
  /** Aborted when the server starts closing: attached streams end (clients re-attach elsewhere). */
  shutdown: AbortSignal;
}

const MAX_MESSAGE_CHARS = 100_000;

const conversationParams = z.object({ id: z.string().min(1).max(36) });
const messageParams = z.object({ id: z.string().min(1).max(36), messageId: z.string().min(1).max(36) });
const jobParams = z.object({ id: z.string().min(1).max(36) });

const newMessage = z.object({
  content: z.string().max(MAX_MESSAGE_CHARS),
  attachments: attachmentList.default([]),
});

const sendBody = newMessage
  .extend({
    parent_id: z.string().min(1).max(36).nullable().optional().describe('the answer this message follows; default the conversation\'s current leaf, null = a new root'),
  })
  .refine((m) => m.content.trim() !== '' || m.attachments.length > 0, { message: 'a message needs text or an image', path: ['content'] });

const editBody = newMessage.refine((m) => m.content.trim() !== '' || m.attachments.length > 0, { message: 'a message needs text or an image', path: ['content'] });

const started = z.object({
  user_message: messageViewSchema.optional().describe('the new user message (send and edit)'),
  assistant_message: messageViewSchema.describe('the answer being generated: attach to GET /api/chat/messages/{id}/events'),
});


/**
 * Generation (W-2, W-3): sending a message, regenerating an answer and editing a question each
 * start a job and answer at once with the new messages; the answer's events are read from
 * `GET /api/chat/messages/{id}/events`, resumable with `Last-Event-ID`, from any node.
 */
export function registerGenerationRoutes(routes: ApiRoutes, deps: GenerationRouteDeps): void {
  const { jobs, conversations } = deps;

  /** A message of the caller's conversation, or the 404 another user's would get. */
  const messageOf = async (userId: number, conversationId: string, messageId: string): Promise<MessageRow> => {
    const message = await conversations.getMessage(userId, messageId);
    if (!message || message.conversation_id !== conversationId) throw messageNotFound(messageId);
    return message;
  };

  /** Stores a question under `parentId` and starts its answer; refused before anything is stored when no model can answer. */
  const ask = async (starter: JobStarter, conversation: ConversationView, parentId: string | null, input: z.output<typeof newMessage>) => {
    jobs.modelOf(conversation);
    const question = await conversations.addUserMessage(starter.user.id, conversation.id, { parentId, content: input.content, attachments: input.attachments });
    const answer = await jobs.answer(starter, conversation, question.id);
    return { user_message: messageView(question), assistant_message: answer };
  };

  const conversationOf = async (userId: number, id: string): Promise<ConversationView> => {
    const conversation = await conversations.get(userId, id);
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  };

  routes.add({
    method: 'POST',
    url: '/api/chat/conversations/:id/messages',
    summary: 'Send a message: stores it and starts generating the answer (a job that runs on without this request).',
    tag: 'chat',
    access: 'user',
    params: conversationParams,
    body: sendBody,
    status: 201,
    response: started,
    async handler({ principal, params, body, request }) {
      const user = principal!;
      const conversation = await conversationOf(user.id, params.id);
      const parentId = body.parent_id === undefined ? conversation.current_leaf_id : body.parent_id;
      if (parentId !== null) {
        const parent = await messageOf(user.id, params.id, parentId);
        if (parent.status === 'generating') throw messageGenerating();
        if (parent.role !== 'assistant') throw badRequest('a new message follows an answer (or starts a new branch with parent_id null)', 'invalid_parent');
      }
      return ask({ user, ip: request.ip }, conversation, parentId, body);
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/chat/conversations/:id/messages/:messageId/regenerate',
    summary: 'Answer again: a new answer beside the given one (or to the given question), the old one kept as a branch.',
    tag: 'chat',
    access: 'user',
    params: messageParams,
    status: 201,
    response: started,
    async handler({ principal, params, request }) {
      const user = principal!;
      const message = await messageOf(user.id, params.id, params.messageId);
      const questionId = message.role === 'user' ? message.id : message.parent_id;
      if (!questionId) throw badRequest('this answer has no question to answer again', 'invalid_parent');
      const answer = await jobs.answer({ user, ip: request.ip }, await conversationOf(user.id, params.id), questionId);
      return { assistant_message: answer };
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/chat/conversations/:id/messages/:messageId/edit',
    summary: 'Edit a question: the edited question becomes a new branch beside the old one, and is answered.',
    tag: 'chat',
    access: 'user',
    params: messageParams,
    body: editBody,
    status: 201,
    response: started,
    async handler({ principal, params, body, request }) {
      const user = principal!;
      const message = await messageOf(user.id, params.id, params.messageId);
      if (message.role !== 'user') throw badRequest('only your own messages can be edited; regenerate an answer instead', 'not_a_question');
      return ask({ user, ip: request.ip }, await conversationOf(user.id, params.id), message.parent_id, body);
    },
  });

  routes.add({
    method: 'POST',
    url: '/api/chat/messages/:id/stop',
    summary: 'Stop an answer being generated, on whichever node runs it: what was delivered is saved (status stopped) and settled.',
    tag: 'chat',
    access: 'user',
    params: jobParams,
    status: 204,
    otherStatuses: { 409: 'the answer is not being generated any more' },
    async handler({ principal, params }) {
      const message = await conversations.getMessage(principal!.id, params.id);
      if (!message) throw messageNotFound(params.id);
      if (!(await jobs.stop(principal!.id, params.id))) {
        throw new AppError(409, 'not_generating', 'this answer is not being generated any more');
      }
      return undefined;
    },
  });

  routes.add({
    method: 'GET',
    url: '/api/chat/messages/:id/events',
    summary:
      "An answer's events, from any node, resumable: send the last id seen as Last-Event-ID (or ?after=) to get exactly what was missed, then the live rest.",
    tag: 'chat',
    access: 'user',
    params: jobParams,
    query: z.object({ after: z.string().max(64).optional().describe('the last event id seen (as Last-Event-ID)') }),
    eventStream:
      '"start" {message_id, model}, then "delta" {text, at} and "reasoning" {text, at} as the answer grows (at: the length before it), ' +
      'then "end" with the saved message; "reset" {} when events asked for are gone (fetch the message, then read on, skipping by at ' +
      'what its text holds); each event has an id. A finished answer sends only "end".',
    async handler({ principal, params, query, request, reply }) {
      const userId = principal!.id;
      const message = await conversations.getMessage(userId, params.id);
      if (!message) throw messageNotFound(params.id);
      const header = request.headers['last-event-id'];
      const after = typeof header === 'string' && header.trim() ? header.trim() : query.after;
      reply.hijack();
      // A finished answer whose events are gone (or never were here): the saved message says it all.
      if (message.status !== 'generating' && !(await deps.events.holds(params.id))) {
        const stream = new EventStream(reply.raw, deps.keepAliveMs, reply.getHeaders());
        stream.write(sseMessage('end', JSON.stringify(messageView(message))));
        stream.end();
        return reply;
      }
      await streamJobEvents(reply.raw, deps.events, params.id, after, { keepAliveMs: deps.keepAliveMs, signal: deps.shutdown, headers: reply.getHeaders() });
      return reply;
    },
  });
}
