import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';
import { newestLeafUnder } from './message-tree';
import type { Attachment, ChatSettings, Conversation, Message } from './types';

/** The cache key of one open conversation; the sidebar's live sync invalidates it when it changes elsewhere. */
export const conversationKey = (id: string) => ['conversation', id] as const;

type Patch = paths['/api/chat/conversations/{id}']['patch']['requestBody']['content']['application/json'];
export type Outgoing = { content: string; attachments: string[] };

const images = (urls: string[]): Attachment[] => urls.map((url) => ({ type: 'image', url }));

/** How one conversation is read and cached: the change stream says when it changed, so no refetch on a timer or on focus. */
export function conversationQuery(id: string) {
  return {
    queryKey: conversationKey(id),
    queryFn: () => unwrap(api.GET('/api/chat/conversations/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  };
}

export function useConversation(id: string | undefined) {
  return useQuery({ ...conversationQuery(id ?? ''), enabled: Boolean(id) });
}

/** Adds the messages a send, edit or regenerate created, and shows the new answer's branch. */
function addMessages(queryClient: QueryClient, id: string, added: Message[], leaf: string): void {
  queryClient.setQueryData<Conversation>(conversationKey(id), (old) =>
    old ? { ...old, messages: [...old.messages.filter((m) => !added.some((a) => a.id === m.id)), ...added], current_leaf_id: leaf } : old,
  );
}

/** Puts one message (an answer's saved end, say) into the cached conversation. */
export function putMessage(queryClient: QueryClient, conversationId: string, message: Message): void {
  queryClient.setQueryData<Conversation>(conversationKey(conversationId), (old) =>
    old ? { ...old, messages: old.messages.map((m) => (m.id === message.id ? message : m)) } : old,
  );
}

/** Creates a conversation with the chosen settings (a new chat's first send). */
export function createConversation(settings: Partial<ChatSettings>): Promise<Conversation> {
  return unwrap(api.POST('/api/chat/conversations', { body: { settings } }));
}

/** Send, regenerate, edit, stop, delete, switch branch and change settings on one conversation. */
export function useConversationActions(id: string) {
  const queryClient = useQueryClient();
  const path = { id };
  const send = useMutation({
    mutationFn: (message: Outgoing & { parentId?: string | null }) =>
      unwrap(
        api.POST('/api/chat/conversations/{id}/messages', {
          params: { path },
          body: { content: message.content, attachments: images(message.attachments), ...(message.parentId !== undefined ? { parent_id: message.parentId } : {}) },
        }),
      ),
    onSuccess: (made) => addMessages(queryClient, id, [...(made.user_message ? [made.user_message] : []), made.assistant_message], made.assistant_message.id),
  });
  const regenerate = useMutation({
    mutationFn: (messageId: string) =>
      unwrap(api.POST('/api/chat/conversations/{id}/messages/{messageId}/regenerate', { params: { path: { id, messageId } } })),
    onSuccess: (made) => addMessages(queryClient, id, [made.assistant_message], made.assistant_message.id),
  });
  const edit = useMutation({
    mutationFn: ({ messageId, ...message }: Outgoing & { messageId: string }) =>
      unwrap(
        api.POST('/api/chat/conversations/{id}/messages/{messageId}/edit', {
          params: { path: { id, messageId } },
          body: { content: message.content, attachments: images(message.attachments) },
        }),
      ),
    onSuccess: (made) => addMessages(queryClient, id, [...(made.user_message ? [made.user_message] : []), made.assistant_message], made.assistant_message.id),
  });
  const stop = useMutation({
    mutationFn: (messageId: string) => unwrap(api.POST('/api/chat/messages/{id}/stop', { params: { path: { id: messageId } } })),
  });
  const remove = useMutation({
    mutationFn: (messageId: string) => unwrap(api.DELETE('/api/chat/conversations/{id}/messages/{messageId}', { params: { path: { id, messageId } } })),
    // The answer is the conversation without its messages: read the tree again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKey(id) }),
  });
  const patch = useMutation({
    mutationFn: (body: Patch) => unwrap(api.PATCH('/api/chat/conversations/{id}', { params: { path }, body })),
    // Optimistic: switching a branch or a setting shows at once; the answer replaces the guess.
    onMutate: (body) => {
      const before = queryClient.getQueryData<Conversation>(conversationKey(id));
      if (before) {
        const leaf = body.current_leaf_id ? newestLeafUnder(before.messages, body.current_leaf_id) : before.current_leaf_id;
        queryClient.setQueryData<Conversation>(conversationKey(id), {
          ...before,
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.pinned !== undefined ? { pinned: body.pinned } : {}),
          settings: { ...before.settings, ...body.settings },
          current_leaf_id: leaf,
        });
      }
      return { before };
    },
    onError: (_error, _body, context) => {
      if (context?.before) queryClient.setQueryData(conversationKey(id), context.before);
    },
    onSuccess: (conversation) =>
      queryClient.setQueryData<Conversation>(conversationKey(id), (old) => (old ? { ...old, ...conversation, messages: old.messages } : old)),
  });
  return { send, regenerate, edit, stop, remove, patch };
}
