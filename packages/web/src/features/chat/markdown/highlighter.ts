import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { DynamicImportLanguageRegistration, HighlighterCore, ThemedToken } from 'shiki/core';

/**
 * Shiki, fine-grained: the core with the JavaScript regex engine (no WebAssembly), two themes and
 * the languages answers use most, each grammar loaded the first time a block needs it. Tokens
 * carry both themes' colours as CSS variables, so switching light/dark needs no new highlight.
 */
const grammars: Record<string, DynamicImportLanguageRegistration> = {
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

const aliases: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  py: 'python',
  python3: 'python',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  console: 'bash',
  'c++': 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  dockerfile: 'docker',
  golang: 'go',
  rs: 'rust',
  rb: 'ruby',
  kt: 'kotlin',
  md: 'markdown',
  yml: 'yaml',
  svg: 'xml',
  vue: 'html',
  jsonc: 'json',
  json5: 'json',
};

/** The grammar for a fence's language name, or null for plain text. */
export function grammarFor(language: string): string | null {
  const name = language.toLowerCase();
  const id = aliases[name] ?? name;
  return id in grammars ? id : null;
}

const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** The highlighter, in an object replaced each time a grammar arrives, so that the hooks see the change. */
let ready: { highlighter: HighlighterCore } | null = null;
let starting: Promise<HighlighterCore> | null = null;
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

async function start(): Promise<HighlighterCore> {
  const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/javascript')]);
  return createHighlighterCore({
    themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
}

function load(grammar: string): void {
  if (pending.has(grammar)) return;
  const loading = (async () => {
    starting ??= start();
    const core = await starting;
    const grammarModule = grammars[grammar];
    if (grammarModule) await core.loadLanguage(grammarModule);
    ready = { highlighter: core }; // a new object: what the hooks' memos depend on
    for (const listener of listeners) listener();
  })().catch(() => {
    pending.delete(grammar); // a failed chunk (offline) is retried by the next block that needs it
    starting = null;
  });
  pending.set(grammar, loading);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The code's tokens once its grammar is loaded (loading it when `enabled`), or null: the block
 * shows plain text meanwhile, and when the language is unknown.
 */
export function useHighlight(code: string, grammar: string | null, enabled: boolean): ThemedToken[][] | null {
  const current = useSyncExternalStore(subscribe, () => ready, () => null);
  useEffect(() => {
    if (enabled && grammar) load(grammar);
  }, [enabled, grammar]);
  return useMemo(() => {
    if (!enabled || !grammar || !current?.highlighter.getLoadedLanguages().includes(grammar)) return null;
    return current.highlighter.codeToTokens(code, { lang: grammar, themes, defaultColor: false }).tokens;
  }, [code, grammar, enabled, current]);
}
