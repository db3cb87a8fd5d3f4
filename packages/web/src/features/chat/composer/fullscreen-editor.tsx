import { Minimize2 } from 'lucide-react';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { WithTooltip } from '@/components/ui/tooltip';
import { modifierKey } from './send-key';
import { shouldSend, useComposition } from './should-send';

type Mode = 'edit' | 'split' | 'preview';

// The shared tabs' muted text on the muted track falls just short of 4.5:1 in the light theme (axe).
const tabClass = 'text-foreground/75 hover:text-foreground';

interface Props {
  open: boolean;
  onOpenChange(open: boolean): void;
  text: string;
  onTextChange(text: string): void;
  renderPreview(text: string): ReactNode;
  /** Sends from here (then the editor closes); ignored while sending is unavailable. */
  onSend(): void;
  /** The send / stop button and the estimate, the same as under the composer. */
  actions: ReactNode;
  /** Called as the editor closes (Esc, the button, a send): the composer takes the focus back, so typing goes on there. */
  onClosed(): void;
}

/**
 * The full-screen editor (W-12) for long messages: edit, side-by-side (stacked on phones) or
 * preview. Here Enter always breaks a line and Ctrl/⌘+Enter sends, whatever the composer's
 * setting: long texts are written here. Esc closes and keeps the text (it is the composer's).
 */
export function FullscreenEditor({ open, onOpenChange, text, onTextChange, renderPreview, onSend, actions, onClosed }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('edit');
  const composition = useComposition();
  const mod = modifierKey();

  const editor = (
    <textarea
      autoFocus
      value={text}
      onChange={(event) => onTextChange(event.target.value)}
      onCompositionStart={composition.onCompositionStart}
      onCompositionEnd={composition.onCompositionEnd}
      onKeyDown={(event) => {
        const composing = composition.isComposing(event);
        if (shouldSend(event.nativeEvent, 'mod-enter', composing)) {
          event.preventDefault();
          onSend();
        }
      }}
      aria-label={t('composer.label')}
      placeholder={t('composer.placeholder')}
      className="h-full min-h-0 w-full resize-none bg-transparent p-4 font-mono text-[15px] leading-7 outline-none placeholder:text-muted-foreground md:p-6"
    />
  );
  const preview = (
    <div className="h-full min-h-0 overflow-y-auto p-4 md:p-6">
      {text.trim() ? (
        <Suspense fallback={<div className="h-4 w-2/3 animate-pulse rounded bg-muted" />}>{renderPreview(text)}</Suspense>
      ) : (
        <p className="text-sm text-muted-foreground">{t('composer.fullscreen.nothingToPreview')}</p>
      )}
    </div>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        bare
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          onClosed();
        }}
        className="top-0 left-0 flex h-dvh w-screen max-w-none translate-x-0 translate-y-0 flex-col gap-0 rounded-none border-0 p-0 pt-[env(safe-area-inset-top)] pb-[env(safe-area-inset-bottom)]"
      >
        <Tabs value={mode} onValueChange={(value) => setMode(value as Mode)} className="flex min-h-0 flex-1 flex-col">
          <header className="flex items-center gap-3 border-b px-3 py-2 md:px-4">
            <DialogTitle className="hidden text-base sm:block">{t('composer.fullscreen.title')}</DialogTitle>
            <DialogDescription className="sr-only">{t('composer.fullscreen.description', { mod })}</DialogDescription>
            <TabsList className="sm:mx-auto">
              <TabsTrigger value="edit" className={tabClass}>{t('composer.fullscreen.edit')}</TabsTrigger>
              <TabsTrigger value="split" className={tabClass}>{t('composer.fullscreen.split')}</TabsTrigger>
              <TabsTrigger value="preview" className={tabClass}>{t('composer.fullscreen.preview')}</TabsTrigger>
            </TabsList>
            <WithTooltip label={t('composer.fullscreen.close')}>
              <DialogClose asChild>
                <Button variant="ghost" size="icon" aria-label={t('composer.fullscreen.close')} className="ml-auto size-10 sm:ml-0 md:size-9">
                  <Minimize2 aria-hidden />
                </Button>
              </DialogClose>
            </WithTooltip>
          </header>
          <TabsContent value="edit" className="min-h-0 flex-1">
            <div className="mx-auto h-full max-w-3xl">{editor}</div>
          </TabsContent>
          <TabsContent value="split" className="grid min-h-0 flex-1 grid-rows-2 md:grid-cols-2 md:grid-rows-1">
            <div className="min-h-0 border-b md:border-r md:border-b-0">{editor}</div>
            {preview}
          </TabsContent>
          <TabsContent value="preview" className="min-h-0 flex-1">
            <div className="mx-auto h-full max-w-3xl">{preview}</div>
          </TabsContent>
        </Tabs>
        <footer className="flex items-center justify-end gap-3 border-t px-3 py-2 md:px-4">
          <span className="mr-auto hidden text-xs text-muted-foreground sm:inline">{t('composer.fullscreen.hint', { mod })}</span>
          {actions}
        </footer>
      </DialogContent>
    </Dialog>
  );
}
