/**
 * The languages of the web app (zh-CN, zh-TW, en, ja, ru) and how a requested tag maps onto
 * them: exact (any case) first, then by script or region for Chinese, then by language.
 * Anything else falls back to English.
 */
export const PRESET_LANGS = ['zh-CN', 'zh-TW', 'en', 'ja', 'ru'] as const;
export type PresetLang = (typeof PRESET_LANGS)[number];

/** A BCP 47-shaped tag (`en`, `zh-TW`, `zh-Hant-HK`); anything else is a 400, not a fallback. */
export const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

export function resolveLang(tag: string): PresetLang {
  const lower = tag.toLowerCase();
  const exact = PRESET_LANGS.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const [language, ...rest] = lower.split('-');
  if (language === 'zh') return rest.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo') ? 'zh-TW' : 'zh-CN';
  return PRESET_LANGS.find((l) => l === language) ?? 'en';
}
