import { useTranslation } from 'react-i18next';
import type { MarketEntry } from './market-types';
import { estimateMessageCost, estimateTokens, formatPoints } from './price';

export interface EstimatedCostProps {
  /** The conversation's model in the market; nothing is shown without it. */
  entry: MarketEntry | undefined;
  /** The message being written. */
  text: string;
  /** Tokens of the earlier messages sent with it (system prompt and context). */
  contextTokens: number;
  /** The conversation's max_tokens, when set: the estimate then includes the longest answer. */
  maxTokens?: number | null;
}

/**
 * The composer's quiet price tag before sending: "≈ 0.012 points", "Free", or "Plan" when the
 * user's subscription pays. Nothing for an unpriced model (only administrators can use those).
 */
export function EstimatedCost({ entry, text, contextTokens, maxTokens }: EstimatedCostProps) {
  const { t, i18n } = useTranslation();
  if (!entry) return null;
  const className = 'text-xs text-muted-foreground tabular-nums';
  if (entry.plan) return <span className={className}>{t('settings.cost.plan')}</span>;
  const tokens = estimateTokens(text) + contextTokens;
  const cost = estimateMessageCost(entry.price, tokens, maxTokens);
  if (cost === null) return null;
  if (cost === 0) return <span className={className}>{t('settings.cost.free')}</span>;
  const number = new Intl.NumberFormat(i18n.language);
  const basis = maxTokens
    ? t('settings.cost.estimateWithOutput', { tokens: number.format(tokens), output: number.format(maxTokens) })
    : t('settings.cost.estimateInput', { tokens: number.format(tokens) });
  return (
    <span className={className} title={entry.price?.mode === 'token' ? basis : undefined}>
      {t('settings.cost.estimate', { count: cost / 1_000_000, points: formatPoints(cost, i18n.language) })}
    </span>
  );
}
