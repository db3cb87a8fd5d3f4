import { AlertTriangle, Bot, Download, MoreHorizontal, Pencil, RefreshCw, Trash2, CornerDownLeft } from 'lucide-react';
import { memo, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { Textarea } from '@/components/ui/textarea';
import type { Message } from '@/features/chat/data/types';
import { thoughtFor, useLiveAnswer, watchAnswer } from '@/features/chat/generation/live-answers';
import { Markdown, ReasoningBlock } from '@/features/chat/markdown';
import { MessageCost } from '@/features/chat/settings/message-cost';
import { cn } from '@/lib/cn';
import { useQueryClient } from '@tanstack/react-query';
import { failureKind } from './answer-error';
import { BranchNavigator, type Branch } from './branch-navigator';
import { CopyButton } from './copy-button';
import { useThreadActions } from './thread-actions';
import { ToolbarButton } from './toolbar-button';

interface RowProps {
  message: Message;
  conversationId: string;
  branch: Branch | null;
  /** The newest message: its buttons stay visible. */
  last: boolean;
}

const sameBranch = (a: Branch | null, b: Branch | null) =>
  a === b || (a !== null && b !== null && a.index === b.index && a.count === b.count && a.previousId === b.previousId && a.nextId === b.nextId);

/** Rows re-render only when their own message or place changes: a finished message stays still while another streams. */
const sameRow = (a: RowProps, b: RowProps) => a.message === b.message && a.conversationId === b.conversationId && a.last === b.last && sameBranch(a.branch, b.branch);

/** A row's buttons: shown on hover or focus with a mouse, always on touch screens and for the newest message. */
function Toolbar({ last, children }: { last: boolean; children: ReactNode }) {
  return (
    <div
      className={cn(
        'flex min-h-8 flex-wrap items-center gap-0.5 text-muted-foreground transition-opacity duration-150',
        !last && 'opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100',
      )}
    >
      {children}
    </div>
  );
}

function MoreMenu({ message }: { message: Message }) {
  const { t } = useTranslation();
  const actions = useThreadActions();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <ToolbarButton label={t('thread.more')}>
          <MoreHorizontal aria-hidden />
        </ToolbarButton>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuItem onSelect={() => actions.use(message.content)}>
          <CornerDownLeft aria-hidden />
          {t('thread.use')}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => actions.saveAsFile(message)}>
          <Download aria-hidden />
          {t('thread.saveAsFile')}
        </DropdownMenuItem>
        <DropdownMenuItem destructive disabled={message.status === 'generating'} onSelect={() => actions.remove(message.id)}>
          <Trash2 aria-hidden />
          {t('thread.delete')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Watches a generating answer's events while it is on screen. */
function useWatchWhileGenerating(message: Message, conversationId: string): void {
  const queryClient = useQueryClient();
  const generating = message.status === 'generating';
  useEffect(() => {
    if (!generating) return;
    return watchAnswer(queryClient, conversationId, message.id);
  }, [generating, queryClient, conversationId, message.id]);
}

function FailedAnswer({ message }: { message: Message }) {
  const { t } = useTranslation();
  const actions = useThreadActions();
  const kind = failureKind(message.error_code);
  return (
    <div role="alert" className="mt-2 flex gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-3 text-sm">
      <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium">{t(`thread.failure.${kind}`)}</p>
        {message.error && kind === 'failed' && <p className="break-words text-muted-foreground">{message.error}</p>}
        <Button variant="outline" size="sm" className="mt-1" disabled={actions.busy} onClick={() => actions.regenerate(message.id)}>
          <RefreshCw aria-hidden />
          {kind === 'interrupted' ? t('thread.continue') : t('thread.retry')}
        </Button>
      </div>
    </div>
  );
}

function ModelAvatar({ provider }: { provider: string | null }) {
  const initial = provider?.trim().charAt(0).toUpperCase();
  return (
    <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary" aria-hidden>
      {initial || <Bot className="size-4" />}
    </span>
  );
}

/** An answer: full width, no bubble, the model above it, its cost below it. */
export const AssistantMessage = memo(function AssistantMessage({ message, conversationId, branch, last }: RowProps) {
  const { t } = useTranslation();
  const actions = useThreadActions();
  useWatchWhileGenerating(message, conversationId);
  const live = useLiveAnswer(message.id);
  const generating = message.status === 'generating';
  // The live text while generating; once the saved answer is in, that (the same text, so its
  // markdown blocks stay as they are).
  const content = live && generating ? live.content : message.content;
  const reasoning = live && generating ? live.reasoning : (message.reasoning ?? '');
  const thinking = generating && !content && Boolean(reasoning);
  const thought = thoughtFor(message.id, live);
  const waiting = generating && !content && !reasoning;
  return (
    <article className="group flex gap-3" aria-label={t('thread.answerBy', { model: message.model ?? '' })} data-message-id={message.id} data-status={message.status}>
      <ModelAvatar provider={message.provider ?? message.model} />
      <div className="min-w-0 flex-1">
        <div className="mb-1 flex h-7 items-center gap-2 text-sm">
          <span className="font-medium">{message.model}</span>
          {message.provider && <span className="text-xs text-muted-foreground">{message.provider}</span>}
        </div>
        {reasoning && <ReasoningBlock text={reasoning} streaming={thinking} durationMs={thought} />}
        {waiting ? (
          <span className="inline-flex gap-1 py-2" role="status" aria-label={t('thread.waiting')}>
            {[0, 1, 2].map((dot) => (
              <span key={dot} className="size-1.5 rounded-full bg-muted-foreground/60 motion-safe:animate-pulse" style={{ animationDelay: `${dot * 150}ms` }} />
            ))}
          </span>
        ) : (
          content && <Markdown text={content} streaming={generating} onVirtualMessage={actions.sendCommand} />
        )}
        {message.status === 'stopped' && <p className="mt-1 text-xs text-muted-foreground">{t('thread.stopped')}</p>}
        {(message.status === 'error' || message.status === 'interrupted') && <FailedAnswer message={message} />}
        {!generating && (
          <Toolbar last={last}>
            <CopyButton text={content} />
            <ToolbarButton label={t('thread.regenerate')} disabled={actions.busy} onClick={() => actions.regenerate(message.id)}>
              <RefreshCw aria-hidden />
            </ToolbarButton>
            {branch && <BranchNavigator branch={branch} onShow={actions.showBranch} disabled={actions.busy} />}
            <MoreMenu message={message} />
            <span className="ml-2 text-xs">
              <MessageCost
                cost={message.cost}
                planItem={message.plan_item}
                promptTokens={message.prompt_tokens}
                completionTokens={message.completion_tokens}
                ttftMs={message.ttft_ms}
              />
            </span>
          </Toolbar>
        )}
      </div>
    </article>
  );
}, sameRow);

function EditBox({ message, onDone }: { message: Message; onDone: () => void }) {
  const { t } = useTranslation();
  const actions = useThreadActions();
  const [text, setText] = useState(message.content);
  const save = () => {
    if (!text.trim()) return;
    actions.edit(
      message.id,
      text,
      message.attachments.map((a) => a.url),
    );
    onDone();
  };
  return (
    <div className="w-full space-y-2 rounded-xl bg-muted p-3">
      <Textarea
        autoFocus
        aria-label={t('thread.editLabel')}
        className="max-h-[40vh] min-h-24 border-0 bg-background focus-visible:ring-2"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t('thread.cancel')}
        </Button>
        <Button size="sm" disabled={!text.trim() || actions.busy} onClick={save}>
          {t('thread.saveAndSend')}
        </Button>
      </div>
    </div>
  );
}

/** A question: right-aligned on a muted surface; editing it makes a new branch. */
export const UserMessage = memo(function UserMessage({ message, branch, last }: RowProps) {
  const { t } = useTranslation();
  const actions = useThreadActions();
  const [editing, setEditing] = useState(false);
  return (
    <article className="group flex flex-col items-end gap-1" aria-label={t('thread.yourMessage')} data-message-id={message.id}>
      {editing ? (
        <EditBox message={message} onDone={() => setEditing(false)} />
      ) : (
        <>
          {message.attachments.length > 0 && (
            <div className="flex max-w-[80%] flex-wrap justify-end gap-2">
              {message.attachments.map((attachment, index) => (
                <a key={index} href={attachment.url} target="_blank" rel="noopener noreferrer" className="block overflow-hidden rounded-lg border">
                  <img src={attachment.url} alt={t('thread.attachedImage', { index: index + 1 })} className="size-24 object-cover" loading="lazy" />
                </a>
              ))}
            </div>
          )}
          <div className="max-w-[80%] rounded-2xl bg-muted px-4 py-2.5 leading-[1.7] break-words whitespace-pre-wrap">{message.content}</div>
          <Toolbar last={last}>
            {branch && <BranchNavigator branch={branch} onShow={actions.showBranch} disabled={actions.busy} />}
            <CopyButton text={message.content} />
            <ToolbarButton label={t('thread.edit')} disabled={actions.busy} onClick={() => setEditing(true)}>
              <Pencil aria-hidden />
            </ToolbarButton>
            <MoreMenu message={message} />
          </Toolbar>
        </>
      )}
    </article>
  );
}, sameRow);
