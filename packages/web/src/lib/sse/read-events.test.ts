import { describe, expect, it } from 'vitest';
import { readEvents, type SseEvent } from './read-events';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function all(chunks: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readEvents(streamOf(chunks))) events.push(event);
  return events;
}

const wire = 'event: delta\ndata: {"text":"你好"}\n\n: keep-alive\n\nevent: end\r\ndata: {"status":"done"}\r\n\r\ndata: a\ndata: b\n\n';
const expected = [
  { event: 'delta', data: '{"text":"你好"}' },
  { event: 'end', data: '{"status":"done"}' },
  { event: 'message', data: 'a\nb' },
];

describe('reading Server-Sent Events from a fetch body', () => {
  it('reads named events, skips comments, joins data lines and takes CRLF', async () => {
    expect(await all([wire])).toEqual(expected);
  });

  it('gives the same events however the bytes are split (multi-byte characters and CRLF included)', async () => {
    const bytes = new TextEncoder().encode(wire);
    for (let cut = 1; cut < bytes.length; cut++) {
      const decoder = new TextDecoder();
      const parts = [bytes.slice(0, cut), bytes.slice(cut)];
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      const events: SseEvent[] = [];
      for await (const event of readEvents(stream)) events.push(event);
      expect(events, `cut at ${cut} (${decoder.decode(parts[0])})`).toEqual(expected);
    }
  });
});
