import type { ProtocolCodec } from '../../ir.js';
import { decodeRequest } from './decode-request.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';
import { encodeResponse } from './encode-response.js';
import { createStreamEncoder } from './encode-stream.js';
import { decodeError, encodeError } from './errors.js';

/** OpenAI Chat Completions (`POST /v1/chat/completions`) ↔ IR. */
export const openaiChatCodec: ProtocolCodec = {
  protocol: 'openai-chat',
  decodeRequest,
  encodeRequest,
  decodeResponse,
  encodeResponse,
  createStreamDecoder,
  createStreamEncoder,
  decodeError,
  encodeError,
};

export {
  createStreamDecoder,
  createStreamEncoder,
  decodeError,
  decodeRequest,
  decodeResponse,
  encodeError,
  encodeRequest,
  encodeResponse,
};
export { errorType } from './errors.js';
export { finishReasonToIr, irToFinishReason } from './map-stop-reason.js';
export { irToUsage, usageToIr, type EncodedUsage } from './map-usage.js';
export {
  requestSchema,
  responseSchema,
  type WireChunk,
  type WireMessage,
  type WireRequest,
  type WireResponse,
  type WireUsage,
} from './schema.js';
