import { readFileSync } from 'node:fs';
import { SseDecoder, type IrRequest, type IrStreamEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { hunyuanCodec } from './codec.js';

// Golden files: request IR → wire body, wire answer → IR, stream SSE text → IR events.
// The answers and streams are the examples of Tencent's ChatCompletions reference.
const fixture = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));

function decodeSse(text: string): IrStreamEvent[] {
  const frames = new SseDecoder();
  const decoder = hunyuanCodec.createStreamDecoder();
  const events: IrStreamEvent[] = [];
  for (const frame of [...frames.push(text), ...frames.end()]) events.push(...decoder.push(frame));
  events.push(...decoder.end());
  return events;
}

describe('Hunyuan codec (golden files)', () => {
  it.each(['chat', 'vision'])('encodes request %s', (name) => {
    expect(hunyuanCodec.encodeRequest(json(`request-${name}.ir.json`) as IrRequest)).toEqual(json(`request-${name}.wire.json`));
  });

  it.each(['text', 'tools', 'reasoning'])('decodes answer %s', (name) => {
    expect(hunyuanCodec.decodeResponse(json(`response-${name}.wire.json`))).toEqual(json(`response-${name}.ir.json`));
  });

  it.each(['text', 'tools', 'error'])('decodes stream %s', (name) => {
    expect(decodeSse(fixture(`stream-${name}.sse`))).toEqual(json(`stream-${name}.events.json`));
  });
});

describe('Hunyuan codec edge cases', () => {
  it('reads API 3.0 errors (HTTP 200) and in-stream errors', () => {
    // Example 3 of the reference.
    const body = { Response: { RequestId: '188cc996-ab09-49a7-aa9f-1df88f11c6b4', Error: { Code: 'InvalidParameter', Message: 'Temperature must be 2 or less' } } };
    expect(hunyuanCodec.decodeError(body)).toEqual({ message: 'Temperature must be 2 or less', code: 'InvalidParameter', type: 'InvalidParameter' });
    expect(hunyuanCodec.decodeError({ Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad' } } })).toMatchObject({
      code: 'AuthFailure.SignatureFailure',
      type: 'AuthFailure',
    });
    expect(hunyuanCodec.decodeError({ ErrorMsg: { Msg: '服务内部异常', Code: 4000 } })).toEqual({ message: '服务内部异常', code: '4000' });
    expect(hunyuanCodec.decodeError(json('response-text.wire.json'))).toBeUndefined();
  });

  it('refuses an error envelope as an answer', () => {
    expect(() => hunyuanCodec.decodeResponse({ Response: { Error: { Code: 'X', Message: 'y' }, RequestId: 'r' } })).toThrow(/not a Hunyuan answer/);
  });

  it('keeps the usage of a stream cut short, without inventing a finish', () => {
    const decoder = hunyuanCodec.createStreamDecoder();
    const data = '{"Choices":[{"FinishReason":"","Delta":{"Content":"半"}}],"Id":"x","Created":1,"Usage":{"PromptTokens":2,"CompletionTokens":1}}';
    expect(decoder.push({ data }).map((e) => e.type)).toEqual(['start', 'text-delta']);
    expect(decoder.end()).toEqual([{ type: 'usage', usage: { input: 2, output: 1 } }]);
  });
});
