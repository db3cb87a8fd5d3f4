import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('keeps a stored choice over the browser', () => {
    expect(pickLanguage('ja', ['ru-RU'])).toBe('ja');
  });
  it('maps browser tags to our languages, Traditional Chinese by region or script', () => {
    expect(pickLanguage(null, ['zh-CN'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-TW'])).toBe('zh-TW');
    expect(pickLanguage(null, ['zh-Hant-HK'])).toBe('zh-TW');
    expect(pickLanguage(null, ['ru-RU'])).toBe('ru');
    expect(pickLanguage(null, ['en-GB'])).toBe('en');
  });
  it('takes the first browser language it has, else English', () => {
    expect(pickLanguage('xx', ['de-DE', 'ja-JP', 'en'])).toBe('ja');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
  });
});
