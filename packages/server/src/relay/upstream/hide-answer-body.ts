import { hideChannel, hideUpstream, maskKeys, mentionsChannel, type HideContext } from './hide-upstream.js';

/**
 * Upstream hiding for the JSON answers of the pass-through endpoints (embeddings, images,
 * moderations, rerank, JSON transcripts), which reach the caller as the upstream wrote them:
 *
 * - Message-like fields (`message`, `error`, `detail`, `warning`, `reason`, `…_message` … and
 *   everything under them) are upstream prose, treated like an error: every URL, host and IP
 *   address masked (`hideUpstream`). Some relays answer 200 with an error inside.
 * - Every other string is the answer itself (a revised prompt, a transcript, a document): only
 *   the channel's own base URL, host and keys are hidden there, so content that mentions a
 *   domain is not rewritten.
 * - A string that is one whole URL is a link the caller needs (a generated image on the
 *   upstream's storage, even on the channel's own host): it is kept, with channel keys masked,
 *   because a key never belongs in an answer.
 *
 * The common answer has nothing to hide: a scan for message-like keys and the channel's host and
 * keys decides, and then the upstream's bytes go out unparsed and unchanged.
 */
const MESSAGE_KEY = /^(?:message|msg|detail|details|error|errors|err|errmsg|reason|warning|warnings|hint|notice|[a-z]+_(?:message|msg|error))$/i;
const WHOLE_URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
/** Longest key name worth testing; longer strings are values. */
const MAX_KEY = 40;

export function hideAnswerBody(text: string, ctx: HideContext): string {
  if (!hasMessageKey(text) && !mentionsChannel(text, ctx)) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return hideChannel(text, ctx); // not JSON after all: at least nothing of the channel's own
  }
  const state = { changed: false };
  const hidden = hideValue(parsed, false, ctx, state);
  return state.changed ? JSON.stringify(hidden) : text;
}

function hideValue(value: unknown, prose: boolean, ctx: HideContext, state: { changed: boolean }): unknown {
  if (typeof value === 'string') {
    const out = prose ? hideUpstream(value, ctx) : WHOLE_URL.test(value) ? maskKeys(value, ctx.keys) : hideChannel(value, ctx);
    if (out !== value) state.changed = true;
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => hideValue(item, prose, ctx, state));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = hideValue(item, prose || MESSAGE_KEY.test(key), ctx, state);
    return out;
  }
  return value;
}

/**
 * Whether the JSON text has a message-like key, found by jumping from string to string with
 * indexOf rather than a regular expression over the whole body: an image answer carries
 * megabytes of base64 in one string, which this crosses in one step (measured: ~40 µs for
 * 1.5 MB, against ~1 ms for a regex scan).
 */
function hasMessageKey(json: string): boolean {
  let start = json.indexOf('"');
  while (start !== -1) {
    let end = json.indexOf('"', start + 1);
    while (end !== -1 && escaped(json, end)) end = json.indexOf('"', end + 1);
    if (end === -1) return false;
    if (end - start - 1 <= MAX_KEY) {
      let next = end + 1;
      while (next < json.length && /\s/.test(json[next]!)) next++;
      if (json[next] === ':' && MESSAGE_KEY.test(json.slice(start + 1, end))) return true;
    }
    start = json.indexOf('"', end + 1);
  }
  return false;
}

/** A quote preceded by an odd number of backslashes is inside a string. */
function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; i >= 0 && text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}
