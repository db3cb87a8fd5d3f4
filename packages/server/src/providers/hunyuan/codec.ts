import type { UpstreamCodec } from '../provider-adapter.js';
import { decodeError } from './decode-error.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';

/**
 * The upstream half of Tencent Hunyuan's native `ChatCompletions` protocol (API 3.0,
 * version 2023-09-01). Its own protocol name keeps callers from being passed through to it.
 */
export const hunyuanCodec: UpstreamCodec = {
  protocol: 'hunyuan',
  encodeRequest,
  decodeResponse,
  createStreamDecoder,
  decodeError,
};
