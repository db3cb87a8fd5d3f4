import { Brain, Eye, Wrench } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MarketEntry } from './market-types';
import { formatPoints, summarizePrice } from './price';
import type { ModelCapabilities } from './use-market';

const pill = 'inline-flex h-5 shrink-0 items-center rounded-full px-2 text-[11px] leading-none font-medium whitespace-nowrap';

/** A row's price in points ("0.5 / 1.5 per 1M", "2 per call", "Free"); nothing for an unpriced model. */
export function PriceBadge({ price }: { price: MarketEntry['price'] }) {
  const { t, i18n } = useTranslation();
  if (!price) return null;
  const summary = summarizePrice(price);
  const points = (micro: number) => formatPoints(micro, i18n.language);
  if (summary.kind === 'free') return <span className={`${pill} bg-primary/10 text-primary`}>{t('settings.badge.free')}</span>;
  // Paid prices are quiet text, not pills: they must read on a highlighted row too.
  const quiet = 'shrink-0 text-xs whitespace-nowrap text-muted-foreground tabular-nums';
  if (summary.kind === 'request') return <span className={quiet}>{t('settings.badge.perCall', { points: points(summary.perCall) })}</span>;
  return (
    <span className={quiet} title={t('settings.badge.perMillionTitle')}>
      {t('settings.badge.perMillion', { input: points(summary.inputPerMillion), output: points(summary.outputPerMillion) })}
    </span>
  );
}

/** "Plus" when the user's plan pays for the model, "Long context" for high-context models. */
export function FeatureBadges({ entry }: { entry: Pick<MarketEntry, 'plan' | 'high_context'> }) {
  const { t } = useTranslation();
  return (
    <>
      {entry.plan && (
        <span className={`${pill} bg-primary text-primary-foreground`} title={t('settings.badge.planTitle')}>
          {t('settings.badge.plan')}
        </span>
      )}
      {entry.high_context && <span className={`${pill} border text-muted-foreground`}>{t('settings.badge.longContext')}</span>}
    </>
  );
}

/**
 * What the server knows the model can do: reading images, calling tools, reasoning, and its
 * context window ("128K"). Small icons with their names for screen readers and on hover;
 * nothing for a model the server does not recognise (guessing would mislead).
 */
export function CapabilityIcons({ capabilities }: { capabilities: ModelCapabilities | undefined }) {
  const { t, i18n } = useTranslation();
  if (!capabilities?.known) return null;
  const icon = 'size-3.5 shrink-0 text-muted-foreground';
  const tokens = capabilities.context_window;
  return (
    <span className="flex shrink-0 items-center gap-1.5">
      {capabilities.vision && <Eye role="img" aria-label={t('settings.badge.vision')} className={icon}><title>{t('settings.badge.vision')}</title></Eye>}
      {capabilities.tools && <Wrench role="img" aria-label={t('settings.badge.tools')} className={icon}><title>{t('settings.badge.tools')}</title></Wrench>}
      {capabilities.reasoning && <Brain role="img" aria-label={t('settings.badge.reasoning')} className={icon}><title>{t('settings.badge.reasoning')}</title></Brain>}
      {tokens > 0 && (
        <span className="text-[11px] text-muted-foreground tabular-nums" title={t('settings.badge.contextTitle', { tokens: new Intl.NumberFormat(i18n.language).format(tokens) })}>
          {new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(tokens)}
        </span>
      )}
    </span>
  );
}
