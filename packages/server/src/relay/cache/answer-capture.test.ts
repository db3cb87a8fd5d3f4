import type { IrStreamEvent } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { AnswerCapture } from './answer-capture.js';

const usage = { input: 3, output: 4 };
const events: IrStreamEvent[] = [
  { type: 'start', id: 'msg_1', model: 'm', created: 1 },
  { type: 'reasoning-delta', index: 0, text: 'think' },
  { type: 'reasoning-signature', index: 0, signature: 'sig' },
  { type: 'text-delta', index: 1, text: 'Hel' },
  { type: 'text-delta', index: 1, text: 'lo' },
  { type: 'tool-call-start', index: 2, id: 'call_1', name: 'w' },
  { type: 'tool-call-delta', index: 2, arguments: '{"c":' },
  { type: 'tool-call-delta', index: 2, arguments: '1}' },
  { type: 'finish', stopReason: 'tool-calls' },
  { type: 'usage', usage },
];

const capture = (list: IrStreamEvent[], max = 10_000) => {
  const c = new AnswerCapture(max);
  for (const e of list) c.event(e);
  return c.answer();
};

describe('AnswerCapture', () => {
  it('assembles stream events into the whole answer', () => {
    expect(capture(events)).toEqual({
      id: 'msg_1',
      content: [
        { type: 'reasoning', text: 'think', signature: 'sig' },
        { type: 'text', text: 'Hello' },
        { type: 'tool-call', id: 'call_1', name: 'w', arguments: '{"c":1}' },
      ],
      stopReason: 'tool-calls',
      usage,
    });
  });

  it('keeps nothing of an answer that did not finish, failed, ended abnormally or is too big', () => {
    expect(capture(events.filter((e) => e.type !== 'finish'))).toBeUndefined();
    expect(capture([...events.slice(0, 4), { type: 'error', message: 'overloaded' }, ...events.slice(4)])).toBeUndefined();
    expect(capture([events[0]!, events[3]!, { type: 'finish', stopReason: 'error' }])).toBeUndefined();
    expect(capture(events, 8)).toBeUndefined();
  });

  it('decodes OpenAI stream events and JSON of the fast path only when asked', () => {
    const frames = [
      '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}',
      '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
      '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":2,"completion_tokens":1,"total_tokens":3}}',
      '[DONE]',
    ];
    const c = new AnswerCapture(10_000);
    for (const f of frames) c.openaiFrame(f);
    expect(c.answer()).toMatchObject({ id: 'chatcmpl-1', content: [{ type: 'text', text: 'Hi' }], stopReason: 'end', usage: { input: 2, output: 1 } });

    // Cut off before any finish and before [DONE]: not an answer.
    const cut = new AnswerCapture(10_000);
    cut.openaiFrame(frames[0]!);
    expect(cut.answer()).toBeUndefined();

    const json = new AnswerCapture(10_000);
    json.openaiJson('{"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Yo"},"finish_reason":"length"}]}');
    expect(json.answer()).toMatchObject({ id: 'chatcmpl-2', content: [{ type: 'text', text: 'Yo' }], stopReason: 'length' });
  });
});
