import type { Language } from './languages';

// One language's texts at a time: the shell's file and each part's, loaded on demand, so the
// four languages a user is not reading stay out of the main bundle (about 17 KB gzipped).
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/**/*.json');

/** The texts of one language, merged into one namespace as resources.ts merges them for the tests. */
export async function loadLanguage(language: Language): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.endsWith(`/${language}.json`))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts.map((part) => part.default)) as Record<string, unknown>;
}
