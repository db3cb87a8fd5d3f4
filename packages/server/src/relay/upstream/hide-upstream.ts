import { maskAddresses } from './mask-addresses.js';

/**
 * Upstream hiding (C-7): nothing a user sees may reveal where a channel points or which
 * key it uses. The base URL becomes `channel://{id}`, any mention of its host becomes
 * `channel`, every key of the channel is masked to its first four characters, and every other
 * URL, host name or IP address in the text becomes `[upstream]` (mask-addresses.ts).
 *
 * Operators read the upstream's own words in the log (`maskKeys` only: channel keys are
 * secrets even there); users get `hideUpstream`. It runs on failures only, never on the
 * success path.
 */
export interface HideContext {
  channelId: number;
  baseUrl: string;
  keys: readonly string[];
}

const RELAY_SOFTWARE = /\b(openai_api|anthropic_api|api2d|closeai_api|one_api|new_api|shell_api)\b/g;
/** Upstream "(request id: …)" suffixes identify the upstream account to its operator. */
const REQUEST_ID = /\s*\(request id: [^)]*\)/gi;

/** An upstream error as a user may see it. */
export function hideUpstream(text: string, ctx: HideContext): string {
  const out = hideChannel(text, ctx).replace(REQUEST_ID, '');
  return maskAddresses(out).replace(RELAY_SOFTWARE, 'switchboard_upstream');
}

/** The channel's own base URL, host and keys hidden; the rest of the text as it was. */
export function hideChannel(text: string, ctx: HideContext): string {
  let out = text;
  const base = ctx.baseUrl.replace(/\/+$/, '');
  if (base) out = out.split(base).join(`channel://${ctx.channelId}`);
  let host = '';
  try {
    host = new URL(ctx.baseUrl).host;
  } catch {
    // A base URL that does not parse has no host to hide.
  }
  if (host) {
    out = out.split(host).join('channel');
    const hostname = host.replace(/:\d+$/, '');
    if (hostname !== host) out = out.split(hostname).join('channel');
  }
  return maskKeys(out, ctx.keys);
}

/** Every part of every key of the channel cut to its first four characters. */
export function maskKeys(text: string, keys: readonly string[]): string {
  let out = text;
  for (const key of keys) {
    for (const part of key.split('|')) {
      if (part.length >= 8) out = out.split(part).join(`${part.slice(0, 4)}${'*'.repeat(8)}`);
    }
  }
  return out;
}

/** Whether `text` names the channel's host or any part of its keys (a cheap test before parsing). */
export function mentionsChannel(text: string, ctx: HideContext): boolean {
  let host = '';
  try {
    host = new URL(ctx.baseUrl).hostname;
  } catch {
    // No host to look for.
  }
  if (host && text.includes(host)) return true;
  return ctx.keys.some((key) => key.split('|').some((part) => part.length >= 8 && text.includes(part)));
}
