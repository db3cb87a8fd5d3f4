import { useTranslation } from 'react-i18next';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import type { Conversation } from '../sync/conversation-cache';

/** Asks before deleting one conversation, naming it; open while `conversation` is set. */
export function DeleteConversationDialog({ conversation, onCancel, onConfirm }: { conversation: Conversation | null; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const title = conversation ? conversation.title || t('sidebar.untitled') : '';
  return (
    <AlertDialog open={conversation !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialogContent>
        <AlertDialogTitle>{t('sidebar.deleteDialog.title')}</AlertDialogTitle>
        <AlertDialogDescription className="break-words">{t('sidebar.deleteDialog.body', { title })}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>{t('sidebar.deleteDialog.cancel')}</AlertDialogCancel>
          <AlertDialogAction destructive onClick={onConfirm}>
            {t('sidebar.deleteDialog.confirm')}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** Asks before deleting every conversation. */
export function DeleteAllDialog({ open, onOpenChange, onConfirm }: { open: boolean; onOpenChange: (open: boolean) => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogTitle>{t('sidebar.deleteAllDialog.title')}</AlertDialogTitle>
        <AlertDialogDescription>{t('sidebar.deleteAllDialog.body')}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>{t('sidebar.deleteDialog.cancel')}</AlertDialogCancel>
          <AlertDialogAction destructive onClick={onConfirm}>
            {t('sidebar.deleteAllDialog.confirm')}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
