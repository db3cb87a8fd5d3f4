import type zhCN from './locales/zh-CN.json';
import type common from './locales/common/zh-CN.json';
import type composer from './locales/composer/zh-CN.json';
import type markdown from './locales/markdown/zh-CN.json';
import type settings from './locales/settings/zh-CN.json';
import type shell from './locales/shell/zh-CN.json';
import type sidebar from './locales/sidebar/zh-CN.json';
import type thread from './locales/thread/zh-CN.json';

// t('a.key') is type-checked against the source language: a misspelt key fails `npm run typecheck`.
// A new part of locales/ is added here too.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof common & typeof composer & typeof markdown & typeof settings & typeof shell & typeof sidebar & typeof thread };
  }
}
