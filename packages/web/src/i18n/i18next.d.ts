import type zhCN from './locales/zh-CN.json';

// t('a.key') is type-checked against the source language: a misspelt key fails `npm run typecheck`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
