import { useQueryClient } from '@tanstack/react-query';
import { MessageSquarePlus } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { shortcuts, toast, useShortcut } from '@/features/shell';
import { Composer, type ComposerHandle } from '@/features/chat/composer/composer';
import { conversationKey, createConversation, type Outgoing } from '@/features/chat/data/conversation';
import { defaultChatSettings } from '@/features/chat/data/default-settings';
import type { ChatSettings, Conversation } from '@/features/chat/data/types';
import { Markdown } from '@/features/chat/markdown';
import { EstimatedCost } from '@/features/chat/settings/estimated-cost';
import { useMarket } from '@/features/chat/settings/use-market';
import { api, unwrap } from '@/lib/api/client';
import { useErrorText } from '@/lib/api/error-text';
import { ChatHeader } from './chat-header';
import { useReadsImages } from './reads-images';
import { rememberModel, useStartingModel } from './starting-model';


/**
 * A chat not yet stored: the greeting and the composer. The first send creates the conversation
 * with the settings chosen here, sends the message and moves to the conversation's address, the
 * answer already streaming.
 */
export function NewChatView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const composer = useRef<ComposerHandle>(null);
  const startingModel = useStartingModel();
  const [chosen, setChosen] = useState<Partial<ChatSettings>>({});
  const settings: ChatSettings = { ...defaultChatSettings, model: startingModel, ...chosen };
  const [sending, setSending] = useState(false);
  const market = useMarket();
  const entry = market.data?.find((m) => m.model === settings.model);
  const vision = useReadsImages(settings.model);
  useShortcut(shortcuts.focusInput, () => composer.current?.focus(), { whileTyping: true });

  const start = async (message: Outgoing) => {
    setSending(true);
    try {
      const conversation = await createConversation(settings);
      const made = await unwrap(
        api.POST('/api/chat/conversations/{id}/messages', {
          params: { path: { id: conversation.id } },
          body: { content: message.content, attachments: message.attachments.map((url) => ({ type: 'image' as const, url })) },
        }),
      );
      const added = [...(made.user_message ? [made.user_message] : []), made.assistant_message];
      queryClient.setQueryData<Conversation>(conversationKey(conversation.id), {
        ...conversation,
        messages: [...conversation.messages, ...added],
        current_leaf_id: made.assistant_message.id,
      });
      rememberModel(settings.model);
      void navigate(`/c/${conversation.id}`);
    } catch (error) {
      toast.error(errorText(error));
      setSending(false);
    }
  };

  return (
    <>
      <ChatHeader title="" settings={settings} onSettings={(change) => setChosen((old) => ({ ...old, ...change }))} />
      <div className="flex min-h-0 flex-1 flex-col items-center justify-center gap-3 px-6 text-center">
        <span className="flex size-12 items-center justify-center rounded-2xl bg-primary/10 text-primary">
          <MessageSquarePlus className="size-6" aria-hidden />
        </span>
        <h2 className="text-2xl font-semibold tracking-tight">{t('chat.greeting')}</h2>
        <p className="max-w-md text-sm text-muted-foreground">{t('chat.greetingHint')}</p>
      </div>
      <div className="mx-auto w-full max-w-3xl px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-4">
        <Composer
          ref={composer}
          draftKey="new"
          generating={false}
          onStop={() => undefined}
          disabled={sending}
          onSend={(message) => void start(message)}
          vision={vision}
          estimate={(text) => <EstimatedCost entry={entry} text={text} contextTokens={0} maxTokens={settings.max_tokens} />}
          renderPreview={(text) => <Markdown text={text} streaming={false} />}
          autoFocus
        />
      </div>
    </>
  );
}
