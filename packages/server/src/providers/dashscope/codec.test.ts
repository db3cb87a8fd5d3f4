import { readFileSync } from 'node:fs';
import { SseDecoder, type IrRequest, type IrStreamEvent } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dashscopeCodec } from './codec.js';

// Golden files: request IR → wire body, wire answer → IR, stream SSE text → IR events.
const fixture = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));

/** Feeds SSE text through the same frame decoder the relay core uses, then the codec. */
function decodeSse(text: string): IrStreamEvent[] {
  const frames = new SseDecoder();
  const decoder = dashscopeCodec.createStreamDecoder();
  const events: IrStreamEvent[] = [];
  for (const frame of [...frames.push(text), ...frames.end()]) events.push(...decoder.push(frame));
  events.push(...decoder.end());
  return events;
}

describe('DashScope codec (golden files)', () => {
  // DashScope answers carry no creation time: the decoders stamp the decode time.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_700_000_000_000);
  });
  afterEach(() => void vi.useRealTimers());

  it.each(['chat', 'vision'])('encodes request %s', (name) => {
    expect(dashscopeCodec.encodeRequest(json(`request-${name}.ir.json`) as IrRequest)).toEqual(json(`request-${name}.wire.json`));
  });

  it.each(['tools', 'vision', 'length'])('decodes answer %s', (name) => {
    expect(dashscopeCodec.decodeResponse(json(`response-${name}.wire.json`))).toEqual(json(`response-${name}.ir.json`));
  });

  it.each(['thinking', 'tools', 'error'])('decodes stream %s', (name) => {
    expect(decodeSse(fixture(`stream-${name}.sse`))).toEqual(json(`stream-${name}.events.json`));
  });
});

describe('DashScope codec edge cases', () => {
  it('reads error bodies and ignores answers', () => {
    expect(dashscopeCodec.decodeError({ code: 'InvalidApiKey', message: 'Invalid API-key provided.', request_id: 'r' })).toEqual({
      message: 'Invalid API-key provided.',
      code: 'InvalidApiKey',
      type: 'InvalidApiKey',
    });
    expect(dashscopeCodec.decodeError(json('response-tools.wire.json'))).toBeUndefined();
    expect(dashscopeCodec.decodeError('nope')).toBeUndefined();
  });

  it('rejects a body that is not an answer', () => {
    expect(() => dashscopeCodec.decodeResponse({ code: 'x' })).toThrow(/not a DashScope answer/);
  });

  it('holds the cumulative usage of a stream cut short until the end', () => {
    const decoder = dashscopeCodec.createStreamDecoder();
    const data = '{"output":{"choices":[{"message":{"content":"Hi"},"finish_reason":"null"}]},"usage":{"input_tokens":3,"output_tokens":1},"request_id":"r"}';
    const first = decoder.push({ event: 'result', data });
    expect(first.map((e) => e.type)).toEqual(['start', 'text-delta']);
    // No finish was ever sent: none is invented, but the usage so far is not lost.
    expect(decoder.end()).toEqual([{ type: 'usage', usage: { input: 3, output: 1 } }]);
  });

  it('reports data that is not JSON as an error and stops reading', () => {
    const decoder = dashscopeCodec.createStreamDecoder();
    expect(decoder.push({ data: '<html>' })).toMatchObject([{ type: 'error' }]);
    expect(decoder.push({ data: '{"output":{"text":"late"}}' })).toEqual([]);
  });
});
