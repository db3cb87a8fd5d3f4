import type { MarketPrice } from './market-types';

/** 1 point = 1,000,000 micro-points (README, Billing). */
const MICRO = 1_000_000;

const formatters = new Map<string, Intl.NumberFormat>();

/** Number formats are costly to build and the picker formats hundreds of prices: keep one per locale and size. */
function formatter(locale: string, small: boolean): Intl.NumberFormat {
  const key = `${locale}|${small}`;
  let found = formatters.get(key);
  if (!found) {
    // Under one point the leading digits matter (0.0123), above it two decimals are plenty (1,234.57).
    found = new Intl.NumberFormat(locale, small ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 });
    formatters.set(key, found);
  }
  return found;
}

/** Micro-points as points in the user's locale: "0.0123", "1,234.57", "0". */
export function formatPoints(microPoints: number, locale: string): string {
  const points = microPoints / MICRO;
  return formatter(locale, Math.abs(points) < 1).format(points);
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * A cheap local token count for a cost estimate before sending (no tokenizer shipped to the
 * browser): a CJK character is about one token, other text about four characters per token.
 */
export function estimateTokens(text: string): number {
  if (!text) return 0;
  const wide = text.match(cjk)?.length ?? 0;
  const other = [...text].length - wide;
  return wide + Math.ceil(other / 4);
}

/**
 * What a message would cost, in micro-points, the way the server settles it (pricing.ts:
 * integer maths, rounded up once): the per-call price, or the prompt at the input price plus,
 * when the answer's maximum length is known, that many tokens at the output price. Null when
 * the model has no price.
 */
export function estimateMessageCost(price: MarketPrice | null, promptTokens: number, maxOutputTokens?: number | null): number | null {
  if (!price) return null;
  if (price.mode === 'free') return 0;
  if (price.mode === 'request') return price.per_request;
  const total = BigInt(promptTokens) * BigInt(price.input) + BigInt(maxOutputTokens ?? 0) * BigInt(price.output);
  const unit = BigInt(price.unit_tokens);
  return Number((total + unit - 1n) / unit);
}

/** A price as the picker's badge says it: free, per call, or input / output points per million tokens. */
type PriceSummary =
  | { kind: 'free' }
  | { kind: 'request'; perCall: number }
  | { kind: 'token'; inputPerMillion: number; outputPerMillion: number };

/** Token prices are shown per 1M tokens whatever unit they were set in, so rows compare at a glance. */
export function summarizePrice(price: MarketPrice): PriceSummary {
  if (price.mode === 'free') return { kind: 'free' };
  if (price.mode === 'request') return { kind: 'request', perCall: price.per_request };
  const scale = MICRO / price.unit_tokens;
  return { kind: 'token', inputPerMillion: price.input * scale, outputPerMillion: price.output * scale };
}
