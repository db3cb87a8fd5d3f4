import type { ProtocolCodec } from '../../ir.js';
import { decodeRequest } from './decode-request.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';
import { encodeResponse } from './encode-response.js';
import { createStreamEncoder } from './encode-stream.js';
import { decodeError, encodeError } from './errors.js';

/** Google Gemini `generateContent` / `streamGenerateContent?alt=sse` (v1beta REST). */
export const geminiCodec: ProtocolCodec = {
  protocol: 'gemini',
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
export { decodeError, encodeError, googleStatusForHttp } from './errors.js';
export { decodeFinishReason, encodeFinishReason } from './map-finish-reason.js';
export { decodeUsage, encodeUsage } from './map-usage.js';
export { EFFORT_THINKING_BUDGET } from './encode-request.js';
export {
  generateContentRequestSchema,
  generateContentResponseSchema,
  errorBodySchema,
  type GeminiRequest,
  type GeminiResponse,
  type GeminiContent,
  type GeminiPart,
  type GeminiCandidate,
  type GeminiUsageMetadata,
  type GeminiGenerationConfig,
  type GeminiThinkingConfig,
  type GeminiTool,
  type GeminiToolConfig,
  type GeminiFunctionDeclaration,
  type GeminiFunctionCall,
  type GeminiFunctionResponse,
  type GeminiErrorBody,
  type GeminiOutPart,
  type GeminiOutContent,
} from './schema.js';
