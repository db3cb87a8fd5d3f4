import { readFileSync } from 'node:fs';
import type { IrRequest, IrStreamEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { sparkCodec } from './codec.js';
import { createNdjsonFrameDecoder } from './ndjson-frames.js';

// Golden files: request IR → request frame, answer frames → IR, frame streams → IR events.
// The frames follow the examples of iFlytek's Web API document (its sid included).
const fixture = (name: string): string => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));

/** The ndjson body as the relay reads it: split by the adapter's frame decoder, fed to the codec. */
function decodeNdjson(text: string, chunk = 7): IrStreamEvent[] {
  const frames = createNdjsonFrameDecoder();
  const decoder = sparkCodec.createStreamDecoder();
  const bytes = Buffer.from(text);
  const events: IrStreamEvent[] = [];
  // Odd-sized chunks split lines and multi-byte characters alike.
  for (let i = 0; i < bytes.length; i += chunk) for (const f of frames.push(bytes.subarray(i, i + chunk))) events.push(...decoder.push(f));
  for (const f of frames.end()) events.push(...decoder.push(f));
  events.push(...decoder.end());
  return events;
}

describe('Spark codec (golden files)', () => {
  it('encodes the request frame', () => {
    expect(sparkCodec.encodeRequest(json('request-chat.ir.json') as IrRequest)).toEqual(json('request-chat.wire.json'));
  });

  it.each(['text', 'tools', 'reasoning'])('decodes answer %s', (name) => {
    expect(sparkCodec.decodeResponse(json(`response-${name}.frames.json`))).toEqual(json(`response-${name}.ir.json`));
  });

  it.each(['text', 'tools', 'reasoning', 'error'])('decodes stream %s', (name) => {
    expect(decodeNdjson(fixture(`stream-${name}.ndjson`))).toEqual(json(`stream-${name}.events.json`));
  });
});

describe('Spark codec edge cases', () => {
  const base: IrRequest = { model: 'lite', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false };
  const tools = [
    { name: 'a', parameters: { type: 'object' } },
    { name: 'b', parameters: { type: 'object' } },
  ];

  it('expresses tool choice by the functions it offers', () => {
    const offered = (over: Partial<IrRequest>) => (sparkCodec.encodeRequest({ ...base, tools, ...over }).payload as { functions?: { text: Array<{ name: string }> } }).functions?.text.map((f) => f.name);
    expect(offered({ toolChoice: { type: 'none' } })).toBeUndefined();
    expect(offered({ toolChoice: { type: 'tool', name: 'b' } })).toEqual(['b']);
    expect(offered({ toolChoice: { type: 'required' } })).toEqual(['a', 'b']);
  });

  it('clamps to Spark’s ranges and hashes a long user id', () => {
    const frame = sparkCodec.encodeRequest({ ...base, maxOutputTokens: 9000, topK: 0, user: 'x'.repeat(40) }) as { header: { uid: string }; parameter: { chat: Record<string, unknown> } };
    expect(frame.parameter.chat).toEqual({ domain: 'lite', max_tokens: 4096, top_k: 1 });
    expect(frame.header.uid).toMatch(/^[0-9a-f]{32}$/);
    const unknown = sparkCodec.encodeRequest({ ...base, model: 'my-patch', maxOutputTokens: 20000 }) as { parameter: { chat: Record<string, unknown> } };
    expect(unknown.parameter.chat.max_tokens).toBe(20000);
  });

  it('reads error frames, alone or first in an exchange', () => {
    const error = { header: { code: 10013, message: '输入内容审核不通过，涉嫌违规，请重新调整输入内容', sid: 'cht1', status: 2 } };
    expect(sparkCodec.decodeError(error)).toEqual({ message: '输入内容审核不通过，涉嫌违规，请重新调整输入内容', code: '10013' });
    expect(sparkCodec.decodeError([...(json('response-text.frames.json') as unknown[]).slice(0, 1), error])).toMatchObject({ code: '10013' });
    expect(sparkCodec.decodeError({ header: { code: 11200, sid: 'x', status: 2 } })).toEqual({ message: 'Spark error 11200', code: '11200' });
    expect(sparkCodec.decodeError(json('response-text.frames.json'))).toBeUndefined();
    expect(sparkCodec.decodeError({ message: 'HMAC signature does not match' })).toBeUndefined();
  });

  it('refuses an error or an exchange without its last frame as an answer', () => {
    expect(() => sparkCodec.decodeResponse([{ header: { code: 10013, message: 'no', status: 2 } }])).toThrow(/not a Spark answer/);
    expect(() => sparkCodec.decodeResponse((json('response-text.frames.json') as unknown[]).slice(0, 2))).toThrow(/last frame/);
    expect(() => sparkCodec.decodeResponse({ choices: [] })).toThrow(/not a Spark answer/);
  });

  it('does not invent a finish for a stream cut short, and reports data that is not a frame', () => {
    const decoder = sparkCodec.createStreamDecoder();
    const [first] = fixture('stream-text.ndjson').split('\n');
    expect(decoder.push({ data: first! }).map((e) => e.type)).toEqual(['start', 'text-delta']);
    expect(decoder.end()).toEqual([]);
    const broken = sparkCodec.createStreamDecoder();
    expect(broken.push({ data: '<html>' })).toEqual([{ type: 'error', message: 'upstream sent a frame that is not JSON: <html>' }]);
    expect(broken.push({ data: first! })).toEqual([]);
  });

  it('gives text after a tool call its own index', () => {
    const decoder = sparkCodec.createStreamDecoder();
    const frame = {
      header: { code: 0, sid: 's', status: 2 },
      payload: { choices: { status: 2, text: [{ content: '', function_call: { name: 'f', arguments: '' } }, { content: 'done' }] } },
    };
    expect(decoder.push({ data: JSON.stringify(frame) })).toEqual([
      { type: 'start', id: 's', model: '', created: 0 },
      { type: 'tool-call-start', index: 0, id: 'call_s_0', name: 'f' },
      { type: 'tool-call-delta', index: 0, arguments: '{}' },
      { type: 'text-delta', index: 1, text: 'done' },
      { type: 'finish', stopReason: 'tool-calls' },
    ]);
  });
});
