/**
 * Upstream hiding (C-7): nothing a user sees may reveal where a channel points or which
 * key it uses. The base URL becomes `channel://{id}`, any mention of its host becomes
 * `channel`, and every key of the channel is masked to its first four characters.
 */
export interface HideContext {
  channelId: number;
  baseUrl: string;
  keys: readonly string[];
}

const RELAY_SOFTWARE = /\b(openai_api|anthropic_api|api2d|closeai_api|one_api|new_api|shell_api)\b/g;

export function hideUpstream(text: string, ctx: HideContext): string {
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
  for (const key of ctx.keys) {
    for (const part of key.split('|')) {
      if (part.length >= 8) out = out.split(part).join(`${part.slice(0, 4)}${'*'.repeat(8)}`);
    }
  }
  // Upstream "request id: …" suffixes identify the upstream account to its operator.
  out = out.replace(/\s*\(request id: [^)]*\)/gi, '');
  return out.replace(RELAY_SOFTWARE, 'switchboard_upstream');
}
