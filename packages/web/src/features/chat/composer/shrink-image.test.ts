import { describe, expect, it } from 'vitest';
import { fitWithin, shouldShrink } from './shrink-image';

const MB = 1024 * 1024;

describe('shrinking big photos before attaching', () => {
  it('shrinks big photos and screenshots, but not small files, GIFs (animation) or formats the browser may not decode', () => {
    expect(shouldShrink({ type: 'image/jpeg', size: 4 * MB })).toBe(true);
    expect(shouldShrink({ type: 'image/png', size: 2 * MB })).toBe(true);
    expect(shouldShrink({ type: 'image/jpeg', size: 300 * 1024 })).toBe(false);
    expect(shouldShrink({ type: 'image/gif', size: 5 * MB })).toBe(false);
    expect(shouldShrink({ type: 'image/heic', size: 5 * MB })).toBe(false);
  });

  it('keeps the proportions within 2048 px on the long edge, and never enlarges', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(1170, 2532)).toEqual({ width: 946, height: 2048 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
