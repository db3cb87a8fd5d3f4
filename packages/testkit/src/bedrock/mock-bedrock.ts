// Starts the AWS Bedrock runtime mock: InvokeModel and InvokeModelWithResponseStream
// for Anthropic models, behind SigV4. Independent of the gateway's code on purpose
// (its own signer, its own event-stream encoder), so it can catch the gateway's bugs.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapturedRequest } from '../types.js';
import { handleBedrock, type BedrockState } from './handle.js';
import type { MockBedrock, MockBedrockOptions } from './types.js';

export const DEFAULT_BEDROCK_TEXT = 'Hello from the Bedrock mock. How can I help you today?';

export async function startMockBedrock(opts: MockBedrockOptions): Promise<MockBedrock> {
  const state: BedrockState = {
    verify: {
      accessKeyId: opts.accessKeyId,
      secretAccessKey: opts.secretAccessKey,
      region: opts.region,
      sessionToken: opts.sessionToken,
      maxClockSkewMs: opts.maxClockSkewMs ?? 5 * 60_000,
    },
    defaultText: opts.text ?? DEFAULT_BEDROCK_TEXT,
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
      // The raw bytes are kept: the signature covers them, not their JSON parse.
      const raw = Buffer.concat(parts);
      record.body = parseBody(raw);
      handleBedrock(state, req, res, headers, raw, record.body);
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
    url: origin,
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

function parseBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function flattenHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
