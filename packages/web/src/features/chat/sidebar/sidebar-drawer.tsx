import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Drawer } from 'vaul';
import { DrawerContext } from './drawer-context';

export interface SidebarDrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Usually a ChatSidebar, which closes the drawer by itself when a conversation or a new chat is chosen. */
  children: ReactNode;
}

/** The sidebar on phones (< 768 px): a drawer from the left edge, swiped or tapped away. */
export function SidebarDrawer({ open, onOpenChange, children }: SidebarDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer.Root open={open} onOpenChange={onOpenChange} direction="left">
      <Drawer.Portal>
        <Drawer.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <Drawer.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] bg-background pt-[env(safe-area-inset-top)] pb-[env(safe-area-inset-bottom)] outline-none"
        >
          <Drawer.Title className="sr-only">{t('sidebar.title')}</Drawer.Title>
          <DrawerContext value={{ close: () => onOpenChange(false) }}>{children}</DrawerContext>
        </Drawer.Content>
      </Drawer.Portal>
    </Drawer.Root>
  );
}
