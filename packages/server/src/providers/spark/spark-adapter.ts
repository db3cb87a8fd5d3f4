import { channelTypeById } from '../channel-types.js';
import type { ProviderAdapter } from '../provider-adapter.js';
import { classifySparkError } from './classify-error.js';
import { sparkCodec } from './codec.js';
import { sparkChatPath } from './domains.js';
import { parseSparkKey } from './key.js';
import { createNdjsonFrameDecoder } from './ndjson-frames.js';
import { sparkAuthQuery, sparkDate } from './sign.js';
import { createSparkTransport, type SparkTransportOptions } from './transport.js';

/** Named in the error for a channel saved without a host: the spark-native preset's base URL. */
const PRESET_BASE_URL = channelTypeById('spark-native')?.baseUrl;

export interface SparkAdapterOptions extends SparkTransportOptions {
  /** Clock in milliseconds, for the signed `date` (tests pin it). */
  now?: () => number;
  /** Chat paths of domains the built-in table lacks (fine-tuned or newer models), e.g. `{ 'my-patch': '/v1.1/chat' }`. */
  paths?: Readonly<Record<string, string>>;
}

/**
 * iFlytek Spark native API: a WebSocket to wss://spark-api.xf-yun.com{path}, where the path
 * follows the model (its `domain`, see domains.ts), signed in the query (sign.ts). Key
 * `APPID|APISecret|APIKey`. The request is one frame; `build` puts it in the body with the
 * signed path and the stream flag, and `transport` carries the exchange (transport.ts).
 * Failures after the socket opened are frames with HTTP-like status 200 (errorsAsOk), sorted
 * by iFlytek's error code; a refused handshake keeps its HTTP status (401 for a bad signature).
 */
export function createSparkAdapter(opts: SparkAdapterOptions = {}): ProviderAdapter {
  const now = opts.now ?? Date.now;
  const transport = createSparkTransport(opts);
  return {
    codec: sparkCodec,
    build: ({ basePath, host, key, body, upstreamModel, stream, extraHeaders }) => {
      const creds = parseSparkKey(key);
      if (host === '') throw new Error(`a Spark channel needs a base URL (${PRESET_BASE_URL})`);
      const path = basePath + sparkChatPath(upstreamModel, opts.paths);
      const query = sparkAuthQuery({ apiKey: creds.apiKey, apiSecret: creds.apiSecret, host, path, date: sparkDate(now()) });
      const parameter = isRecord(body.parameter) ? body.parameter : {};
      const frame = {
        ...body,
        // The APPID is a credential, so the adapter (not the codec) adds it; the domain is the attempt's model.
        header: { ...(isRecord(body.header) ? body.header : {}), app_id: creds.appId },
        parameter: { ...parameter, chat: { ...(isRecord(parameter.chat) ? parameter.chat : {}), domain: upstreamModel } },
      };
      return { path: `${path}?${query}`, method: 'GET', headers: { ...extraHeaders }, body: JSON.stringify(frame), stream };
    },
    transport,
    streamContentType: /ndjson/,
    createFrameDecoder: createNdjsonFrameDecoder,
    errorsAsOk: true,
    classifyError: classifySparkError,
  };
}

export const sparkAdapter: ProviderAdapter = createSparkAdapter();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
