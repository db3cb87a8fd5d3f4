import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { pathTo, siblingsIn } from '@/features/chat/data/message-tree';
import type { Conversation, Message } from '@/features/chat/data/types';
import type { Branch } from './branch-navigator';
import { AssistantMessage, UserMessage } from './message-rows';
import { ThreadActionsContext, type ThreadActions } from './thread-actions';

/** Closer than this to the bottom counts as "at the bottom": new text keeps it in view. */
const STICK_PX = 64;

function branchesOf(messages: readonly Message[], path: readonly Message[]): Map<string, Branch | null> {
  const siblingsOf = siblingsIn(messages);
  return new Map(
    path.map((message) => {
      const versions = siblingsOf(message);
      if (versions.length < 2) return [message.id, null];
      const index = versions.findIndex((m) => m.id === message.id);
      return [message.id, { index, count: versions.length, previousId: versions[index - 1]?.id ?? null, nextId: versions[index + 1]?.id ?? null }];
    }),
  );
}

/**
 * The shown branch of a conversation as a virtualized list: only the messages near the viewport
 * are in the page, so a 200-message conversation streams as smoothly as a short one. It follows
 * new text only while the reader is at the bottom; otherwise a pill offers to jump there.
 */
export const ChatThread = memo(function ChatThread({
  conversation,
  actions,
  empty,
  footer,
}: {
  conversation: Conversation;
  actions: ThreadActions;
  empty?: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const { messages, current_leaf_id: leaf } = conversation;
  const path = useMemo(() => pathTo(messages, leaf), [messages, leaf]);
  const branches = useMemo(() => branchesOf(messages, path), [messages, path]);
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const virtualizer = useVirtualizer({
    count: path.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => path[index]!.id,
    // Scrolling and measuring re-render the list in React's own time, not synchronously inside the
    // commit that caused them: a message sent would otherwise draw the thread twice in one frame.
    useFlushSync: false,
  });

  const toBottom = useCallback(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

  // Opening a conversation starts at its end.
  useLayoutEffect(() => {
    stick.current = true;
    setAtBottom(true);
    toBottom();
  }, [conversation.id, toBottom]);

  // A message sent or an answer started: follow it.
  const lastId = path.at(-1)?.id;
  useLayoutEffect(() => {
    stick.current = true;
    setAtBottom(true);
    toBottom();
  }, [lastId, toBottom]);

  // The content grows (streamed text, a message measured): stay at the bottom if the reader was there.
  useEffect(() => {
    const inner = content.current;
    if (!inner) return;
    const observer = new ResizeObserver(() => {
      if (stick.current) toBottom();
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, [toBottom]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
    stick.current = bottom;
    if (bottom !== atBottom) setAtBottom(bottom);
  };

  const lastAnswer = path.at(-1);
  const announce = lastAnswer?.role === 'assistant' && lastAnswer.status !== 'generating' ? lastAnswer.content.slice(0, 1_000) : '';

  return (
    <ThreadActionsContext.Provider value={actions}>
      <div className="relative min-h-0 flex-1">
        <div ref={scroller} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain [scrollbar-gutter:stable]" data-testid="chat-scroller">
          <div ref={content} className="mx-auto w-full max-w-3xl px-4 pt-6 pb-4">
            {path.length === 0 ? (
              empty
            ) : (
              <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }} role="log" aria-label={t('thread.messages')}>
                {virtualizer.getVirtualItems().map((item) => {
                  const message = path[item.index]!;
                  const Row = message.role === 'user' ? UserMessage : AssistantMessage;
                  return (
                    <div
                      key={item.key}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      className="absolute top-0 left-0 w-full pb-6"
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      <Row message={message} conversationId={conversation.id} branch={branches.get(message.id) ?? null} last={item.index === path.length - 1} />
                    </div>
                  );
                })}
              </div>
            )}
            {footer}
          </div>
        </div>
        {!atBottom && (
          <Button
            variant="outline"
            size="sm"
            className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full shadow-md"
            onClick={() => {
              stick.current = true;
              setAtBottom(true);
              scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
            }}
          >
            <ArrowDown aria-hidden />
            {t('thread.jumpToLatest')}
          </Button>
        )}
        {/* Screen readers hear a finished answer once, not every streamed piece. */}
        <div className="sr-only" aria-live="polite" aria-atomic="true">
          {announce}
        </div>
      </div>
    </ThreadActionsContext.Provider>
  );
});
