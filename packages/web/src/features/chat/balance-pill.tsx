import { useTranslation } from 'react-i18next';
import { useBalance } from '@/lib/api/use-balance';
import { useSidebarToggle } from './sidebar-toggle';

/**
 * The balance in the chat's header while the sidebar (whose foot shows it) is out of view: on
 * phones and with the sidebar collapsed. Read again after each answer (its end invalidates it).
 */
export function BalancePill() {
  const { t, i18n } = useTranslation();
  const sidebarHidden = useSidebarToggle() !== null;
  const balance = useBalance(sidebarHidden);
  if (!sidebarHidden || !balance.data) return null;
  const points = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(balance.data.points);
  return (
    <span className="rounded-full bg-muted px-3 py-1 text-xs whitespace-nowrap text-foreground tabular-nums" aria-live="polite">
      <span className="sr-only">{t('chat.balance')} </span>
      {t('chat.points', { count: balance.data.points, points })}
    </span>
  );
}
