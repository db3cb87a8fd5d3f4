/**
 * Web origins in one normal form (scheme and host lower-cased, default port dropped, a leading
 * `www.` folded), so `ALLOW_ORIGINS` and a browser's `Origin` header compare exactly. Used by
 * the configuration and by the CORS hook.
 */
export function normaliseOrigin(origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

/** Parses `ALLOW_ORIGINS` (comma- or space-separated origins); throws naming the first bad entry. */
export function parseAllowedOrigins(value: string): string[] {
  const out: string[] = [];
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const origin = normaliseOrigin(entry);
    if (!origin || new URL(entry).pathname.length > 1) throw new Error(`"${entry}" is not an origin such as https://chat.example.com`);
    out.push(origin);
  }
  return out;
}
