/**
 * Download headers (RFC 6266 with RFC 5987 for the name): `attachment; filename="<ASCII
 * fallback>"; filename*=UTF-8''<percent-encoded>`. The name is often built from input (a code
 * batch); it is never pasted into the header: the fallback keeps only printable ASCII without
 * quotes, backslashes or percent signs, and the UTF-8 form is fully percent-encoded, so no
 * character can end the parameter, add another, or make Node refuse the header.
 */

/** Longest file name offered, in characters (before the extension is kept). */
const NAME_MAX = 120;

export function contentDisposition(fileName: string): string {
  const name = [...fileName].slice(0, NAME_MAX).join('');
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** The headers of a CSV download named `fileName`. */
export function csvDownload(fileName: string): { 'content-type': string; 'content-disposition': string } {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': contentDisposition(fileName) };
}

/** RFC 5987 `value-chars`: encodeURIComponent also leaves ' ( ) * unencoded, which attr-char excludes. */
function encodeRfc5987(value: string): string {
  // A lone surrogate would make encodeURIComponent throw; it becomes U+FFFD.
  const wellFormed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
