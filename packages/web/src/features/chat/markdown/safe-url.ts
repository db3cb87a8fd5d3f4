/** Inline images of the kinds a browser draws and never runs (no SVG: it may carry script when opened). */
const dataImage = /^data:image\/(png|jpe?g|gif|webp|avif);base64,/i;

/** The schemes a link or an image may use; any other (`javascript:`, `vbscript:`, `data:`…) is emptied. */
const safeScheme = /^(https?|ircs?|mailto|xmpp)$/i;

/**
 * Keeps http(s), mailto and relative URLs and empties anything else (the rule micromark and
 * react-markdown use); on top of it, an image may be an inline data image, as vision answers and
 * Chat Nio's pasted screenshots are.
 */
export function safeUrl(url: string, key: string): string {
  if (key === 'src' && dataImage.test(url)) return url;
  const colon = url.indexOf(':');
  // A colon after the first `/`, `?` or `#` belongs to the path, the query or the fragment: the URL is relative.
  const relativeEnd = [url.indexOf('/'), url.indexOf('?'), url.indexOf('#')].filter((at) => at !== -1);
  if (colon === -1 || relativeEnd.some((at) => colon > at)) return url;
  return safeScheme.test(url.slice(0, colon)) ? url : '';
}
