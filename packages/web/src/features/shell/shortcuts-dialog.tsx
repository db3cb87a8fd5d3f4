import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { isApplePlatform } from './keys';
import { shortcuts } from './shortcuts';
import { ShortcutsList } from './shortcuts-list';
import { useShortcut } from './use-shortcut';

type Props = {
  /** Controlled from outside (e.g. a "Keyboard shortcuts" menu item); left out, the dialog keeps its own state. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** The list of keyboard shortcuts; opens itself on ⌘/ (Ctrl+/), and on ? outside a text field. */
export function ShortcutsDialog({ open: controlled, onOpenChange }: Props) {
  const { t } = useTranslation();
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = (next: boolean) => {
    setOwn(next);
    onOpenChange?.(next);
  };
  useShortcut(shortcuts.shortcuts, () => setOpen(!open));
  useShortcut('?', () => setOpen(true), { enabled: !open });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>{t('shell.shortcuts.title')}</DialogTitle>
          <DialogDescription>{t('shell.shortcuts.description')}</DialogDescription>
        </DialogHeader>
        <ShortcutsList apple={isApplePlatform()} />
      </DialogContent>
    </Dialog>
  );
}
