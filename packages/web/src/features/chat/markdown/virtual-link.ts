const virtualHost = 'https://chatnio.virtual/';

/**
 * Chat Nio's "virtual message" links (`[U1](https://chatnio.virtual/UPSCALE-123-1::midjourney)`,
 * written by the Midjourney flow) are actions, not pages: the command is the path after the
 * host, sent back as the next chat message. Null for any other link.
 */
export function virtualCommand(href: string | undefined): string | null {
  if (!href?.startsWith(virtualHost)) return null;
  const path = href.slice(virtualHost.length);
  let command: string;
  try {
    command = decodeURIComponent(path);
  } catch {
    command = path; // a stray `%` is not an escape: keep the text as written
  }
  return command.trim() === '' ? null : command;
}
