import type { ProtocolCodec } from '../../ir.js';
import { decodeRequest } from './decode-request.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';
import { encodeResponse } from './encode-response.js';
import { createStreamEncoder } from './encode-stream.js';
import { decodeError, encodeError } from './errors.js';

/** Anthropic Messages (`POST /v1/messages`) ↔ IR. */
export const anthropicCodec: ProtocolCodec = {
  protocol: 'anthropic',
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
export {
  DEFAULT_MAX_TOKENS,
  EFFORT_BUDGETS,
  MIN_THINKING_BUDGET,
  PLACEHOLDER_USER_TEXT,
  THINKING_HEADROOM,
} from './encode-request.js';
export { errorTypeForStatus } from './errors.js';
export { stopReasonFromWire, stopReasonToWire } from './map-stop-reason.js';
export { usageFromWire, usageToWire } from './usage.js';
export {
  messagesRequestSchema,
  messageResponseSchema,
  type AnthropicContentBlockParam,
  type AnthropicErrorBody,
  type AnthropicMessage,
  type AnthropicMessageParam,
  type AnthropicMessagesRequest,
  type AnthropicResponseContentBlock,
  type AnthropicStopReason,
  type AnthropicStreamEvent,
  type AnthropicTool,
  type AnthropicUsage,
} from './schema.js';
