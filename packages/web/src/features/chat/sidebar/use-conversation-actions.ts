import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { toast } from '@/features/shell';
import { api, unwrap } from '@/lib/api/client';
import { useErrorText } from '@/lib/api/error-text';
import {
  conversationKey,
  conversationListKey,
  patchConversation,
  updateCachedList,
  type Conversation,
  type ConversationListData,
} from '../sync/conversation-cache';

type Patch = { id: string; title?: string; pinned?: boolean };

/**
 * Rename, pin and delete, each shown at once (optimistic) and put back with a toast when the
 * server refuses. The list is the only cache touched before the answer; the open conversation's
 * query is refreshed (or dropped) after it.
 */
export function useConversationActions() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const errorText = useErrorText();

  // Each change snapshots the list first so a failure restores exactly what was there.
  const snapshot = async () => {
    await queryClient.cancelQueries({ queryKey: conversationListKey() });
    return queryClient.getQueryData<ConversationListData>(conversationListKey());
  };
  const restore = (previous: ConversationListData | undefined) => queryClient.setQueryData(conversationListKey(), previous);

  const patch = useMutation({
    mutationFn: ({ id, ...body }: Patch) => unwrap(api.PATCH('/api/chat/conversations/{id}', { params: { path: { id } }, body })),
    onMutate: async ({ id, ...changes }) => {
      const previous = await snapshot();
      updateCachedList(queryClient, (items) => patchConversation(items, id, changes));
      return { previous };
    },
    onSuccess: (saved: Conversation) => {
      updateCachedList(queryClient, (items) => patchConversation(items, saved.id, saved));
      void queryClient.invalidateQueries({ queryKey: conversationKey(saved.id), exact: true });
    },
    onError: (error, { title }, context) => {
      restore(context?.previous);
      toast.error(t(title !== undefined ? 'sidebar.failed.rename' : 'sidebar.failed.pin', { reason: errorText(error) }));
    },
  });

  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/chat/conversations/{id}', { params: { path: { id } } })),
    onMutate: async (id) => {
      const previous = await snapshot();
      updateCachedList(queryClient, (items) => items.filter((item) => item.id !== id));
      return { previous };
    },
    onSuccess: (_answer, id) => queryClient.removeQueries({ queryKey: conversationKey(id), exact: true }),
    onError: (error, _id, context) => {
      restore(context?.previous);
      toast.error(t('sidebar.failed.delete', { reason: errorText(error) }));
    },
  });

  const removeAll = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/chat/conversations')),
    onMutate: async () => {
      const previous = await snapshot();
      updateCachedList(queryClient, () => []);
      return { previous };
    },
    onSuccess: () => queryClient.removeQueries({ queryKey: ['conversation'] }),
    onError: (error, _none, context) => {
      restore(context?.previous);
      toast.error(t('sidebar.failed.deleteAll', { reason: errorText(error) }));
    },
  });

  return {
    rename: (id: string, title: string) => patch.mutate({ id, title }),
    setPinned: (id: string, pinned: boolean) => patch.mutate({ id, pinned }),
    remove: (id: string) => remove.mutate(id),
    removeAll: () => removeAll.mutate(),
  };
}
