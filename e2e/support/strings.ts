import { readdirSync, readFileSync } from 'node:fs';

export type Language = 'en' | 'zh-CN';

type Tree = { [key: string]: string | Tree };

const locales = new URL('../../packages/web/src/i18n/locales/', import.meta.url);
const read = (url: URL): Tree => JSON.parse(readFileSync(url, 'utf8')) as Tree;

/** The shell's file and every part's (locales/<part>/<lang>.json), merged as the app merges them. */
const load = (language: Language): Tree =>
  Object.assign(
    read(new URL(`${language}.json`, locales)),
    ...readdirSync(locales, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => read(new URL(`${entry.name}/${language}.json`, locales))),
  ) as Tree;
const catalogs: Record<Language, Tree> = { en: load('en'), 'zh-CN': load('zh-CN') };

/**
 * The app's own text for a key ("auth.signIn.title"), read from its catalog, so a test asserts
 * on what the user sees in that language without copying strings that translators may change.
 */
export function text(language: Language, key: string): string {
  let node: string | Tree | undefined = catalogs[language];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no string ${key} in ${language}`);
  return node;
}
