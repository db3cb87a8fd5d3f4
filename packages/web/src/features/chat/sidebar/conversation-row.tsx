import { Ellipsis, Pencil, Pin, PinOff, Trash2 } from 'lucide-react';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import type { Conversation } from '../sync/conversation-cache';
import { MenuItem } from './menu-item';

export interface RowActions {
  select: (id: string) => void;
  startRename: (id: string) => void;
  rename: (id: string, title: string | null) => void;
  setPinned: (id: string, pinned: boolean) => void;
  askDelete: (conversation: Conversation) => void;
}

interface ConversationRowProps {
  conversation: Conversation;
  active: boolean;
  editing: boolean;
  actions: RowActions;
}

/**
 * The inline title editor: Enter or leaving saves, Esc cancels; Enter while an IME is composing is
 * the IME's. `byKeyboard` says whether focus should go back to the row.
 */
function RenameInput({ conversation, onDone }: { conversation: Conversation; onDone: (title: string | null, byKeyboard: boolean) => void }) {
  const { t } = useTranslation();
  // Enter unmounts the box, which may also blur it: one answer only.
  const done = useRef(false);
  const finish = (title: string | null, byKeyboard: boolean) => {
    if (done.current) return;
    done.current = true;
    onDone(title, byKeyboard);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') finish(event.currentTarget.value, true);
    else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null, true);
    }
  };
  return (
    <Input
      autoFocus
      defaultValue={conversation.title}
      aria-label={t('sidebar.row.renameLabel')}
      maxLength={200}
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget.value, false)}
      className="h-8 bg-background px-2"
    />
  );
}

/**
 * One conversation: its title (the whole of it as a tooltip), and a "…" menu shown on hover, on
 * focus, on the active row and always on touch screens (which have no hover).
 */
export const ConversationRow = memo(function ConversationRow({ conversation, active, editing, actions }: ConversationRowProps) {
  const { t } = useTranslation();
  const title = conversation.title || t('sidebar.untitled');
  // Rename and delete take the focus elsewhere (the box, the dialog); Esc or pin gives it back to "…".
  const focusMovesOn = useRef(false);
  const titleButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    titleButton.current?.focus();
  }, [editing]);
  if (editing) {
    return (
      <div className="flex h-full items-center px-1">
        <RenameInput
          conversation={conversation}
          onDone={(value, byKeyboard) => {
            refocus.current = byKeyboard;
            // An unchanged title is not saved: saving would mark it as the user's and stop automatic titles.
            actions.rename(conversation.id, value?.trim() === conversation.title ? null : value);
          }}
        />
      </div>
    );
  }
  return (
    <div
      className={cn(
        'group relative flex h-full items-center rounded-lg text-sm transition-colors duration-150',
        active ? 'bg-foreground/10 font-medium text-foreground' : 'text-foreground/85 hover:bg-foreground/[0.04]',
      )}
    >
      <button
        ref={titleButton}
        type="button"
        title={title}
        aria-current={active ? 'page' : undefined}
        onClick={() => actions.select(conversation.id)}
        className={cn(
          'h-full min-w-0 flex-1 truncate rounded-lg px-3 text-left outline-none focus-visible:ring-2 focus-visible:ring-ring',
          'group-focus-within:pr-9 group-hover:pr-9 pointer-coarse:pr-9',
          active && 'pr-9',
        )}
      >
        {title}
      </button>
      {/* Not modal: a modal menu hides the rest of the page from screen readers while it stays focusable (axe aria-hidden-focus). */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('sidebar.row.actions', { title })}
            className={cn(
              'absolute right-0.5 size-7.5 pointer-coarse:size-9 text-muted-foreground opacity-0 hover:bg-foreground/8 focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 data-[state=open]:opacity-100 pointer-coarse:opacity-100',
              active && 'opacity-100',
            )}
          >
            <Ellipsis />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent
          align="start"
          className="w-44"
          onCloseAutoFocus={(event) => {
            if (focusMovesOn.current) event.preventDefault();
            focusMovesOn.current = false;
          }}
        >
          <MenuItem
            onSelect={() => {
              focusMovesOn.current = true;
              actions.startRename(conversation.id);
            }}
          >
            <Pencil />
            {t('sidebar.row.rename')}
          </MenuItem>
          <MenuItem onSelect={() => actions.setPinned(conversation.id, !conversation.pinned)}>
            {conversation.pinned ? <PinOff /> : <Pin />}
            {conversation.pinned ? t('sidebar.row.unpin') : t('sidebar.row.pin')}
          </MenuItem>
          <DropdownMenuSeparator />
          <MenuItem
            destructive
            onSelect={() => {
              focusMovesOn.current = true;
              actions.askDelete(conversation);
            }}
          >
            <Trash2 />
            {t('sidebar.row.delete')}
          </MenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
});
