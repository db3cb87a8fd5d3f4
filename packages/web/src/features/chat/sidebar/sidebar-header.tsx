import { MessagesSquare, PanelLeftClose, SquarePen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { WithTooltip } from '@/components/ui/tooltip';
import { isApple } from './shortcut';

/** The app's name, the collapse button (when the shell offers one) and New chat with its shortcut. */
export function SidebarHeader({ onNewChat, onCollapse }: { onNewChat: () => void; onCollapse?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3 px-3 pt-3 pb-3">
      <div className="flex h-8 items-center gap-2 px-1">
        <span className="flex size-7 items-center justify-center rounded-lg bg-primary text-primary-foreground" aria-hidden>
          <MessagesSquare className="size-4" />
        </span>
        <span className="truncate font-semibold tracking-tight">{t('app.name')}</span>
        {onCollapse && (
          <WithTooltip label={t('sidebar.collapse')} side="right">
            <Button variant="ghost" size="icon-sm" className="ml-auto text-muted-foreground" aria-label={t('sidebar.collapse')} onClick={onCollapse}>
              <PanelLeftClose />
            </Button>
          </WithTooltip>
        )}
      </div>
      <Button variant="outline" className="w-full justify-start rounded-lg bg-background/70 pointer-coarse:h-11" onClick={onNewChat}>
        <SquarePen />
        {t('sidebar.newChat')}
        <kbd className="ml-auto font-mono text-xs font-normal text-muted-foreground pointer-coarse:hidden" aria-hidden>
          {isApple() ? '⌘⇧O' : 'Ctrl+Shift+O'}
        </kbd>
      </Button>
    </div>
  );
}
