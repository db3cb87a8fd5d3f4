/**
 * The languages code blocks are highlighted in: the ones answers use most. Each grammar is loaded
 * (in the highlighter's worker) the first time a block needs it; any other fence stays plain text.
 */
const grammarIds = [
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'diff',
  'docker',
  'go',
  'html',
  'java',
  'javascript',
  'json',
  'jsx',
  'kotlin',
  'markdown',
  'php',
  'python',
  'ruby',
  'rust',
  'sql',
  'swift',
  'toml',
  'tsx',
  'typescript',
  'xml',
  'yaml',
] as const;

export type GrammarId = (typeof grammarIds)[number];

const aliases: Record<string, GrammarId> = {
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

const known = new Set<string>(grammarIds);

/** The grammar for a fence's language name, or null for plain text. */
export function grammarFor(language: string): GrammarId | null {
  const name = language.toLowerCase();
  const id = aliases[name] ?? name;
  return known.has(id) ? (id as GrammarId) : null;
}
