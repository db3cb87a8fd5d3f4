// Draws the app icons into public/ (run by hand after changing the design: `node packages/web/scripts/make-icons.mjs`).
// The glyph is a switchboard: two rows of jacks, two of them joined by a patch cord. It is drawn
// with signed distance functions and written as PNG with node:zlib, so no image library or
// browser is needed; the favicon is the same geometry as SVG.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const out = new URL('../public/', import.meta.url);
const [top, bottom] = [
  [99, 102, 241], // indigo-500
  [67, 56, 202], // indigo-700
];

// The glyph in a 512 × 512 design space.
const jacks = [160, 256, 352].flatMap((x) => [176, 336].map((y) => [x, y]));
const plugged = [
  [160, 176],
  [352, 336],
];
// Corner to corner in a gentle arc, clear of the jacks it passes.
const cord = { from: [160, 176], control: [272, 232], to: [352, 336] };
const ring = { r: 30, width: 14 };
const plug = 22;
const cordWidth = 20;

const quad = (t, a, c, b) => [0, 1].map((i) => (1 - t) ** 2 * a[i] + 2 * (1 - t) * t * c[i] + t ** 2 * b[i]);
const cordPoints = Array.from({ length: 97 }, (_, i) => quad(i / 96, cord.from, cord.control, cord.to));

function segmentDistance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Signed distance (design units) from p to the white glyph, negative inside. */
function glyph(p) {
  let d = Infinity;
  for (const [x, y] of jacks) {
    const isPlugged = plugged.some(([px, py]) => px === x && py === y);
    const r = Math.hypot(p[0] - x, p[1] - y);
    d = Math.min(d, isPlugged ? r - plug : Math.abs(r - ring.r) - ring.width / 2);
  }
  for (let i = 1; i < cordPoints.length; i++) d = Math.min(d, segmentDistance(p, cordPoints[i - 1], cordPoints[i]) - cordWidth / 2);
  return d;
}

function roundedSquare(p, radius) {
  const q = p.map((v) => Math.abs(v - 256) - (256 - radius));
  return Math.hypot(Math.max(q[0], 0), Math.max(q[1], 0)) + Math.min(Math.max(q[0], q[1]), 0) - radius;
}

const cover = (d) => Math.max(0, Math.min(1, 0.5 - d));

/** An RGBA image: the gradient square (rounded by `radius`, or full bleed at 0), the glyph scaled by `scale` about the centre. */
function draw(size, { radius, scale }) {
  const k = 512 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p = [(x + 0.5) * k, (y + 0.5) * k];
      const background = radius ? cover(roundedSquare(p, radius) / k) : 1;
      const inGlyph = cover(glyph(p.map((v) => 256 + (v - 256) / scale)) * scale / k);
      const t = p[1] / 512;
      const rgb = top.map((c, i) => c + (bottom[i] - c) * t).map((c) => c + (255 - c) * inGlyph);
      const alpha = Math.max(background, 0) * 255;
      pixels.set([...rgb.map(Math.round), Math.round(alpha)], (y * size + x) * 4);
    }
  }
  return png(size, pixels);
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function svg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const shapes = jacks.map(([x, y]) =>
    plugged.some(([px, py]) => px === x && py === y)
      ? `<circle cx="${x}" cy="${y}" r="${plug}"/>`
      : `<circle cx="${x}" cy="${y}" r="${ring.r}" fill="none" stroke="#fff" stroke-width="${ring.width}"/>`,
  );
  const path = `M${cord.from} Q${cord.control} ${cord.to}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hex(top)}"/><stop offset="1" stop-color="${hex(bottom)}"/></linearGradient></defs>
<rect width="512" height="512" rx="112" fill="url(#g)"/>
<g fill="#fff">${shapes.join('')}</g>
<path d="${path}" fill="none" stroke="#fff" stroke-width="${cordWidth}" stroke-linecap="round"/>
</svg>
`;
}

writeFileSync(new URL('icon-192.png', out), draw(192, { radius: 112, scale: 1 }));
writeFileSync(new URL('icon-512.png', out), draw(512, { radius: 112, scale: 1 }));
// Maskable: full bleed, the glyph inside the central safe circle (40 % radius) that any mask keeps.
writeFileSync(new URL('icon-maskable-512.png', out), draw(512, { radius: 0, scale: 0.8 }));
// iOS rounds the corners itself and shows transparency as black.
writeFileSync(new URL('apple-touch-icon.png', out), draw(180, { radius: 0, scale: 0.9 }));
writeFileSync(new URL('favicon.svg', out), svg());
