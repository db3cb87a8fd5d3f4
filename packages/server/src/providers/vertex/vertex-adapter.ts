import { anthropicCodec } from '@switchboard/protocol/codecs/anthropic';
import { geminiCodec } from '@switchboard/protocol/codecs/gemini';
import type { BuildInput, ProviderAdapter, UpstreamRequest } from '../provider-adapter.js';
import { classifyHttpError, type UpstreamFailure } from '../upstream-error.js';
import { defaultAccessTokens, type AccessTokenCache } from './access-token.js';
import { parseVertexKey, type VertexKey } from './vertex-key.js';

/** The Messages API version Claude on Vertex takes, in the body. */
export const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';

/**
 * Google Vertex AI with a service-account key. One channel serves two publishers:
 * `claude-*` models through Anthropic's Messages API (`:rawPredict` / `:streamRawPredict`)
 * and every other model through Gemini's API (`:generateContent` /
 * `:streamGenerateContent?alt=sse`); `vertexAdapterFor` picks per attempt. Both answer in
 * their own protocol's JSON and SSE, so the stock codecs read them.
 *
 * The key is `REGION|<service-account JSON>` or `REGION|PROJECT_ID|<JSON>`. The channel's
 * base URL, when set, replaces `https://{region}-aiplatform.googleapis.com`.
 */
export interface VertexAdapterOptions {
  tokens?: AccessTokenCache;
}

export function createVertexAdapters(opts: VertexAdapterOptions = {}): { anthropic: ProviderAdapter; gemini: ProviderAdapter } {
  const tokens = opts.tokens ?? defaultAccessTokens;
  const authorize = async (input: BuildInput) => {
    const key = parseVertexKey(input.key);
    return { key, token: await tokens.get(key.account) };
  };
  return {
    anthropic: {
      codec: anthropicCodec,
      classifyError: classifyVertexError,
      build: async (input) => {
        const { key, token } = await authorize(input);
        return buildVertexAnthropicRequest(input, key, token);
      },
    },
    gemini: {
      codec: geminiCodec,
      classifyError: classifyVertexError,
      build: async (input) => {
        const { key, token } = await authorize(input);
        return buildVertexGeminiRequest(input, key, token);
      },
    },
  };
}

const defaults = createVertexAdapters();

/** The adapter for one attempt: Anthropic's publisher for Claude models, Google's for the rest. */
export function vertexAdapterFor(upstreamModel: string): ProviderAdapter {
  return isClaudeModel(upstreamModel) ? defaults.anthropic : defaults.gemini;
}

export function isClaudeModel(model: string): boolean {
  return /^claude-/i.test(model);
}

export function buildVertexAnthropicRequest(input: BuildInput, key: VertexKey, token: string): UpstreamRequest {
  const { model: _model, anthropic_version: _version, ...rest } = input.body;
  const body = { anthropic_version: VERTEX_ANTHROPIC_VERSION, ...rest, stream: input.stream };
  const { 'anthropic-version': _v, ...pass } = input.passHeaders;
  return request(input, key, token, `anthropic/models/${modelSegment(input.upstreamModel)}:${input.stream ? 'streamRawPredict' : 'rawPredict'}`, body, pass);
}

export function buildVertexGeminiRequest(input: BuildInput, key: VertexKey, token: string): UpstreamRequest {
  // Gemini rejects unknown body fields such as `model`; the model is in the URL.
  const { model: _model, ...body } = input.body;
  return request(input, key, token, `google/models/${modelSegment(input.upstreamModel)}:${input.stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`, body, {});
}

function request(
  input: BuildInput,
  key: VertexKey,
  token: string,
  publisherPath: string,
  body: Record<string, unknown>,
  pass: Readonly<Record<string, string>>,
): UpstreamRequest {
  const ownHost = !input.baseUrl.trim();
  const prefix = ownHost ? '' : input.basePath;
  return {
    ...(ownHost ? { origin: vertexOrigin(key.region) } : {}),
    path: `${prefix}/v1/projects/${encodeURIComponent(key.projectId)}/locations/${encodeURIComponent(key.region)}/publishers/${publisherPath}`,
    headers: {
      ...input.extraHeaders,
      // `anthropic-beta` is honoured by Claude on Vertex as a header.
      ...pass,
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: input.stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(body),
  };
}

export function vertexOrigin(region: string): string {
  return region === 'global' ? 'https://aiplatform.googleapis.com' : `https://${region}-aiplatform.googleapis.com`;
}

/** One path segment; '@' (Claude's version separator, `claude-sonnet-4-5@20250929`) is legal there and sent as is. */
function modelSegment(model: string): string {
  return encodeURIComponent(model).replace(/%40/g, '@');
}

/**
 * Google's errors (and Anthropic's, for Claude) by status: 401/403 are the channel's
 * credentials or project, 404 a model the project or region lacks. RESOURCE_EXHAUSTED (429)
 * is a per-minute quota, a rate rather than an empty balance, so it never reads as `quota`
 * even though its message says "Quota exceeded".
 */
export function classifyVertexError(status: number, body: string): UpstreamFailure {
  const failure = classifyHttpError(status, body);
  return status === 429 ? { ...failure, kind: 'rate_limit', retryable: true } : failure;
}
