import { useMemo, type RefObject } from 'react';
import { toast } from '@/features/shell';
import { useTranslation } from 'react-i18next';
import type { ComposerHandle } from '@/features/chat/composer/composer';
import { useConversationActions } from '@/features/chat/data/conversation';
import { useErrorText } from '@/lib/api/error-text';
import { saveMessageAsFile } from './thread/save-as-file';
import type { ThreadActions } from './thread/thread-actions';

/** The thread's buttons for one stored conversation, each failure shown as a toast in the user's language. */
export function useChatActions(conversationId: string, composer: RefObject<ComposerHandle | null>) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mutations = useConversationActions(conversationId);
  const { send, regenerate, edit, stop, remove, patch } = mutations;
  const fail = (error: unknown) => toast.error(errorText(error));
  const busy = send.isPending || regenerate.isPending || edit.isPending;
  const thread = useMemo<ThreadActions>(
    () => ({
      regenerate: (messageId) => regenerate.mutate(messageId, { onError: fail }),
      edit: (messageId, content, attachments) => edit.mutate({ messageId, content, attachments }, { onError: fail }),
      showBranch: (messageId) => patch.mutate({ current_leaf_id: messageId }, { onError: fail }),
      remove: (messageId) => remove.mutate(messageId, { onError: fail }),
      stop: (messageId) => stop.mutate(messageId, { onError: fail }),
      use: (text) => composer.current?.setText(text),
      sendCommand: (command) => send.mutate({ content: command, attachments: [] }, { onError: fail }),
      saveAsFile: (message) => {
        saveMessageAsFile(message);
        toast.success(t('chat.savedAsFile'));
      },
      busy,
    }),
    // The mutation objects change every render; their mutate functions are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [busy, conversationId],
  );
  return { thread, mutations, fail };
}
