/**
 * A LIKE pattern that matches `text` anywhere, with LIKE's own wildcards in it taken literally:
 * searching "100%" finds "100%", not "1000". `!` is the escape character (named in each query
 * with ESCAPE '!'), chosen over the backslash because no engine treats it specially in a string.
 */
export const LIKE_ESCAPE = '!';

export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
