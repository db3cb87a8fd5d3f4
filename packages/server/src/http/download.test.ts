import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.js';

describe('download file names', () => {
  it('offers an ASCII fallback and the exact name in UTF-8', () => {
    expect(contentDisposition('codes-Ａ.csv')).toBe(`attachment; filename="codes-_.csv"; filename*=UTF-8''codes-%EF%BC%A1.csv`);
    expect(contentDisposition('usage.csv')).toBe(`attachment; filename="usage.csv"; filename*=UTF-8''usage.csv`);
  });

  it('cannot end the parameter or add another', () => {
    const header = contentDisposition('codes-x";filename="evil.html.csv');
    expect(header).toBe(`attachment; filename="codes-x_;filename=_evil.html.csv"; filename*=UTF-8''codes-x%22%3Bfilename%3D%22evil.html.csv`);
    expect(header.match(/filename="/g)).toHaveLength(1);
  });

  it('encodes what RFC 5987 excludes and survives a lone surrogate', () => {
    expect(contentDisposition("it's (1)*.csv")).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.csv`);
    expect(contentDisposition('a\uD800b\r\n.csv')).toBe(`attachment; filename="a_b__.csv"; filename*=UTF-8''a%EF%BF%BDb%0D%0A.csv`);
  });
});
