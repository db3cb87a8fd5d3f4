import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PreferencesMenu } from '@/components/preferences-menu';
import { Button } from '@/components/ui/button';
import { Composer, type ComposerHandle } from '@/features/chat/composer/composer';
import { Markdown } from '@/features/chat/markdown';
import { ModelPicker } from '@/features/chat/settings/model-picker';
import { type MarketEntry } from '@/features/chat/settings/market-types';
import { ChatThread } from '@/features/chat/thread/chat-thread';
import type { ThreadActions } from '@/features/chat/thread/thread-actions';
import { saveMessageAsFile } from '@/features/chat/thread/save-as-file';
import { useDocumentTitle } from '@/lib/document-title';
import { useAnonymousChat } from './use-anonymous-chat';

/** Signed out, with free models open to visitors: chat at once, nothing stored; sign in to keep conversations. */
export function AnonymousChatPage({ models }: { models: MarketEntry[] }) {
  const { t } = useTranslation();
  useDocumentTitle(t('chat.title'));
  const [model, setModel] = useState(() => (models.find((m) => m.default) ?? models[0])?.model ?? '');
  const chat = useAnonymousChat(model);
  const composer = useRef<ComposerHandle>(null);
  const lastAnswer = chat.conversation.messages.at(-1);

  const actions = useMemo<ThreadActions>(
    () => ({
      regenerate: chat.regenerate,
      edit: (id, content) => chat.edit(id, content),
      showBranch: () => undefined,
      remove: chat.remove,
      stop: chat.stop,
      use: (text) => composer.current?.setText(text),
      sendCommand: chat.send,
      saveAsFile: saveMessageAsFile,
      busy: chat.generating,
    }),
    // chat's functions close over its messages: rebuild when they change.
    [chat],
  );

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex h-14 shrink-0 items-center gap-2 px-3 sm:px-4">
        <ModelPicker value={model} onChange={setModel} anonymous />
        <div className="ml-auto flex items-center gap-1">
          <PreferencesMenu />
          <Button variant="ghost" size="sm" asChild>
            <Link to="/sign-in">{t('chat.anonymous.signIn')}</Link>
          </Button>
          <Button size="sm" asChild>
            <Link to="/register">{t('chat.anonymous.register')}</Link>
          </Button>
        </div>
      </header>
      <ChatThread
        conversation={chat.conversation}
        actions={actions}
        empty={
          <div className="flex flex-col items-center gap-2 pt-[18vh] text-center">
            <h1 className="text-2xl font-semibold tracking-tight">{t('chat.greeting')}</h1>
            <p className="max-w-md text-sm text-muted-foreground">{t('chat.anonymous.hint')}</p>
          </div>
        }
      />
      <div className="mx-auto w-full max-w-3xl px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] sm:px-4">
        <Composer
          ref={composer}
          draftKey="anonymous"
          generating={chat.generating}
          onStop={chat.stop}
          onSend={(message) => chat.send(message.content)}
          vision={false}
          renderPreview={(text) => <Markdown text={text} streaming={false} />}
          autoFocus
        />
        {lastAnswer && (
          <p className="pt-2 text-center text-xs text-muted-foreground">{t('chat.anonymous.notSaved')}</p>
        )}
      </div>
    </div>
  );
}
