/** The app's languages, in the order the picker shows them. */
export const languages = ['zh-CN', 'zh-TW', 'en', 'ja', 'ru'] as const;
export type Language = (typeof languages)[number];

/** Each language named in itself (endonyms are never translated). */
export const languageNames: Record<Language, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
  ja: '日本語',
  ru: 'Русский',
};

function isLanguage(value: string | null): value is Language {
  return value !== null && (languages as readonly string[]).includes(value);
}

/** Traditional Chinese is written in Taiwan, Hong Kong and Macau, or wherever the tag says Hant. */
function fromBrowserTag(tag: string): Language | undefined {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  const base = lower.split('-')[0];
  return base === 'en' || base === 'ja' || base === 'ru' ? base : undefined;
}

/** The user's stored choice, else the first browser language we have, else English. */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const found = fromBrowserTag(tag);
    if (found) return found;
  }
  return 'en';
}
