import { describe, expect, it } from 'vitest';
import { pointsText } from '../billing/money.js';
import { csvCell, csvRow } from './csv.js';

describe('csv cells', () => {
  it('quotes only fields that need it, doubling inner quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null, true])).toBe('a,1,,true\r\n');
  });

  it('turns text a spreadsheet would run as a formula into text', () => {
    for (const danger of ['=1+1', '+1', '-2', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(danger).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
    // Numbers are data, not text: a negative number stays a number.
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('pointsText', () => {
  it('writes micro-points as exact decimal points', () => {
    expect(pointsText(0)).toBe('0');
    expect(pointsText(1)).toBe('0.000001');
    expect(pointsText(1_500_000)).toBe('1.5');
    expect(pointsText(123_000_456)).toBe('123.000456');
    expect(pointsText(-2_000_000)).toBe('-2');
    expect(pointsText(9_007_199_254_740_991)).toBe('9007199254.740991');
  });
});
