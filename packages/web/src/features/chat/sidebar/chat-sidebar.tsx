import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TooltipProvider } from '@/components/ui/tooltip';
import { cn } from '@/lib/cn';
import { ConversationList } from './conversation-list';
import { useDrawer } from './drawer-context';
import { SearchBox } from './search-box';
import { SearchResults } from './search-results';
import { SidebarFooter } from './sidebar-footer';
import { SidebarHeader } from './sidebar-header';
import { useConversationActions } from './use-conversation-actions';

export interface ChatSidebarProps {
  /** The conversation on screen (highlighted), or null on a new chat. */
  activeId: string | null;
  /** "New chat" was chosen. */
  onNewChat: () => void;
  /** A conversation was chosen; null when the one on screen was just deleted (show a new chat). */
  onSelect: (id: string | null) => void;
  /** Called after any choice that leaves the current view (select, new chat), e.g. to close an overlay. */
  onNavigateAway?: () => void;
  /** Shown as a collapse button in the header when given. */
  onCollapse?: () => void;
  /** The search field, for a shell that focuses it itself (⌘K already works while the sidebar is mounted). */
  searchRef?: Ref<HTMLInputElement>;
  className?: string;
}

/**
 * The conversation sidebar: new chat, search, the grouped list with rename / pin / delete,
 * and the account foot. Needs a QueryClientProvider; mount `useChatSync()` once beside it to
 * keep the list live.
 */
export function ChatSidebar({ activeId, onNewChat, onSelect, onNavigateAway, onCollapse, searchRef, className }: ChatSidebarProps) {
  const { t } = useTranslation();
  const drawer = useDrawer();
  const [typed, setTyped] = useState('');
  const { removeAll } = useConversationActions();

  const leave = () => {
    onNavigateAway?.();
    drawer?.close();
  };
  const select = (id: string | null) => {
    onSelect(id);
    if (id !== null) leave();
  };
  const newChat = () => {
    onNewChat();
    leave();
  };
  const deleteAll = () => {
    removeAll();
    if (activeId !== null) onSelect(null);
  };

  return (
    <TooltipProvider>
      <nav aria-label={t('sidebar.title')} className={cn('flex h-full flex-col bg-muted/40', drawer ? 'w-full' : 'w-68 shrink-0', className)}>
        <SidebarHeader onNewChat={newChat} onCollapse={onCollapse} />
        <SearchBox value={typed} onChange={setTyped} inputRef={searchRef} />
        {typed.trim() ? <SearchResults typed={typed} activeId={activeId} onSelect={select} /> : <ConversationList activeId={activeId} onSelect={select} />}
        <SidebarFooter onDeleteAll={deleteAll} />
      </nav>
    </TooltipProvider>
  );
}
