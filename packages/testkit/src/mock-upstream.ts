// Starts the mock upstream and exposes its control surface (queue, capture, stats).
// One server answers every protocol on its native paths (see router.ts); per-request
// behaviour lives in exchange.ts.
import { createPublicKey } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockStats, MockUpstream, MockUpstreamOptions } from './types.js';
import type { MockState } from './state.js';
import { handleExchange } from './exchange.js';
import {
  DEFAULT_ANTHROPIC_MODELS,
  DEFAULT_GEMINI_MODELS,
  DEFAULT_MODELS,
  anthropicModelList,
  geminiModelList,
  openaiModelList,
} from './model-lists.js';

export async function startMockUpstream(opts: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const vertexAuth = opts.vertexTokens !== undefined || opts.serviceAccountPublicKey !== undefined;
  const state: MockState = {
    capture: opts.capture ?? true,
    apiKeys: opts.apiKeys ? new Set(opts.apiKeys) : undefined,
    modelLists: {
      openai: openaiModelList(opts.models ?? DEFAULT_MODELS),
      anthropic: anthropicModelList(opts.anthropicModels ?? DEFAULT_ANTHROPIC_MODELS),
      gemini: geminiModelList(opts.geminiModels ?? DEFAULT_GEMINI_MODELS),
    },
    // Configuring a service account alone already locks Vertex to the tokens it gets.
    vertexTokens: vertexAuth ? new Set(opts.vertexTokens ?? []) : undefined,
    serviceAccount: opts.serviceAccountPublicKey
      ? { publicKey: createPublicKey(opts.serviceAccountPublicKey), email: opts.serviceAccountEmail }
      : undefined,
    tokenUrl: '',
    defaults: opts.defaults ?? {},
    queue: [],
    requests: [],
    counters: { completed: 0, aborted: 0, active: 0, faulted: 0 },
  };

  const server = createServer({ noDelay: true }, (req, res) => handleExchange(state, req, res));
  // Load tests reuse connections: outlive typical client idle timeouts, and keep
  // headersTimeout above keepAliveTimeout as Node advises.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  state.tokenUrl = `${origin}/token`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    origin,
    tokenUrl: state.tokenUrl,
    requests: state.requests,
    enqueue: (...scripts) => void state.queue.push(...scripts),
    setDefaults: (script) => void (state.defaults = script),
    reset: () => {
      state.queue.length = 0;
      state.requests.length = 0; // in place: tests may hold a reference to the array
      state.counters.completed = 0;
      state.counters.aborted = 0;
      state.counters.faulted = 0;
      // `active` is live in-flight state, not a counter, so it is left alone.
    },
    stats: (): MockStats => ({ ...state.counters }),
    waitFor,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Hanging responses and idle keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      })),
  };
}

/** The original name: the mock started as OpenAI-only, and existing callers keep using it. */
export const startMockOpenAI = startMockUpstream;

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
