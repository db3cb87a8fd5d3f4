import type { ProtocolCodec } from '../../ir.js';
import { decodeRequest } from './decode-request.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';
import { encodeResponse } from './encode-response.js';
import { createStreamEncoder } from './encode-stream.js';
import { decodeError, encodeError } from './errors.js';

/**
 * The OpenAI Responses API (`POST /v1/responses`) as a ProtocolCodec: inbound for callers
 * using `client.responses.create()`, outbound for upstreams that speak Responses.
 * What each direction drops or approximates is listed at the top of each `encode-*.ts` /
 * `decode-*.ts` file.
 */
export const openaiResponsesCodec: ProtocolCodec = {
  protocol: 'openai-responses',
  decodeRequest,
  encodeRequest,
  decodeResponse,
  encodeResponse,
  createStreamDecoder,
  createStreamEncoder,
  decodeError,
  encodeError,
};

export { decodeRequest, encodeRequest, decodeResponse, encodeResponse, createStreamDecoder, createStreamEncoder };
export { decodeError, encodeError, errorTypeForStatus } from './errors.js';
export { stopReasonFromStatus, statusFromStopReason } from './map-status.js';
export { requestSchema, responseSchema } from './schema.js';
export type {
  ResponsesRequest,
  ResponsesWireResponse,
  ResponsesResponseBody,
  ResponsesOutputItem,
  ResponsesOutputMessage,
  ResponsesReasoningItem,
  ResponsesFunctionCall,
  ResponsesUsage,
  ResponsesErrorBody,
} from './schema.js';
