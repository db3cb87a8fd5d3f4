import { defaultUrlTransform } from 'react-markdown';

/** Inline images of the kinds a browser draws and never runs (no SVG: it may carry script when opened). */
const dataImage = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;

/**
 * react-markdown's own transform keeps http(s), mailto and relative URLs and empties anything
 * else (`javascript:`, `vbscript:`, `data:`…); on top of it, an image may be an inline data
 * image, as vision answers and Chat Nio's pasted screenshots are.
 */
export function safeUrl(url: string, key: string): string {
  if (key === 'src' && dataImage.test(url)) return url;
  return defaultUrlTransform(url);
}
