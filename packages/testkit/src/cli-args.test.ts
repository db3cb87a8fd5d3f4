import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('maps flags to mock options and disables capture', () => {
    expect(parseCliArgs(['--port', '9100', '--latency', '20', '--chunk-delay', '3', '--api-key', 'sk-x'])).toEqual({
      port: 9100,
      capture: false,
      apiKeys: ['sk-x'],
      defaults: { latencyMs: 20, chunkDelayMs: 3 },
    });
  });

  it('rejects malformed numbers and unknown flags', () => {
    expect(() => parseCliArgs(['--latency', 'soon'])).toThrow(/--latency/);
    expect(() => parseCliArgs(['--verbose'])).toThrow();
  });
});
