import type { UpstreamCodec } from '../provider-adapter.js';
import { decodeError } from './decode-error.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';

/**
 * The upstream half of iFlytek Spark's native WebSocket chat protocol. Requests are one
 * frame; answers are frames — streamed one per `push`, or, for a non-stream call, collected by
 * the transport into a JSON array. Its own protocol name keeps callers from being passed
 * through to it.
 */
export const sparkCodec: UpstreamCodec = {
  protocol: 'spark',
  encodeRequest,
  decodeResponse,
  createStreamDecoder,
  decodeError,
};
