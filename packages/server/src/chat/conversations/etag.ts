/**
 * Conditional GETs (RFC 9110 §13.1.2): a client that sends the ETag it holds in If-None-Match
 * gets 304 with no body while the resource is unchanged. Weak and strong tags compare alike here
 * (the weak comparison GET uses).
 */
export function etagOf(version: string): string {
  return `"${version}"`;
}

export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.some((t) => t === '*' || t === etag);
}
