import { ImagePlus, Link2, Maximize2, X } from 'lucide-react';
import { lazy, Suspense, useId, useImperativeHandle, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TooltipProvider } from '@/components/ui/tooltip';
import { cn } from '@/lib/cn';
import { useDraft } from './draft';
import { IconButton } from './icon-button';
import { ImageChips } from './image-chips';
import { ImageUrlPopover } from './image-url-popover';
import { SendButton } from './send-button';
import { modifierKey, useSendKey } from './send-key';
import { shouldSend, useComposition } from './should-send';
import { useAttachments } from './use-attachments';
import { useAutoGrow } from './use-auto-grow';

// The full-screen editor (tabs, split preview) loads on first use, outside the main bundle.
const FullscreenEditor = lazy(() => import('./fullscreen-editor').then((m) => ({ default: m.FullscreenEditor })));

/** What the chat can do to the composer from outside. */
export interface ComposerHandle {
  focus(): void;
  /** Replaces the text (a message "used" again, a suggestion) and puts the caret at its end. */
  setText(text: string): void;
}

interface ComposerProps {
  ref?: Ref<ComposerHandle>;
  /** Called with the trimmed text and the attached image URLs (http(s) or data:image/…;base64). */
  onSend(message: { content: string; attachments: string[] }): void;
  /** An answer is being generated: Send becomes Stop, and Enter does not send. */
  generating: boolean;
  onStop(): void;
  /** Sending is unavailable (no model…); typing still works. Say why in `disabledReason`. */
  disabled?: boolean;
  disabledReason?: string;
  /** The model reads images: attaching is allowed. */
  vision: boolean;
  /** The estimated cost of the next message for the text typed so far, shown small by the send button. */
  estimate?: (text: string) => ReactNode;
  /** Renders markdown for the full-screen editor's preview. */
  renderPreview(text: string): ReactNode;
  /** Where the draft is kept: one key per conversation (say its id, or "new"). */
  draftKey: string;
  autoFocus?: boolean;
}

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** The message box at the bottom of the chat (W-12): text, images, send or stop, and the full-screen editor. */
export function Composer({ ref, onSend, generating, onStop, disabled = false, disabledReason, vision, estimate, renderPreview, draftKey, autoFocus }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useDraft(draftKey);
  const attachments = useAttachments(draftKey);
  const { mode, setMode } = useSendKey();
  const composition = useComposition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const [fullscreen, setFullscreenState] = useState(false);
  // Once opened, the editor stays mounted so it can animate closed and reopen at once.
  const [editorLoaded, setEditorLoaded] = useState(false);
  const setFullscreen = (open: boolean) => {
    if (open) setEditorLoaded(true);
    setFullscreenState(open);
  };
  const reasonId = useId();
  const hintId = useId();
  useAutoGrow(textarea, text);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => textarea.current?.focus(),
      setText: (next: string) => {
        setText(next);
        // After React has put the new text in, so the caret lands at its real end.
        requestAnimationFrame(() => {
          const element = textarea.current;
          if (!element) return;
          element.focus();
          element.setSelectionRange(element.value.length, element.value.length);
        });
      },
    }),
    [setText],
  );

  const empty = !text.trim() && !attachments.images.length;
  const canSend = !disabled && !generating && !empty && !attachments.reading;

  const send = () => {
    if (!canSend) return;
    onSend({ content: text.trim(), attachments: attachments.images });
    setText('');
    attachments.clear();
    attachments.setNotice(null);
    if (fullscreen) setFullscreen(false); // the editor gives the focus back as it closes
    else textarea.current?.focus();
  };

  const addFiles = (files: File[]) => {
    if (!files.length) return;
    if (!vision) attachments.refuseNoVision();
    else void attachments.addFiles(files);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const composing = composition.isComposing(event);
    if (!shouldSend(event.nativeEvent, mode, composing)) return;
    // Even when it cannot send (empty, generating), this Enter was meant to send, not to add a line.
    event.preventDefault();
    send();
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    // Office apps copy a picture of the cells along with their text: text wins, so pasting a
    // table does not attach an image of it. A screenshot has no text and attaches.
    if (!files.length || event.clipboardData.getData('text/plain')) return;
    event.preventDefault();
    addFiles(files);
  };

  const dragHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = vision ? 'copy' : 'none';
    },
    // Entering a child leaves the parent: only the last leave ends the drag.
    onDragLeave: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      addFiles([...event.dataTransfer.files]);
    },
  };

  const modKey = modifierKey();
  const hint = mode === 'enter' ? t('composer.hint.enter') : t('composer.hint.modEnter', { mod: modKey });
  const noVision = vision ? undefined : t('composer.noVision');
  const reason = disabled ? disabledReason : undefined;

  // Shown under the composer and again in the full-screen editor: each place its own id.
  const actions = (place: 'inline' | 'fullscreen') => (
    <>
      {reason ? (
        <span id={`${reasonId}-${place}`} className="line-clamp-2 min-w-0 text-right text-xs text-muted-foreground">
          {reason}
        </span>
      ) : (
        estimate && <span className="min-w-0 truncate text-xs text-muted-foreground tabular-nums">{estimate(text)}</span>
      )}
      <SendButton generating={generating} canSend={canSend} onSend={send} onStop={onStop} describedBy={reason ? `${reasonId}-${place}` : undefined} />
    </>
  );

  return (
    <TooltipProvider>
      {/* Sticky over the messages: a short fade above it, so text scrolling under does not end at a hard edge. */}
      <div className="sticky bottom-0 z-10 w-full bg-background pb-[max(env(safe-area-inset-bottom),0.5rem)] before:pointer-events-none before:absolute before:inset-x-0 before:-top-6 before:h-6 before:bg-linear-to-t before:from-background before:to-transparent">
        <form
          className="relative rounded-xl border bg-card shadow-sm transition-shadow duration-150 focus-within:border-ring focus-within:shadow-md"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
          {...dragHandlers}
        >
          <ImageChips images={attachments.images} reading={attachments.reading} onRemove={attachments.remove} />
          <div aria-live="polite">
            {attachments.notice && (
              <p className="flex items-start gap-2 px-4 pt-3 text-sm text-destructive">
                <span className="min-w-0 flex-1">{attachments.notice}</span>
                <button
                  type="button"
                  aria-label={t('composer.dismiss')}
                  onClick={() => attachments.setNotice(null)}
                  className="-m-1 rounded p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring"
                >
                  <X className="size-4" aria-hidden />
                </button>
              </p>
            )}
          </div>
          <textarea
            ref={textarea}
            rows={1}
            value={text}
            autoFocus={autoFocus}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onCompositionStart={composition.onCompositionStart}
            onCompositionEnd={composition.onCompositionEnd}
            enterKeyHint={mode === 'enter' ? 'send' : 'enter'}
            aria-label={t('composer.label')}
            aria-describedby={hintId}
            placeholder={t('composer.placeholder')}
            className="block max-h-[40dvh] min-h-12 w-full resize-none overflow-y-auto bg-transparent px-4 pt-3.5 pb-1 text-base leading-relaxed outline-none placeholder:text-muted-foreground md:text-[15px]"
          />
          <div className="flex items-center gap-1 px-2 pb-2">
            <IconButton label={t('composer.attach')} unavailable={noVision} onClick={() => fileInput.current?.click()}>
              <ImagePlus aria-hidden />
            </IconButton>
            {vision ? (
              <ImageUrlPopover onAdd={attachments.addUrl} onDone={() => textarea.current?.focus()} />
            ) : (
              <IconButton label={t('composer.url.open')} unavailable={noVision}>
                <Link2 aria-hidden />
              </IconButton>
            )}
            <IconButton label={t('composer.fullscreen.open')} onClick={() => setFullscreen(true)}>
              <Maximize2 aria-hidden />
            </IconButton>
            <div className="ml-auto flex min-w-0 items-center justify-end gap-3 pl-2">{actions('inline')}</div>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,image/bmp,image/avif,image/heic,image/heif"
            multiple
            hidden
            tabIndex={-1}
            onChange={(event) => {
              addFiles([...(event.target.files ?? [])]);
              event.target.value = ''; // the same file can be picked again after removing it
            }}
          />
          {dragging && (
            <div
              className={cn(
                'pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-xl border-2 border-dashed bg-background/90 text-sm font-medium',
                vision ? 'border-primary text-primary' : 'border-destructive text-destructive',
              )}
            >
              {vision ? t('composer.drop') : t('composer.noVision')}
            </div>
          )}
        </form>
        <p className="mt-1.5 hidden text-center text-xs text-muted-foreground md:block">
          <button
            type="button"
            onClick={() => setMode(mode === 'enter' ? 'mod-enter' : 'enter')}
            className="rounded px-1 outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring"
            aria-label={t('composer.hint.switch', { hint })}
          >
            <span id={hintId}>{hint}</span>
          </button>
        </p>
      </div>
      {editorLoaded && (
        <Suspense fallback={null}>
          <FullscreenEditor
            open={fullscreen}
            onOpenChange={setFullscreen}
            text={text}
            onTextChange={setText}
            renderPreview={renderPreview}
            onSend={send}
            actions={actions('fullscreen')}
            onClosed={() => textarea.current?.focus()}
          />
        </Suspense>
      )}
    </TooltipProvider>
  );
}
