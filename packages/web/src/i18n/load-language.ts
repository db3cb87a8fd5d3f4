import type { Language } from './languages';

// One language's texts at a time, each language one chunk: the four a user is not reading stay
// out of the main bundle (about 17 KB gzipped).
const bundles: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('./bundles/zh-CN'),
  'zh-TW': () => import('./bundles/zh-TW'),
  en: () => import('./bundles/en'),
  ja: () => import('./bundles/ja'),
  ru: () => import('./bundles/ru'),
};

/** The texts of one language, merged into one namespace as resources.ts merges them for the tests. */
export async function loadLanguage(language: Language): Promise<Record<string, unknown>> {
  return (await bundles[language]()).default;
}
