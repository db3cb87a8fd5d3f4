import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './toolbar-button';

/** Where a message sits among its versions (regenerated answers, edited questions). */
export interface Branch {
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

/** `‹ 2/3 ›`: steps between the versions of a message; the shown branch follows on every device. */
export function BranchNavigator({ branch, onShow, disabled }: { branch: Branch; onShow: (id: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center text-xs text-muted-foreground tabular-nums">
      <ToolbarButton label={t('thread.previousVersion')} disabled={disabled || !branch.previousId} onClick={() => branch.previousId && onShow(branch.previousId)}>
        <ChevronLeft aria-hidden />
      </ToolbarButton>
      <span aria-label={t('thread.versionOf', { index: branch.index + 1, count: branch.count })}>
        {t('thread.versionShort', { index: branch.index + 1, count: branch.count })}
      </span>
      <ToolbarButton label={t('thread.nextVersion')} disabled={disabled || !branch.nextId} onClick={() => branch.nextId && onShow(branch.nextId)}>
        <ChevronRight aria-hidden />
      </ToolbarButton>
    </span>
  );
}
