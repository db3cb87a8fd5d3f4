// Every text of zh-CN (the shell's file and each part's) in one chunk, loaded by load-language.ts.
const parts = import.meta.glob<Record<string, unknown>>('../locales/**/zh-CN.json', { eager: true, import: 'default' });

export default Object.assign({}, ...Object.values(parts)) as Record<string, unknown>;
