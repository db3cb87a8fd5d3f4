import type { DynamicImportLanguageRegistration, HighlighterCore } from 'shiki/core';
import type { GrammarId } from './languages';

/** One highlighted line: its pieces of text, each with the CSS variables of its two colours. */
export type CodeLine = { content: string; style?: Record<string, string> }[];

/**
 * Shiki, fine-grained: the core with the JavaScript regex engine (no WebAssembly), two themes, and
 * each grammar loaded the first time a block needs it. Tokens carry both themes' colours as CSS
 * variables, so switching light/dark needs no new highlight. This runs in the highlighter's
 * worker: compiling a grammar's rules takes tens of milliseconds, which on the page's thread
 * would drop frames while an answer streams.
 */
const grammars: Record<GrammarId, DynamicImportLanguageRegistration> = {
  bash: () => import('shiki/langs/bash.mjs'),
  c: () => import('shiki/langs/c.mjs'),
  cpp: () => import('shiki/langs/cpp.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  css: () => import('shiki/langs/css.mjs'),
  diff: () => import('shiki/langs/diff.mjs'),
  docker: () => import('shiki/langs/docker.mjs'),
  go: () => import('shiki/langs/go.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  javascript: () => import('shiki/langs/javascript.mjs'),
  json: () => import('shiki/langs/json.mjs'),
  jsx: () => import('shiki/langs/jsx.mjs'),
  kotlin: () => import('shiki/langs/kotlin.mjs'),
  markdown: () => import('shiki/langs/markdown.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  ruby: () => import('shiki/langs/ruby.mjs'),
  rust: () => import('shiki/langs/rust.mjs'),
  sql: () => import('shiki/langs/sql.mjs'),
  swift: () => import('shiki/langs/swift.mjs'),
  toml: () => import('shiki/langs/toml.mjs'),
  tsx: () => import('shiki/langs/tsx.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  xml: () => import('shiki/langs/xml.mjs'),
  yaml: () => import('shiki/langs/yaml.mjs'),
};

const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let starting: Promise<HighlighterCore> | null = null;
const loading = new Map<GrammarId, Promise<void>>();

async function start(): Promise<HighlighterCore> {
  const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/javascript')]);
  return createHighlighterCore({
    themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
}

async function highlighterWith(grammar: GrammarId): Promise<HighlighterCore> {
  starting ??= start();
  const core = await starting.catch((error: unknown) => {
    starting = null; // a chunk that failed to load (offline) is tried again next time
    throw error;
  });
  let grammarLoaded = loading.get(grammar);
  if (!grammarLoaded) {
    grammarLoaded = core.loadLanguage(grammars[grammar]);
    loading.set(grammar, grammarLoaded);
    grammarLoaded.catch(() => loading.delete(grammar));
  }
  await grammarLoaded;
  return core;
}

/** The code's lines, highlighted in `grammar`. */
export async function highlightCode(code: string, grammar: GrammarId): Promise<CodeLine[]> {
  const core = await highlighterWith(grammar);
  return core
    .codeToTokens(code, { lang: grammar, themes, defaultColor: false })
    .tokens.map((line) => line.map((token) => (token.htmlStyle ? { content: token.content, style: token.htmlStyle } : { content: token.content })));
}
