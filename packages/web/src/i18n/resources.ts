import en from './locales/en.json';
import ja from './locales/ja.json';
import ru from './locales/ru.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import type { Language } from './languages';

/** zh-CN is the source language: the others are checked against it (resources.test.ts). */
export const resources = {
  'zh-CN': { translation: zhCN },
  'zh-TW': { translation: zhTW },
  en: { translation: en },
  ja: { translation: ja },
  ru: { translation: ru },
} satisfies Record<Language, { translation: object }>;
