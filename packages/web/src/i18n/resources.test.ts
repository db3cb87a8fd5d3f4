import { describe, expect, it } from 'vitest';
import { languages } from './languages';
import { resources } from './resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** The keys a language must have: plural keys expanded to the forms that language's grammar uses. */
function expectedKeys(source: Array<[string, string]>, language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const [key] of source) {
    if (pluralSuffix.test(key)) for (const form of forms) keys.add(key.replace(pluralSuffix, `_${form}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

describe('translations', () => {
  const source = leaves(resources['zh-CN'].translation as Tree);

  it.each(languages)('%s has every key, in the plural forms its grammar needs, and no extra ones', (language) => {
    const own = leaves(resources[language].translation as Tree);
    expect(own.map(([key]) => key).sort()).toEqual(expectedKeys(source, language));
  });

  it.each(languages)('%s has no empty text and the same {{variables}} as zh-CN', (language) => {
    const sourceVariables = new Map(source.map(([key, text]) => [key.replace(pluralSuffix, ''), variables(text)]));
    for (const [key, text] of leaves(resources[language].translation as Tree)) {
      expect(text.trim(), key).not.toBe('');
      expect(variables(text), key).toEqual(sourceVariables.get(key.replace(pluralSuffix, '')));
    }
  });
});
