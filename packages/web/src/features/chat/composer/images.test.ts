import { describe, expect, it } from 'vitest';
import { appendFitting, checkImageUrl, MAX_IMAGES, planImages } from './images';

const MB = 1024 * 1024;
const file = (name: string, type: string, size = 1000) => ({ name, type, size });
const reasons = (result: ReturnType<typeof planImages>) => result.refused.map(({ file, reason }) => [file.name, reason]);

describe('attaching image files', () => {
  it('takes the raster formats the server reads', () => {
    const files = ['png', 'jpeg', 'gif', 'webp', 'bmp', 'avif', 'heic', 'heif'].map((ext) => file(`a.${ext}`, `image/${ext}`));
    expect(planImages(files, []).accepted).toHaveLength(files.length);
  });

  it('refuses SVG (it can carry scripts) and files that are not images, naming them', () => {
    const result = planImages([file('logo.svg', 'image/svg+xml'), file('notes.pdf', 'application/pdf'), file('x.ico', 'image/x-icon'), file('ok.png', 'image/png')], []);
    expect(result.accepted.map((f) => f.name)).toEqual(['ok.png']);
    expect(reasons(result)).toEqual([
      ['logo.svg', 'svg'],
      ['notes.pdf', 'notImage'],
      ['x.ico', 'notImage'],
    ]);
  });

  it('keeps the images of one message within 8 MB as data URLs (base64 grows a file by a third)', () => {
    // 5 MB of JPEG is about 6.7 MB of base64: one fits, the second does not.
    const result = planImages([file('one.jpg', 'image/jpeg', 5 * MB), file('two.jpg', 'image/jpeg', 5 * MB), file('small.png', 'image/png', 100 * 1024)], []);
    expect(result.accepted.map((f) => f.name)).toEqual(['one.jpg', 'small.png']);
    expect(reasons(result)).toEqual([['two.jpg', 'tooLarge']]);
  });

  it('counts what is already attached against the budget', () => {
    const attached = ['data:image/png;base64,' + 'A'.repeat(7 * MB)];
    expect(reasons(planImages([file('b.png', 'image/png', 1 * MB)], attached))).toEqual([['b.png', 'tooLarge']]);
    expect(planImages([file('c.png', 'image/png', 500 * 1024)], attached).accepted).toHaveLength(1);
  });

  it(`takes at most ${MAX_IMAGES} images`, () => {
    const files = Array.from({ length: 10 }, (_, i) => file(`${i}.png`, 'image/png'));
    const result = planImages(files, ['https://example.com/already.png']);
    expect(result.accepted).toHaveLength(MAX_IMAGES - 1);
    expect(result.refused.map(({ reason }) => reason)).toEqual(['tooMany', 'tooMany', 'tooMany']);
  });

  it('re-checks the limits when images finish reading, and never attaches the same one twice', () => {
    const full = Array.from({ length: MAX_IMAGES }, (_, i) => `https://example.com/${i}.png`);
    expect(appendFitting(full, ['https://example.com/extra.png'])).toEqual(full);
    expect(appendFitting(['https://a.test/x.png'], ['https://a.test/x.png', 'https://a.test/y.png'])).toEqual(['https://a.test/x.png', 'https://a.test/y.png']);
  });
});

describe('adding an image by link', () => {
  it('accepts http and https links', () => {
    expect(checkImageUrl('https://example.com/cat.jpg', [])).toBeNull();
    expect(checkImageUrl('  http://example.com/image?id=3  ', [])).toBeNull();
  });

  it('refuses what is not an http(s) link', () => {
    for (const url of ['', 'example.com/cat.jpg', 'ftp://example.com/cat.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'https://exa mple.com/a.png', 'https://']) {
      expect(checkImageUrl(url, []), url).toBe('invalidUrl');
    }
    expect(checkImageUrl(`https://example.com/${'a'.repeat(5000)}.png`, [])).toBe('invalidUrl');
  });

  it('refuses SVG links and a ninth image', () => {
    expect(checkImageUrl('https://example.com/logo.svg', [])).toBe('svg');
    expect(checkImageUrl('https://example.com/logo.SVG?v=2', [])).toBe('svg');
    const full = Array.from({ length: MAX_IMAGES }, (_, i) => `https://example.com/${i}.png`);
    expect(checkImageUrl('https://example.com/more.png', full)).toBe('tooMany');
  });
});
