import type { UpstreamCodec } from '../provider-adapter.js';
import { decodeError } from './decode-error.js';
import { decodeResponse } from './decode-response.js';
import { createStreamDecoder } from './decode-stream.js';
import { encodeRequest } from './encode-request.js';

/**
 * The upstream half of Alibaba DashScope's native text/multimodal generation protocol.
 * Its own protocol name keeps callers from ever being passed through to it.
 */
export const dashscopeCodec: UpstreamCodec = {
  protocol: 'dashscope',
  encodeRequest,
  decodeResponse,
  createStreamDecoder,
  decodeError,
};
