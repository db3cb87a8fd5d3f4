/** What the server takes in one message (server: chat/conversations/attachments.ts). */
export const MAX_IMAGES = 8;
/** All attachment URLs of a message together, in characters: a base64 data URL is ASCII, so bytes. */
const MAX_ATTACHMENT_CHARS = 8 * 1024 * 1024;
const MAX_URL_CHARS = 4096;

/** The raster formats the server accepts inline; SVG is refused there because it can carry scripts. */
const ACCEPTED_TYPES = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif', 'image/heic', 'image/heif']);

export type ImageRefusal = 'notImage' | 'svg' | 'tooLarge' | 'tooMany';
type UrlRefusal = 'invalidUrl' | 'svg' | 'tooMany';

interface FileLike {
  name: string;
  type: string;
  size: number;
}

/** The length of the data URL FileReader makes of a file: the prefix, then 4 base64 characters per 3 bytes. */
function dataUrlLength(file: FileLike): number {
  return `data:${file.type};base64,`.length + 4 * Math.ceil(file.size / 3);
}

const totalLength = (urls: readonly string[]) => urls.reduce((sum, url) => sum + url.length, 0);

/**
 * Which of the dropped, pasted or picked files can join the images already attached, in order:
 * each one is checked against what is attached plus the files accepted before it.
 */
export function planImages<F extends FileLike>(files: readonly F[], attached: readonly string[]): { accepted: F[]; refused: Array<{ file: F; reason: ImageRefusal }> } {
  const accepted: F[] = [];
  const refused: Array<{ file: F; reason: ImageRefusal }> = [];
  let count = attached.length;
  let length = totalLength(attached);
  for (const file of files) {
    const type = file.type.toLowerCase();
    let reason: ImageRefusal | null = null;
    if (type === 'image/svg+xml') reason = 'svg';
    else if (!ACCEPTED_TYPES.has(type) || file.size === 0) reason = 'notImage';
    else if (count >= MAX_IMAGES) reason = 'tooMany';
    else if (length + dataUrlLength(file) > MAX_ATTACHMENT_CHARS) reason = 'tooLarge';
    if (reason) {
      refused.push({ file, reason });
    } else {
      accepted.push(file);
      count += 1;
      length += dataUrlLength(file);
    }
  }
  return { accepted, refused };
}

/** The images read while others were added keep to the limits too: the ones that no longer fit are left out. */
export function appendFitting(attached: readonly string[], added: readonly string[]): string[] {
  const result = [...attached];
  for (const url of added) {
    if (result.includes(url)) continue;
    if (result.length >= MAX_IMAGES || totalLength(result) + url.length > MAX_ATTACHMENT_CHARS) continue;
    result.push(url);
  }
  return result;
}

/** Checks an image link typed by the user: an http(s) URL without spaces, not an SVG, and room for one more. */
export function checkImageUrl(input: string, attached: readonly string[]): UrlRefusal | null {
  const url = input.trim();
  if (!/^https?:\/\/\S+$/i.test(url) || url.length > MAX_URL_CHARS) return 'invalidUrl';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalidUrl';
  }
  if (!parsed.hostname) return 'invalidUrl';
  if (/\.svgz?$/i.test(parsed.pathname)) return 'svg';
  if (attached.length >= MAX_IMAGES) return 'tooMany';
  return null;
}
