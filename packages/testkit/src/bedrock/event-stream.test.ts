// The event-stream encoder against known-good frames (byte-exact vectors published
// with an independent implementation of AWS's event-stream encoding).
import { describe, expect, it } from 'vitest';
import { encodeMessage } from './event-stream.js';

describe('event-stream encoding', () => {
  it('frames a payload without headers', () => {
    const frame = encodeMessage([], Buffer.from('{"foo": "bar"}'));
    expect([...frame]).toEqual([0, 0, 0, 30, 0, 0, 0, 0, 186, 242, 246, 138, ...Buffer.from('{"foo": "bar"}'), 174, 114, 88, 228]);
  });

  it('frames a string header', () => {
    const frame = encodeMessage([['content-type', 'application/json']], Buffer.from('{"foo": "bar"}'));
    expect([...frame]).toEqual([
      0, 0, 0, 62, 0, 0, 0, 32, 64, 93, 249, 70,
      12, ...Buffer.from('content-type'), 7, 0, 16, ...Buffer.from('application/json'),
      ...Buffer.from('{"foo": "bar"}'),
      111, 162, 191, 59,
    ]);
  });
});
