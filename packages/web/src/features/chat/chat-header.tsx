import { Menu, SlidersHorizontal } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import type { ChatSettings } from '@/features/chat/data/types';
import { ModelPicker } from '@/features/chat/settings/model-picker';
import { BalancePill } from './balance-pill';
import { useSidebarToggle } from './sidebar-toggle';

// The settings (sliders, fields, a drawer on phones) load when first opened, outside the main bundle.
const ChatSettingsSheet = lazy(() => import('@/features/chat/settings/chat-settings-sheet').then((m) => ({ default: m.ChatSettingsSheet })));

/** The chat's top bar: the drawer button on phones, the model, the title and the settings. */
export function ChatHeader({
  title,
  settings,
  onSettings,
}: {
  title: string;
  settings: ChatSettings;
  onSettings: (settings: Partial<ChatSettings>) => void;
}) {
  const { t } = useTranslation();
  const showSidebar = useSidebarToggle();
  const [open, setOpenState] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const setOpen = (value: boolean) => {
    if (value) setLoaded(true);
    setOpenState(value);
  };
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 px-3 sm:px-4">
      {showSidebar && (
        <Button variant="ghost" size="icon" aria-label={t('chat.openSidebar')} title={t('chat.openSidebar')} onClick={showSidebar}>
          <Menu aria-hidden />
        </Button>
      )}
      <ModelPicker value={settings.model} onChange={(model) => onSettings({ model })} />
      <h1 className="hidden min-w-0 flex-1 truncate text-center text-sm font-medium text-muted-foreground sm:block">{title || t('chat.newChat')}</h1>
      <div className="ml-auto flex items-center gap-1 sm:ml-0">
        <BalancePill />
        <Button variant="ghost" size="icon" aria-label={t('chat.settings')} title={t('chat.settings')} onClick={() => setOpen(true)}>
          <SlidersHorizontal aria-hidden />
        </Button>
      </div>
      {loaded && (
        <Suspense fallback={null}>
          <ChatSettingsSheet open={open} onOpenChange={setOpen} settings={settings} onChange={onSettings} />
        </Suspense>
      )}
    </header>
  );
}
