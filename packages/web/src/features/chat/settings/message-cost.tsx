import { useTranslation } from 'react-i18next';
import { formatPoints } from './price';

export interface MessageCostProps {
  /** Micro-points charged (the message's `cost`); 0 when a plan or a free model paid. */
  cost: number | null;
  /** The plan item that paid (`plan_item`). */
  planItem: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** Time to the first token (`ttft_ms`). */
  ttftMs: number | null;
}

/** "320 ms" under a second, "1.2 s" above: first-token times span both. */
function formatDuration(ms: number, locale: string): string {
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(Math.round(ms));
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
}

/**
 * The small line under a finished answer: "1,234 tokens · 0.0123 points · 320 ms first token",
 * or "Plan: <item>" in place of the price when a plan paid. Parts the server did not record are
 * left out; nothing at all renders when none is known.
 */
export function MessageCost({ cost, planItem, promptTokens, completionTokens, ttftMs }: MessageCostProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const parts: Array<{ key: string; text: string; title?: string }> = [];
  if (promptTokens !== null || completionTokens !== null) {
    const total = (promptTokens ?? 0) + (completionTokens ?? 0);
    parts.push({
      key: 'tokens',
      text: t('settings.cost.tokens', { count: total, tokens: number.format(total) }),
      title: t('settings.cost.tokensDetail', { prompt: number.format(promptTokens ?? 0), completion: number.format(completionTokens ?? 0) }),
    });
  }
  if (planItem) parts.push({ key: 'cost', text: t('settings.cost.planPaid', { item: planItem }) });
  else if (cost === 0) parts.push({ key: 'cost', text: t('settings.cost.free') });
  else if (cost !== null) parts.push({ key: 'cost', text: t('settings.cost.points', { count: cost / 1_000_000, points: formatPoints(cost, i18n.language) }) });
  if (ttftMs !== null) parts.push({ key: 'ttft', text: t('settings.cost.firstToken', { time: formatDuration(ttftMs, i18n.language) }) });
  if (!parts.length) return null;

  return (
    <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground tabular-nums">
      {parts.map((part, index) => (
        <span key={part.key} title={part.title} className="inline-flex items-center gap-1.5">
          {index > 0 && <span aria-hidden>·</span>}
          {part.text}
        </span>
      ))}
    </p>
  );
}
