import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The installable app: the manifest the browser reads, the icons it names, and the links in
// index.html that point at them.
const publicDir = new URL('../../../public/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.webmanifest', publicDir), 'utf8')) as {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  background_color: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
};

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: URL): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the web app manifest', () => {
  it('installs Switchboard as a standalone app starting at /', () => {
    expect(manifest).toMatchObject({ name: 'Switchboard', start_url: '/', display: 'standalone' });
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('names PNG icons of 192 and 512 pixels and a maskable one, each file of its declared size', () => {
    const declared = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
    expect(declared).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const file = new URL(`.${icon.src}`, publicDir);
      expect(existsSync(file), icon.src).toBe(true);
      expect(icon.type).toBe('image/png');
      expect(pngSize(file).join('x'), icon.src).toBe(icon.sizes);
    }
  });

  it('is linked from index.html with the favicon, the Apple touch icon and the theme colour', () => {
    const html = readFileSync(new URL('../index.html', publicDir), 'utf8');
    const hrefs = [...html.matchAll(/<link rel="([^"]+)" href="([^"]+)"/g)].map(([, rel, href]) => [rel, href] as const);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        ['manifest', '/manifest.webmanifest'],
        ['icon', '/favicon.svg'],
        ['apple-touch-icon', '/apple-touch-icon.png'],
      ]),
    );
    for (const [, href] of hrefs) expect(existsSync(new URL(`.${href}`, publicDir)), href).toBe(true);
    expect(pngSize(new URL('apple-touch-icon.png', publicDir))).toEqual([180, 180]);
    expect(html).toContain('<meta name="theme-color" content="#ffffff" />');
  });
});
