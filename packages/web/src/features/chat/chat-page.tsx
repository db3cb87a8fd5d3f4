import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { ChatSidebar } from '@/features/chat/sidebar/chat-sidebar';
import { useChatSync } from '@/features/chat/sync/use-chat-sync';
import { shortcuts, useShortcut } from '@/features/shell';
import { useDocumentTitle } from '@/lib/document-title';
import { useIsPhone } from '@/lib/use-is-phone';
import { ConversationView } from './conversation-view';
import { NewChatView } from './new-chat-view';
import { SidebarToggle } from './sidebar-toggle';

// Only phones use the drawer (vaul): its code stays out of the main bundle.
const SidebarDrawer = lazy(() => import('@/features/chat/sidebar/sidebar-drawer').then((m) => ({ default: m.SidebarDrawer })));

const collapsedKey = 'switchboard.sidebarCollapsed';

/** The signed-in chat: the conversation list beside (or, on phones, in a drawer over) the open conversation. */
export function ChatPage() {
  const { t } = useTranslation();
  const id = useMatch('/c/:id')?.params.id;
  const navigate = useNavigate();
  const [drawer, setDrawer] = useState(false);
  // One sidebar at a time (each listens for ⌘K): beside the chat from 768 px, else in the drawer.
  const desktop = !useIsPhone();
  const [collapsed, setCollapsed] = useState(() => typeof localStorage !== 'undefined' && localStorage.getItem(collapsedKey) === '1');
  useChatSync();
  useDocumentTitle(t('chat.title'));

  const collapse = (value: boolean) => {
    setCollapsed(value);
    localStorage.setItem(collapsedKey, value ? '1' : '0');
  };
  const select = (next: string | null) => {
    setDrawer(false);
    void navigate(next ? `/c/${next}` : '/');
  };
  useShortcut(shortcuts.newChat, () => select(null), { whileTyping: true });
  useShortcut(shortcuts.toggleSidebar, () => collapse(!collapsed), { whileTyping: true });
  const sidebar = <ChatSidebar activeId={id ?? null} onNewChat={() => select(null)} onSelect={select} onCollapse={() => collapse(true)} />;

  return (
    <div className="flex h-dvh overflow-hidden">
      {desktop ? (
        !collapsed && <aside className="flex w-68 shrink-0 flex-col">{sidebar}</aside>
      ) : (
        <Suspense fallback={null}>
          <SidebarDrawer open={drawer} onOpenChange={setDrawer}>
            {sidebar}
          </SidebarDrawer>
        </Suspense>
      )}
      <main className="relative flex min-w-0 flex-1 flex-col">
        <SidebarToggle.Provider value={desktop ? (collapsed ? () => collapse(false) : null) : () => setDrawer(true)}>
          {id ? <ConversationView key={id} id={id} /> : <NewChatView />}
        </SidebarToggle.Provider>
      </main>
    </div>
  );
}
