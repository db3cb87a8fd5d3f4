import { clipped, type IrProtocol, type ProtocolCodec } from '@switchboard/protocol';
import { openAIErrorType, type AppError } from './errors.js';

/**
 * Which error shape a request's errors take, and the body in that shape. Each route family
 * answers in the shape its clients parse: `/api` → `{error:{code,message}}`; `/v1` → OpenAI's
 * envelope, Anthropic's error object on `/v1/messages`; `/v1beta` → Google's
 * `{error:{code,message,status}}`. A matched /v1 route names its caller's protocol itself
 * (`request.errorProtocol`); everything Fastify refuses before or without a route (404, a bad
 * URL, a parameter too long, a body it cannot parse, a closing server) is placed by its path.
 */

/** `null` is the /api shape. */
export type ErrorShape = IrProtocol | null;

/**
 * Where the Anthropic and Gemini error encoders come from: the relay's codec loader, handed in by
 * the app, so this layer loads no codec of its own and does not depend on the relay.
 */
export type CodecSource = (protocol: IrProtocol) => ProtocolCodec | Promise<ProtocolCodec>;

/** No error message leaves longer than this, whatever it quotes. */
const MESSAGE_MAX = 1000;

export function errorShapeForPath(url: string): ErrorShape {
  const path = url.split('?', 1)[0]!;
  if (path === '/v1beta' || path.startsWith('/v1beta/')) return 'gemini';
  if (path === '/v1/messages' || path.startsWith('/v1/messages/')) return 'anthropic';
  if (path === '/v1' || path.startsWith('/v1/')) return 'openai-chat';
  // OpenAI's billing endpoints are also served without the /v1 prefix.
  if (path.startsWith('/dashboard/billing/')) return 'openai-chat';
  return null;
}

/** The error body in `shape`; a promise only the first time a lazily loaded codec is needed. */
export function errorBody(shape: ErrorShape, error: AppError, codecs: CodecSource): unknown {
  const message = clipped(error.message, MESSAGE_MAX);
  if (shape === null) return { error: { code: error.code, message } };
  if (shape === 'openai-chat' || shape === 'openai-responses') {
    return { error: { message, type: openAIErrorType(error.status, error.type), param: null, code: error.code } };
  }
  const codec = codecs(shape);
  return codec instanceof Promise
    ? codec.then((c) => c.encodeError(error.status, message, error.code))
    : codec.encodeError(error.status, message, error.code);
}
