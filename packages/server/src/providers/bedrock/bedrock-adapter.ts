import { anthropicCodec } from '@switchboard/protocol/codecs/anthropic';
import type { BuildInput, ProviderAdapter, UpstreamRequest } from '../provider-adapter.js';
import { classifyBedrockError } from './bedrock-errors.js';
import { parseBedrockKey } from './bedrock-key.js';
import { createBedrockFrameDecoder } from './event-stream.js';
import { signV4 } from './sigv4.js';

/** The Messages API version Bedrock's Claude models take, in the body. */
export const BEDROCK_ANTHROPIC_VERSION = 'bedrock-2023-05-31';

/** Headers that proxies and HTTP stacks may add or rewrite, so they are sent unsigned (as the AWS SDK does). */
const UNSIGNED = new Set(['authorization', 'connection', 'expect', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id', 'content-length']);

/**
 * AWS Bedrock, Claude models through InvokeModel: the Anthropic Messages body (minus
 * `model` and `stream`, plus `anthropic_version`), POSTed to `/model/{modelId}/invoke` or
 * `/invoke-with-response-stream`, signed with SigV4. The non-stream answer is an Anthropic
 * message; the stream is the AWS binary event stream, decoded into Anthropic SSE events.
 *
 * The key is `ACCESS_KEY_ID|SECRET_ACCESS_KEY|REGION[|SESSION_TOKEN]`. The channel's base
 * URL, when set, replaces `https://bedrock-runtime.{region}.amazonaws.com` (VPC endpoints,
 * tests); the signature always covers the host actually sent to.
 */
export function createBedrockAdapter(opts: { now?: () => Date } = {}): ProviderAdapter {
  const now = opts.now ?? (() => new Date());
  return {
    codec: anthropicCodec,
    streamContentType: /application\/vnd\.amazon\.eventstream/i,
    createFrameDecoder: createBedrockFrameDecoder,
    classifyError: classifyBedrockError,
    build: (input) => buildBedrockRequest(input, now()),
  };
}

export const bedrockAdapter: ProviderAdapter = createBedrockAdapter();

export function buildBedrockRequest(input: BuildInput, date: Date): UpstreamRequest {
  const { credentials, region } = parseBedrockKey(input.key);
  const ownHost = !input.baseUrl.trim();
  const host = ownHost ? `bedrock-runtime.${region}.amazonaws.com` : input.host;
  // The model id is one path segment: its ':' (and an ARN's '/') are percent-encoded, as the
  // AWS SDKs send them; the signer encodes the sent path once more, as the service does.
  const path = `${ownHost ? '' : input.basePath}/model/${encodeURIComponent(input.upstreamModel)}/${input.stream ? 'invoke-with-response-stream' : 'invoke'}`;
  const body = JSON.stringify(bedrockBody(input.body, input.passHeaders['anthropic-beta']));

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.extraHeaders)) headers[name.toLowerCase()] = value;
  delete headers.host;
  headers['content-type'] = 'application/json';
  // As documented per operation: InvokeModel takes the answer's type in `Accept`; the
  // streaming operation answers in the event stream and takes its chunks' type in
  // `X-Amzn-Bedrock-Accept` instead.
  if (input.stream) {
    delete headers.accept;
    headers['x-amzn-bedrock-accept'] = 'application/json';
  } else {
    headers.accept = 'application/json';
  }

  const toSign: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!UNSIGNED.has(name)) toSign[name] = value;
  const auth = signV4({ method: 'POST', host, path, headers: toSign, body, region, service: 'bedrock', credentials, date });
  return {
    ...(ownHost ? { origin: `https://${host}` } : {}),
    path,
    headers: { ...headers, ...auth },
    body,
  };
}

/**
 * The Anthropic body as Bedrock takes it: the model is in the URL and streaming in the
 * operation, so both fields go (Bedrock rejects them); `anthropic-beta` travels in the body
 * as `anthropic_beta` because Bedrock does not read Anthropic's headers.
 */
function bedrockBody(body: Readonly<Record<string, unknown>>, betaHeader: string | undefined): Record<string, unknown> {
  const { model: _model, stream: _stream, anthropic_version: _version, anthropic_beta: bodyBetas, ...rest } = body;
  const betas = new Set<string>();
  if (Array.isArray(bodyBetas)) for (const b of bodyBetas) if (typeof b === 'string' && b) betas.add(b);
  for (const b of (betaHeader ?? '').split(',')) if (b.trim()) betas.add(b.trim());
  return { anthropic_version: BEDROCK_ANTHROPIC_VERSION, ...(betas.size > 0 ? { anthropic_beta: [...betas] } : {}), ...rest };
}
