import type { Language } from './languages';
import { languages } from './languages';

// Each language's texts are one JSON file for the shell (locales/<lang>.json) and one per part of
// the app (locales/<part>/<lang>.json, each under its own top-level key), merged here into one
// namespace, so parts of the app can grow their texts without touching each other's files.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/**/*.json', { eager: true });

function texts(language: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, file] of Object.entries(files)) {
    if (path.endsWith(`/${language}.json`)) Object.assign(merged, file.default);
  }
  return merged;
}

/** zh-CN is the source language: the others are checked against it (resources.test.ts). */
export const resources = Object.fromEntries(languages.map((language) => [language, { translation: texts(language) }])) as Record<
  Language,
  { translation: Record<string, unknown> }
>;
