// Colour arithmetic for the user's accent colour: WCAG contrast to choose the text on it, and
// OKLCH (perceptual lightness) to derive the dark-mode variant without shifting its hue.

type Rgb = readonly [number, number, number]; // 0–1 sRGB channels
type Oklch = { l: number; c: number; h: number };

const hexPattern = /^#[0-9a-f]{6}$/i;

/** Whether a value is a colour as `<input type="color">` gives it (#rrggbb). */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && hexPattern.test(value);
}

function toRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) / 255, ((n >> 8) & 0xff) / 255, (n & 0xff) / 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('')}`;
}

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const fromLinear = (v: number) => (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055);

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map(toLinear) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function toOklch(hex: string): Oklch {
  const [r, g, b] = toRgb(hex).map(toLinear) as unknown as Rgb;
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return { l: L, c: Math.hypot(A, B), h: Math.atan2(B, A) };
}

/** Linear sRGB of an OKLCH colour; channels may fall outside 0–1 (out of gamut). */
function oklchToLinear({ l: L, c, h }: Oklch): Rgb {
  const A = c * Math.cos(h);
  const B = c * Math.sin(h);
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

const inGamut = (rgb: Rgb) => rgb.every((v) => v >= -1e-4 && v <= 1 + 1e-4);

/** The colour in sRGB, keeping lightness and hue and giving up chroma until it fits. */
function fromOklch(color: Oklch): string {
  let lo = 0;
  let hi = color.c;
  if (!inGamut(oklchToLinear(color))) {
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(oklchToLinear({ ...color, c: mid }))) lo = mid;
      else hi = mid;
    }
    hi = lo;
  }
  return toHex(oklchToLinear({ ...color, c: hi }).map(fromLinear) as unknown as Rgb);
}

const white = '#ffffff';
/** Dark mode's card surface (zinc-900): the variant must read as text on it as well as a fill. */
const darkSurface = '#18181b';

/**
 * The text colour on a fill of `background`: white where it reaches 4.5:1 (crisper on a saturated
 * accent), else a near-black of the same hue, darkened until it does. Black or white always
 * reaches 4.58:1 on any colour, so the loop ends in a readable colour.
 */
export function foregroundFor(background: string): string {
  if (contrastRatio(white, background) >= 4.5) return white;
  const { c, h } = toOklch(background);
  for (const l of [0.2, 0.15, 0.1, 0.05]) {
    const dark = fromOklch({ l, c: Math.min(c, 0.08 * (l / 0.2)), h });
    if (contrastRatio(dark, background) >= 4.5) return dark;
  }
  return '#000000';
}

/**
 * The accent for dark mode: the same hue with its lightness raised until it reads as text on the
 * dark surface (4.5:1), never darker than the colour the user picked.
 */
export function darkVariant(hex: string): string {
  const color = toOklch(hex);
  let l = Math.max(color.l, 0.68);
  let result = fromOklch({ ...color, l });
  while (contrastRatio(result, darkSurface) < 4.5 && l < 0.98) {
    l += 0.02;
    result = fromOklch({ ...color, l });
  }
  return result;
}
