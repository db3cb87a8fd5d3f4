// Starts the mock for OpenAI's extra endpoints (embeddings, legacy completions,
// moderations, image generation, speech, transcription/translation) plus a
// Jina/Cohere-style rerank. Wire formats are written from the providers' API
// references, independently of the gateway's code.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapturedRequest } from '../types.js';
import { handleEndpoint, type EndpointsState } from './handle.js';
import type { MockOpenAIEndpoints, MockOpenAIEndpointsOptions } from './types.js';

export const DEFAULT_COMPLETION_TEXT = 'This is a legacy completion from the mock.';

export async function startMockOpenAIEndpoints(opts: MockOpenAIEndpointsOptions = {}): Promise<MockOpenAIEndpoints> {
  const state: EndpointsState = {
    apiKeys: opts.apiKeys ? new Set(opts.apiKeys) : undefined,
    completionText: opts.completionText ?? DEFAULT_COMPLETION_TEXT,
    queue: [],
  };
  const requests: CapturedRequest[] = [];

  const server = createServer({ noDelay: true }, (req, res) => {
    const headers = flattenHeaders(req.headers);
    const record: CapturedRequest = { method: req.method ?? '', path: req.url ?? '', headers, body: undefined, at: Date.now() };
    requests.push(record);
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(parts);
      const { json, shown } = parseBody(raw, headers['content-type'] ?? '');
      record.body = shown;
      handleEndpoint(state, req, res, { headers, raw, json, capture: (b) => void (record.body = b) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    enqueue: (...scripts) => void state.queue.push(...scripts),
    reset: () => {
      state.queue.length = 0;
      requests.length = 0; // in place: tests may hold a reference to the array
    },
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })),
  };
}

/**
 * `json` feeds the handlers; `shown` is what requests[] records until a multipart
 * handler replaces it with the parsed fields (binary uploads are not worth a string).
 */
function parseBody(raw: Buffer, contentType: string): { json: unknown; shown: unknown } {
  if (raw.length === 0) return { json: undefined, shown: undefined };
  if (contentType.startsWith('multipart/')) return { json: undefined, shown: undefined };
  const text = raw.toString('utf8');
  try {
    const json = JSON.parse(text) as unknown;
    return { json, shown: json };
  } catch {
    return { json: undefined, shown: text };
  }
}

function flattenHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
