import type { ProviderAdapter } from '../provider-adapter.js';
import { classifyHunyuanError } from './classify-error.js';
import { hunyuanCodec } from './codec.js';
import { parseHunyuanKey } from './key.js';
import { tc3Authorization } from './tc3.js';

const HUNYUAN_ACTION = 'ChatCompletions';
const HUNYUAN_VERSION = '2023-09-01';
/** The TC3 service name: the product part of hunyuan.tencentcloudapi.com, fixed whatever host a proxy uses. */
const HUNYUAN_SERVICE = 'hunyuan';
/** Sent and signed exactly like this: a charset added on the way would break the signature. */
const CONTENT_TYPE = 'application/json';

export interface HunyuanAdapterOptions {
  /** Clock in milliseconds, for the signed `X-TC-Timestamp` (tests pin it). */
  now?: () => number;
}

/**
 * Tencent Hunyuan native API: POST {base}/ with `X-TC-Action: ChatCompletions`,
 * `X-TC-Version: 2023-09-01`, `X-TC-Timestamp` and a TC3-HMAC-SHA256 `Authorization`
 * signed over content-type, host and the exact body. Key `SecretId|SecretKey` (or Chat
 * Nio's `AppId|SecretId|SecretKey`). `X-TC-Region` is optional for this API; set it as a
 * channel extra header when an account needs one. Failures, auth included, come back as
 * HTTP 200 with `Response.Error`, which the codec's `decodeError` reads and
 * `classifyError` sorts by Tencent's error code (whatever the status).
 */
export function createHunyuanAdapter(opts: HunyuanAdapterOptions = {}): ProviderAdapter {
  const now = opts.now ?? Date.now;
  return {
    codec: hunyuanCodec,
    build: ({ basePath, host, key, body, upstreamModel, stream, extraHeaders }) => {
      const creds = parseHunyuanKey(key);
      const payload = JSON.stringify({ ...body, Model: upstreamModel, Stream: stream });
      const timestamp = Math.floor(now() / 1000);
      const path = basePath === '' ? '/' : basePath;
      const authorization = tc3Authorization(creds, HUNYUAN_SERVICE, timestamp, {
        method: 'POST',
        uri: path,
        query: '',
        contentType: CONTENT_TYPE,
        host,
        payload,
      });
      return {
        path,
        headers: {
          ...extraHeaders,
          'content-type': CONTENT_TYPE,
          'x-tc-action': HUNYUAN_ACTION,
          'x-tc-version': HUNYUAN_VERSION,
          'x-tc-timestamp': String(timestamp),
          authorization,
        },
        body: payload,
      };
    },
    errorsAsOk: true,
    classifyError: classifyHunyuanError,
  };
}

export const hunyuanAdapter: ProviderAdapter = createHunyuanAdapter();
