import { useTranslation } from 'react-i18next';
import { Drawer } from 'vaul';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { ChatSettingsPanel, type ChatSettingsPanelProps } from './chat-settings-panel';
import { useIsPhone } from '@/lib/use-is-phone';

export interface ChatSettingsSheetProps extends ChatSettingsPanelProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * The per-conversation settings beside the chat: a sheet from the right on desktop (the
 * conversation stays in view), a bottom drawer on phones (thumb reach, swipe down to close).
 * Closing sends whatever is still waiting in the debounce.
 */
export function ChatSettingsSheet({ open, onOpenChange, ...panel }: ChatSettingsSheetProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();

  if (isPhone) {
    return (
      <Drawer.Root open={open} onOpenChange={onOpenChange}>
        <Drawer.Portal>
          <Drawer.Overlay className="fixed inset-0 z-50 bg-black/50" />
          <Drawer.Content className="fixed inset-x-0 bottom-0 z-50 flex max-h-[92dvh] flex-col rounded-t-2xl border-t bg-background outline-none">
            <div aria-hidden className="mx-auto mt-3 h-1.5 w-12 shrink-0 rounded-full bg-muted" />
            <div className="px-5 pt-4 pb-3">
              <Drawer.Title className="text-lg font-semibold">{t('settings.panel.title')}</Drawer.Title>
              <Drawer.Description className="mt-1 text-sm text-muted-foreground">{t('settings.panel.description')}</Drawer.Description>
            </div>
            <div className="overflow-y-auto overscroll-contain px-5 pt-2 pb-[max(1.5rem,env(safe-area-inset-bottom))]">
              <ChatSettingsPanel {...panel} />
            </div>
          </Drawer.Content>
        </Drawer.Portal>
      </Drawer.Root>
    );
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="top-0 right-0 left-auto flex h-dvh w-full max-w-md translate-x-0 translate-y-0 flex-col gap-0 rounded-none border-y-0 border-r-0 p-0">
        <DialogHeader className="border-b px-6 py-5 pr-14">
          <DialogTitle>{t('settings.panel.title')}</DialogTitle>
          <DialogDescription>{t('settings.panel.description')}</DialogDescription>
        </DialogHeader>
        <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-6 py-6">
          <ChatSettingsPanel {...panel} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
