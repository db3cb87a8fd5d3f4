import { describe, expect, it } from 'vitest';
import { type NumericSetting, numericSettings, parseSetting, snap } from './numeric-settings';

const setting = (key: NumericSetting['key']) => numericSettings.find((found) => found.key === key)!;

describe('parseSetting', () => {
  it('reads numbers in range, a comma as a decimal point', () => {
    expect(parseSetting(setting('temperature'), '0.7')).toEqual({ ok: true, value: 0.7 });
    expect(parseSetting(setting('temperature'), '0,7')).toEqual({ ok: true, value: 0.7 });
    expect(parseSetting(setting('frequency_penalty'), '-1.5')).toEqual({ ok: true, value: -1.5 });
    expect(parseSetting(setting('context_length'), '20')).toEqual({ ok: true, value: 20 });
  });

  it('takes empty as the default: unset, or 8 messages of context', () => {
    expect(parseSetting(setting('temperature'), ' ')).toEqual({ ok: true, value: null });
    expect(parseSetting(setting('max_tokens'), '')).toEqual({ ok: true, value: null });
    expect(parseSetting(setting('context_length'), '')).toEqual({ ok: true, value: 8 });
  });

  it('refuses out of range, fractions where whole numbers are needed, and words', () => {
    expect(parseSetting(setting('temperature'), '2.1')).toEqual({ ok: false });
    expect(parseSetting(setting('top_p'), '-0.1')).toEqual({ ok: false });
    expect(parseSetting(setting('context_length'), '201')).toEqual({ ok: false });
    expect(parseSetting(setting('context_length'), '-1')).toEqual({ ok: false });
    expect(parseSetting(setting('top_k'), '0')).toEqual({ ok: false });
    expect(parseSetting(setting('max_tokens'), '1.5')).toEqual({ ok: false });
    expect(parseSetting(setting('max_tokens'), '1e3')).toEqual({ ok: false });
    expect(parseSetting(setting('temperature'), 'abc')).toEqual({ ok: false });
  });
});

describe('snap', () => {
  it('keeps slider values on their step, without float noise', () => {
    expect(snap(setting('temperature'), 0.1 + 0.2)).toBe(0.3);
    expect(snap(setting('top_p'), 0.93)).toBe(0.95);
    expect(snap(setting('top_k'), 39.6)).toBe(40);
  });
});
