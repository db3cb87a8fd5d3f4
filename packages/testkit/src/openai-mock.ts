// Starts the mock upstream and exposes its control surface (queue, capture, stats).
// Per-request behaviour lives in exchange.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockOpenAI, MockOpenAIOptions, MockStats } from './types.js';
import { DEFAULT_MODELS, handleExchange } from './exchange.js';
import type { MockState } from './exchange.js';

/** Fixed so /v1/models output is byte-identical between runs. */
const MODEL_CREATED = 1_700_000_000;

export async function startMockOpenAI(opts: MockOpenAIOptions = {}): Promise<MockOpenAI> {
  const state: MockState = {
    capture: opts.capture ?? true,
    apiKeys: opts.apiKeys ? new Set(opts.apiKeys) : undefined,
    // Built once: the model list never changes for the lifetime of a mock.
    modelsBody: JSON.stringify({
      object: 'list',
      data: (opts.models ?? DEFAULT_MODELS).map((id) => ({ id, object: 'model', created: MODEL_CREATED, owned_by: 'mock' })),
    }),
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

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    origin,
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

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
