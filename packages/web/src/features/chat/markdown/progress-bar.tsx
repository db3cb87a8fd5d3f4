import { useTranslation } from 'react-i18next';

/** Chat Nio's ```progress fence: how far a generation job (an image) has come. */
export function ProgressBar({ value }: { value: number }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
  return (
    <div className="my-3 flex max-w-md items-center gap-3">
      <div
        role="progressbar"
        aria-label={t('markdown.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-2 flex-1 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-300 ease-out" style={{ width: `${value}%` }} />
      </div>
      <span className="min-w-10 text-right text-sm text-muted-foreground tabular-nums">{percent}</span>
    </div>
  );
}
