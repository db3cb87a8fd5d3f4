// Argument parsing for the standalone mock, separate from cli.ts so it can be
// unit-tested without starting a process.
import { parseArgs } from 'node:util';
import type { MockOpenAIOptions } from './types.js';

export function parseCliArgs(argv: string[]): MockOpenAIOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      latency: { type: 'string' },
      'chunk-delay': { type: 'string' },
      'api-key': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
    return n;
  };
  const latencyMs = int('latency', values.latency);
  const chunkDelayMs = int('chunk-delay', values['chunk-delay']);
  return {
    port: int('port', values.port) ?? 9100,
    // A load-test target must not grow memory with every request.
    capture: false,
    ...(values['api-key'] ? { apiKeys: values['api-key'] } : {}),
    defaults: {
      ...(latencyMs ? { latencyMs } : {}),
      ...(chunkDelayMs ? { chunkDelayMs } : {}),
    },
  };
}
