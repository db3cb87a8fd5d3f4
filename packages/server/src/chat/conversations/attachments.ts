import { z } from 'zod';

/**
 * What a message carries besides its text (W-5): images, by http(s) URL or inline as a base64
 * `data:` URL. SVG is not accepted: it is a document that can carry scripts, not just pixels.
 */
const MAX_ATTACHMENTS = 16;
/** All of one message's attachment URLs together, in characters (a data URL is ASCII, so bytes). */
const MAX_ATTACHMENT_CHARS = 8 * 1024 * 1024;
const MAX_HTTP_URL_CHARS = 4096;

const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|jpg|gif|webp|bmp|avif|heic|heif);base64,[A-Za-z0-9+/]+={0,2}$/i;

export function isDataUrl(url: string): boolean {
  return url.startsWith('data:');
}

const imageUrl = z.string().refine((url) => (HTTP_URL.test(url) && url.length <= MAX_HTTP_URL_CHARS) || IMAGE_DATA_URL.test(url), {
  message: `an http(s) URL (at most ${MAX_HTTP_URL_CHARS} characters) or a data:image/<png|jpeg|gif|webp|bmp|avif|heic|heif>;base64,… URL`,
});

export const attachment = z.object({ type: z.literal('image'), url: imageUrl });

export type Attachment = z.output<typeof attachment>;

export const attachmentList = z
  .array(attachment)
  .max(MAX_ATTACHMENTS)
  .refine((list) => list.reduce((sum, a) => sum + a.url.length, 0) <= MAX_ATTACHMENT_CHARS, {
    message: `the attachments of one message may hold at most ${MAX_ATTACHMENT_CHARS / 1024 / 1024} MB together`,
  });
