import { describe, expect, it } from 'vitest';
import { contrastRatio, darkVariant, foregroundFor, isHexColor } from './color';
import { primaryPresets } from './primary-color';

const darkSurfaces = ['#09090b', '#18181b'];

describe('contrast', () => {
  it('follows WCAG 2: black on white is 21:1, a colour on itself 1:1, order does not matter', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#4f46e5', '#4f46e5')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
  });
});

describe('the text colour on an accent', () => {
  it('is white on a deep colour', () => {
    expect(foregroundFor('#4f46e5')).toBe('#ffffff');
    expect(foregroundFor('#0a0a0a')).toBe('#ffffff');
  });

  it('is a near-black of the same family on a light one (yellow, amber, white), still at 4.5:1', () => {
    for (const color of ['#ffff00', '#facc15', '#d97706', '#ffffff', '#818cf8']) {
      const text = foregroundFor(color);
      expect(text, color).not.toBe('#ffffff');
      expect(contrastRatio(text, color), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('reads at 4.5:1 or better on every colour a user could pick from a spread of the wheel', () => {
    for (let r = 0; r < 256; r += 51)
      for (let g = 0; g < 256; g += 51)
        for (let b = 0; b < 256; b += 51) {
          const color = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(foregroundFor(color), color), color).toBeGreaterThanOrEqual(4.5);
        }
  });
});

describe('the dark-mode variant', () => {
  it('is lighter than the picked colour and reads as text on the dark surfaces', () => {
    for (const color of ['#4f46e5', '#0a0a0a', '#e11d48', '#3f3f46', '#1e3a8a']) {
      const dark = darkVariant(color);
      expect(contrastRatio(dark, '#000000'), color).toBeGreaterThan(contrastRatio(color, '#000000'));
      for (const surface of darkSurfaces) expect(contrastRatio(dark, surface), `${color} on ${surface}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the hue: indigo stays blue-violet, rose stays red', () => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(darkVariant('#4f46e5').slice(i, i + 2), 16)) as [number, number, number];
    expect(b).toBeGreaterThan(r);
    expect(r).toBeGreaterThan(g - 20);
    const rose = darkVariant('#e11d48');
    expect(Number.parseInt(rose.slice(1, 3), 16)).toBeGreaterThan(Number.parseInt(rose.slice(3, 5), 16) + 100);
  });

  it('leaves a colour that is already light (yellow) as it is', () => {
    expect(darkVariant('#ffff00')).toBe('#ffff00');
  });

  it('gives every preset a readable button in both themes', () => {
    for (const [name, color] of Object.entries(primaryPresets)) {
      expect(contrastRatio(foregroundFor(color), color), name).toBeGreaterThanOrEqual(4.5);
      const dark = darkVariant(color);
      expect(contrastRatio(foregroundFor(dark), dark), `${name} dark`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('a colour value', () => {
  it('is #rrggbb, as the colour input gives it', () => {
    expect(isHexColor('#4F46e5')).toBe(true);
    for (const value of ['4f46e5', '#fff', '#4f46e5ff', 'red', 'rgb(0,0,0)', '#12345g', '', null, 42]) expect(isHexColor(value), String(value)).toBe(false);
  });
});
