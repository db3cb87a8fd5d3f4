import { describe, expect, it } from 'vitest';
import { presetBody } from '../preset-schema.js';
import { BUILTIN_PRESETS } from './builtin-presets.js';
import { PRESET_LANGS, resolveLang } from './languages.js';

describe('built-in presets', () => {
  it('has at least 20, with unique ids and an emoji avatar', () => {
    expect(BUILTIN_PRESETS.length).toBeGreaterThanOrEqual(20);
    const ids = BUILTIN_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of BUILTIN_PRESETS) {
      expect(p.id, p.id).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(p.avatar, p.id).toMatch(/^\p{Extended_Pictographic}/u);
    }
  });

  it('has a name, a description and context in every language, within the limits of a user preset', () => {
    for (const p of BUILTIN_PRESETS) {
      expect(Object.keys(p.texts).sort(), p.id).toEqual([...PRESET_LANGS].sort());
      for (const lang of PRESET_LANGS) {
        const t = p.texts[lang];
        const where = `${p.id} ${lang}`;
        expect(t.name.trim(), where).not.toBe('');
        expect(t.description.trim(), where).not.toBe('');
        expect(t.context.length, where).toBeGreaterThan(0);
        for (const m of t.context) expect(m.content.trim(), where).not.toBe('');
        // A clone must be a valid user preset as it stands.
        expect(presetBody.safeParse({ avatar: p.avatar, ...t }).success, where).toBe(true);
      }
    }
  });

  it('is written in each language, not left in English', () => {
    for (const p of BUILTIN_PRESETS) {
      const system = (lang: (typeof PRESET_LANGS)[number]) => p.texts[lang].context[0]!.content;
      expect(system('zh-CN'), p.id).toMatch(/\p{Script=Han}/u);
      expect(system('zh-TW'), p.id).toMatch(/\p{Script=Han}/u);
      expect(system('zh-TW'), p.id).not.toBe(system('zh-CN'));
      expect(system('ja'), p.id).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
      expect(system('ru'), p.id).toMatch(/\p{Script=Cyrillic}/u);
      expect(system('en'), p.id).toMatch(/^[\x20-\x7e\u2014\u2026\u00fc\n]+$/);
    }
  });
});

describe('resolveLang', () => {
  it('matches the web app languages, Chinese by script or region, else English', () => {
    expect(resolveLang('zh-CN')).toBe('zh-CN');
    expect(resolveLang('zh-cn')).toBe('zh-CN');
    expect(resolveLang('zh')).toBe('zh-CN');
    expect(resolveLang('zh-Hans-SG')).toBe('zh-CN');
    expect(resolveLang('zh-TW')).toBe('zh-TW');
    expect(resolveLang('zh-Hant')).toBe('zh-TW');
    expect(resolveLang('zh-HK')).toBe('zh-TW');
    expect(resolveLang('ja-JP')).toBe('ja');
    expect(resolveLang('ru-RU')).toBe('ru');
    expect(resolveLang('fr')).toBe('en');
    expect(resolveLang('en-GB')).toBe('en');
  });
});
