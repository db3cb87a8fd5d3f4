import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Composer, type ComposerHandle } from '@/features/chat/composer/composer';
import { useConversation } from '@/features/chat/data/conversation';
import { pathTo } from '@/features/chat/data/message-tree';
import type { ChatSettings, Conversation, Message } from '@/features/chat/data/types';
import { Markdown } from '@/features/chat/markdown';
import { EstimatedCost } from '@/features/chat/settings/estimated-cost';
import { estimateTokens } from '@/features/chat/settings/price';
import { useMarket } from '@/features/chat/settings/use-market';
import { shortcuts, toast, useShortcut } from '@/features/shell';
import { ApiError } from '@/lib/api/client';
import { useErrorText } from '@/lib/api/error-text';
import { ChatHeader } from './chat-header';
import { useReadsImages } from './reads-images';
import { ChatThread } from './thread/chat-thread';
import { useChatActions } from './use-chat-actions';

/** Rough size of what goes up with the next message: the last `context_length` messages of the branch. */
function contextTokens(conversation: Conversation, path: readonly Message[]): number {
  const sent = path.slice(-conversation.settings.context_length);
  return estimateTokens(conversation.settings.system_prompt) + sent.reduce((sum, m) => sum + estimateTokens(m.content), 0);
}

function Loaded({ conversation }: { conversation: Conversation }) {
  const composer = useRef<ComposerHandle>(null);
  const { thread, mutations, fail } = useChatActions(conversation.id, composer);
  const market = useMarket();
  const entry = market.data?.find((m) => m.model === conversation.settings.model);
  const path = useMemo(() => pathTo(conversation.messages, conversation.current_leaf_id), [conversation.messages, conversation.current_leaf_id]);
  const generating = path.find((m) => m.status === 'generating');
  const vision = useReadsImages(conversation.settings.model);
  const tokens = useMemo(() => contextTokens(conversation, path), [conversation, path]);
  const changeSettings = (settings: Partial<ChatSettings>) => mutations.patch.mutate({ settings }, { onError: fail });
  const { t } = useTranslation();
  useShortcut(shortcuts.focusInput, () => composer.current?.focus(), { whileTyping: true });
  useShortcut(shortcuts.stopGenerating, () => generating && thread.stop(generating.id), { enabled: Boolean(generating), whileTyping: true });
  useShortcut(
    shortcuts.copyLastAnswer,
    () => {
      const answer = path.findLast((m) => m.role === 'assistant' && m.status !== 'generating');
      if (answer) void navigator.clipboard.writeText(answer.content).then(() => toast.success(t('chat.copiedLastAnswer')));
    },
    { whileTyping: true },
  );
  return (
    <>
      <ChatHeader title={conversation.title} settings={conversation.settings} onSettings={changeSettings} />
      <ChatThread conversation={conversation} actions={thread} />
      <div className="mx-auto w-full max-w-3xl px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-4">
        <Composer
          ref={composer}
          draftKey={conversation.id}
          generating={Boolean(generating)}
          onStop={() => generating && thread.stop(generating.id)}
          onSend={(message) => mutations.send.mutate(message, { onError: fail })}
          vision={vision}
          estimate={(text) => <EstimatedCost entry={entry} text={text} contextTokens={tokens} maxTokens={conversation.settings.max_tokens} />}
          renderPreview={(text) => <Markdown text={text} streaming={false} />}
          autoFocus
        />
      </div>
    </>
  );
}

/** A stored conversation: its thread, its header and the composer. */
export function ConversationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const conversation = useConversation(id);
  if (conversation.data) return <Loaded conversation={conversation.data} />;
  if (conversation.isError) {
    const missing = conversation.error instanceof ApiError && conversation.error.status === 404;
    return (
      <div className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center">
        <p role="alert" className="text-muted-foreground">
          {missing ? t('chat.notFound') : errorText(conversation.error)}
        </p>
        {missing ? (
          <Link to="/" className="text-sm text-primary underline-offset-4 hover:underline">
            {t('chat.newChat')}
          </Link>
        ) : (
          <button type="button" className="text-sm text-primary underline-offset-4 hover:underline" onClick={() => void queryClient.invalidateQueries({ queryKey: ['conversation', id] })}>
            {t('chat.retry')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 pt-20" aria-busy="true">
      <div className="ml-auto h-10 w-2/5 animate-pulse rounded-2xl bg-muted" />
      <div className="h-4 w-4/5 animate-pulse rounded bg-muted" />
      <div className="h-4 w-3/5 animate-pulse rounded bg-muted" />
    </div>
  );
}
