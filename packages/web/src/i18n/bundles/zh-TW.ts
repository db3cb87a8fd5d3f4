// Every text of zh-TW (the shell's file and each part's) in one chunk, loaded by load-language.ts.
const parts = import.meta.glob<Record<string, unknown>>('../locales/**/zh-TW.json', { eager: true, import: 'default' });

export default Object.assign({}, ...Object.values(parts)) as Record<string, unknown>;
