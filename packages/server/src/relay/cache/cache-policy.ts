import type { CallerProtocol } from '../generate/inbound.js';
import type { Settings } from '../../settings/sections.js';

export type CacheSettings = Settings['response_cache'];

/**
 * What the cache needs to know of a model's price: whether it has one, and whether it is free.
 * Billing's prices satisfy it; the relay does not depend on billing.
 */
export type PriceModeOf = (model: string) => { mode: string } | undefined;

/**
 * Which models are cached: those listed in the settings, every model with preset "all",
 * every model priced "free" with preset "free". Listing a model opts it in whatever the preset.
 */
export class ModelPolicy {
  private seen: CacheSettings | undefined;
  private listed: ReadonlySet<string> = new Set();

  /** True when `model`'s answers are cached under `settings`. Cheap: called on every relay call. */
  caches(settings: CacheSettings, model: string, priceOf: PriceModeOf): boolean {
    if (settings.preset === 'all') return true;
    // The settings object is replaced on every change, so its identity says when to rebuild the set.
    if (settings !== this.seen) {
      this.seen = settings;
      this.listed = new Set(settings.models);
    }
    if (this.listed.has(model)) return true;
    return settings.preset === 'free' && priceOf(model)?.mode === 'free';
  }
}

/**
 * Why a request is not cached even for a cached model, or undefined when it is cacheable.
 * A stored answer keeps text, reasoning, tool calls, the finish reason and usage; requests
 * that ask for more than that (several choices, log-probabilities, audio or image output),
 * that use a provider-side tool whose answer depends on the moment (web search, code
 * execution), or whose answer depends on state the body does not show (a Responses
 * `conversation`, a stored `prompt`, a `background` job) always go upstream.
 */
export function uncacheableReason(protocol: CallerProtocol, body: Record<string, unknown>): string | undefined {
  switch (protocol) {
    case 'openai-chat':
      if (typeof body.n === 'number' && body.n > 1) return 'n > 1';
      if (body.logprobs === true || body.top_logprobs != null) return 'logprobs';
      if (body.audio != null || list(body.modalities).includes('audio')) return 'audio output';
      if (body.web_search_options != null) return 'web search';
      return undefined;
    case 'openai-responses':
      if (body.conversation != null || body.prompt != null) return 'server-side state';
      if (body.background === true) return 'background';
      if (body.top_logprobs != null) return 'logprobs';
      if (list(body.tools).some((t) => isRecord(t) && t.type !== 'function' && t.type !== 'custom')) return 'built-in tool';
      return undefined;
    case 'anthropic':
      if (body.mcp_servers != null || body.container != null) return 'server-side tools';
      if (list(body.tools).some((t) => isRecord(t) && typeof t.type === 'string' && /^(web_search|web_fetch|code_execution)/.test(t.type))) {
        return 'server tool';
      }
      return undefined;
    case 'gemini': {
      // Gemini's REST API takes snake_case as well as camelCase field names.
      const config = field(body, 'generationConfig');
      const generation = isRecord(config) ? config : {};
      const candidates = field(generation, 'candidateCount');
      if (typeof candidates === 'number' && candidates > 1) return 'candidateCount > 1';
      if (field(generation, 'responseLogprobs') === true) return 'logprobs';
      if (list(field(generation, 'responseModalities')).some((m) => typeof m === 'string' && m.toUpperCase() !== 'TEXT')) return 'non-text output';
      const builtIn = (t: unknown) => isRecord(t) && Object.keys(t).some((k) => k !== 'functionDeclarations' && k !== 'function_declarations');
      if (list(body.tools).some(builtIn)) return 'built-in tool';
      return undefined;
    }
    case 'chat':
      // The chat app sends text, images and sampling settings only: nothing a stored answer lacks.
      return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function field(o: Record<string, unknown>, camel: string): unknown {
  return o[camel] ?? o[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}
