import { useVirtualizer } from '@tanstack/react-virtual';
import { MessagesSquare } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { useErrorText } from '@/lib/api/error-text';
import { flattenList, type Conversation } from '../sync/conversation-cache';
import { ConversationRow, type RowActions } from './conversation-row';
import { DeleteConversationDialog } from './delete-dialogs';
import { groupByDate } from './group-by-date';
import { groupLabel } from './group-label';
import { ListSkeleton } from './list-skeleton';
import { useConversationActions } from './use-conversation-actions';
import { useConversationList } from './use-conversation-list';

type Line = { kind: 'heading'; id: string; label: string } | { kind: 'row'; id: string; conversation: Conversation };

// Fixed heights (rows never wrap: titles are truncated), so 1,000 rows cost no measuring;
// taller rows for fingers on touch screens.
const rowHeight = { fine: 36, coarse: 44 };
const headingHeight = 36;
const isCoarse = () => typeof matchMedia !== 'undefined' && matchMedia('(pointer: coarse)').matches;
// Load the next page this many lines before the end, so scrolling rarely meets the bottom.
const prefetchLines = 10;

interface ConversationListProps {
  activeId: string | null;
  onSelect: (id: string | null) => void;
}

/** The grouped, virtualized list with its loading, empty and error states, and the per-row actions. */
export function ConversationList({ activeId, onSelect }: ConversationListProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const list = useConversationList();
  const { rename, setPinned, remove } = useConversationActions();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [pendingDelete, setPendingDelete] = useState<Conversation | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pointer] = useState<'fine' | 'coarse'>(() => (isCoarse() ? 'coarse' : 'fine'));

  const items = useMemo(() => flattenList(list.data), [list.data]);
  const lines = useMemo(() => {
    const now = new Date();
    return groupByDate(items, now).flatMap((group): Line[] => {
      const label = groupLabel(group.key, t, i18n.language, now);
      return [{ kind: 'heading', id: `h:${label}`, label }, ...group.items.map((conversation) => ({ kind: 'row' as const, id: conversation.id, conversation }))];
    });
  }, [items, t, i18n.language]);

  // The conversation on screen left the list (deleted here, in another tab or on another device):
  // the shell shows a new chat instead of a conversation that no longer exists.
  const listed = useMemo(() => new Set(items.map((item) => item.id)), [items]);
  const previouslyListed = useRef(listed);
  useEffect(() => {
    const was = activeId !== null && previouslyListed.current.has(activeId);
    previouslyListed.current = listed;
    if (was && !listed.has(activeId)) onSelect(null);
  }, [listed, activeId, onSelect]);

  // One object for every row, stable across renders, so a memoized row re-renders only when its own data changes.
  const latest = useRef({ onSelect, rename, setPinned });
  useEffect(() => {
    latest.current = { onSelect, rename, setPinned };
  });
  const actions = useMemo<RowActions>(
    () => ({
      select: (id) => latest.current.onSelect(id),
      startRename: setEditingId,
      rename: (id, title) => {
        setEditingId(null);
        if (title !== null && title.trim()) latest.current.rename(id, title.trim());
      },
      setPinned: (id, pinned) => latest.current.setPinned(id, pinned),
      askDelete: setPendingDelete,
    }),
    [],
  );

  // The app does not use React Compiler, which is what this warning is about; the virtualizer re-renders the list itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (lines[index]?.kind === 'heading' ? headingHeight : rowHeight[pointer]),
    getItemKey: (index) => lines[index]?.id ?? index,
    overscan: 12,
    // A first screenful before the element is measured (and when rendered on the server).
    initialRect: { width: 272, height: 800 },
  });
  const visible = virtualizer.getVirtualItems();
  const lastVisible = visible.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= lines.length - prefetchLines) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastVisible, lines.length]);

  const confirmDelete = useCallback(() => {
    if (!pendingDelete) return;
    remove(pendingDelete.id);
    if (pendingDelete.id === activeId) onSelect(null);
    setPendingDelete(null);
  }, [pendingDelete, activeId, onSelect, remove]);

  if (list.isPending) return <ListSkeleton />;
  if (list.isError && !list.data) {
    return (
      <div role="alert" className="flex flex-1 flex-col items-center gap-3 px-6 py-10 text-center text-sm text-muted-foreground">
        <p>{t('sidebar.loadError', { reason: errorText(list.error) })}</p>
        <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
          {t('sidebar.retry')}
        </Button>
      </div>
    );
  }
  if (lines.length === 0) {
    return (
      <div className="flex flex-1 flex-col items-center gap-2 px-6 py-12 text-center">
        <MessagesSquare className="size-8 text-muted-foreground/60" aria-hidden />
        <p className="text-sm font-medium">{t('sidebar.empty.title')}</p>
        <p className="text-xs text-muted-foreground">{t('sidebar.empty.body')}</p>
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-2 [scrollbar-width:thin]">
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {visible.map((item) => {
          const line = lines[item.index];
          if (!line) return null;
          return (
            <div key={item.key} className="absolute inset-x-0 top-0" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
              {line.kind === 'heading' ? (
                <h2 className="flex h-full items-end px-3 pb-1.5 text-xs font-medium text-muted-foreground">{line.label}</h2>
              ) : (
                <div className="h-full py-px">
                  <ConversationRow conversation={line.conversation} active={line.id === activeId} editing={line.id === editingId} actions={actions} />
                </div>
              )}
            </div>
          );
        })}
      </div>
      {isFetchingNextPage && (
        <p className="px-3 py-2 text-xs text-muted-foreground" role="status">
          {t('sidebar.loadingMore')}
        </p>
      )}
      <DeleteConversationDialog conversation={pendingDelete} onCancel={() => setPendingDelete(null)} onConfirm={confirmDelete} />
    </div>
  );
}
