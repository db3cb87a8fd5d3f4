import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryKv } from '../../kv/memory-kv.js';
import type { ConversationChange } from '../change-feed.js';
import { ChatChangeStream } from './chat-change-stream.js';

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('ChatChangeStream', () => {
  it("hands each user's changes to that user's listeners until they stop listening, and drops messages that do not fit", async () => {
    const kv = new MemoryKv();
    const stream = new ChatChangeStream(kv, pino({ level: 'silent' }));
    await stream.start();
    const got: Array<[string, ConversationChange]> = [];
    const stopA = stream.listen(1, (c) => got.push(['a', c]));
    stream.listen(2, (c) => got.push(['b', c]));
    stream.publish(1, { conversation_id: 'c1', kind: 'changed', updated_at: 10 });
    await kv.publish('chat-changes', '{not json');
    await kv.publish('chat-changes', JSON.stringify({ userId: 1, change: { conversation_id: 'c2', kind: 'renamed', updated_at: 11 } }));
    await settle();
    stopA();
    stream.publish(1, { conversation_id: 'c3', kind: 'changed', updated_at: 12 });
    stream.publish(2, { conversation_id: null, kind: 'deleted', updated_at: 13 });
    await settle();
    expect(got).toEqual([
      ['a', { conversation_id: 'c1', kind: 'changed', updated_at: 10 }],
      ['b', { conversation_id: null, kind: 'deleted', updated_at: 13 }],
    ]);
  });
});
