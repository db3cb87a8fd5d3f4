import { createHash } from 'node:crypto';
import type { CallerProtocol } from '../generate/inbound.js';
import type { InboundRequest } from '../generate/inbound.js';

/**
 * Request fields that do not change the answer, per caller protocol. Everything else —
 * messages, system, images, tools and tool results, temperature, max tokens, seed, stop,
 * response format, reasoning settings … — is part of the key, so any difference is a miss.
 *
 * - `stream`, `stream_options`: one stored answer serves streamed and plain calls alike.
 * - `user`, `metadata`, `safety_identifier`, `labels`: who asks, for the provider's abuse
 *   monitoring and billing tags; answers are shared across users by design (as Chat Nio does).
 * - `store`, `service_tier`, `prompt_cache_key`, `prompt_cache_retention`: storage, latency
 *   class and prompt-cache routing hints, not what the model says.
 */
const OPENAI_IGNORED = new Set([
  'stream',
  'stream_options',
  'user',
  'metadata',
  'store',
  'service_tier',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_retention',
]);

const IGNORED: Record<CallerProtocol, ReadonlySet<string>> = {
  'openai-chat': OPENAI_IGNORED,
  'openai-responses': OPENAI_IGNORED,
  anthropic: new Set(['stream', 'metadata', 'service_tier']),
  gemini: new Set(['labels']),
  chat: new Set(['stream']),
};

/** Bumped when the canonical form changes, so old entries are never read with a new meaning. */
const KEY_VERSION = 1;

/**
 * The cache key of a request: SHA-256 over a canonical form of the caller's protocol, the
 * model it asked for, the protocol headers passed upstream (`anthropic-beta`) and the body
 * with its keys sorted and the fields above left out. The protocol is in the key rather than
 * the endpoint label, so Gemini's generateContent and streamGenerateContent share answers.
 */
export function requestKey(inbound: Pick<InboundRequest, 'codec' | 'model' | 'body' | 'passHeaders'>): string {
  const ignored = IGNORED[inbound.codec.protocol];
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inbound.body)) if (!ignored.has(k)) body[k] = v;
  const form = canonicalJson({ v: KEY_VERSION, protocol: inbound.codec.protocol, model: inbound.model, headers: inbound.passHeaders, body });
  return createHash('sha256').update(form).digest('base64url');
}

/** JSON with object keys sorted at every level (arrays keep their order: it is meaningful). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}
