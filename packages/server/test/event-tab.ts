import { request, type IncomingMessage } from 'node:http';
import { SseDecoder, type SseEvent } from '@switchboard/protocol';

/** An open event stream, as a browser tab holds it: the events read so far, and a way to wait for more. */
export interface Tab {
  status: number;
  contentType: string | undefined;
  accelBuffering: string | string[] | undefined;
  events: SseEvent[];
  comments(): number;
  /** Resolves once `count` events arrived (rejects after `timeoutMs`, default 3 s). */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `path` as an event stream over node:http on a connection of its own: closing it closes
 * that connection (fetch's pool may open a spare connection after an abort, which would hold the
 * server's close).
 */
export async function openTab(base: string, path: string, token: string | undefined, headers: Record<string, string> = {}): Promise<Tab> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    request(`${base}${path}`, { agent: false, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, resolve)
      .on('error', reject)
      .end();
  });
  const decoder = new SseDecoder();
  const events: SseEvent[] = [];
  const ended = (async () => {
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) events.push(...decoder.push(chunk));
    } catch {
      // closed by this side
    }
  })();
  return {
    status: res.statusCode!,
    contentType: res.headers['content-type'],
    accelBuffering: res.headers['x-accel-buffering'],
    events,
    comments: () => decoder.comments,
    async waitFor(count, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`${events.length} of ${count} events arrived`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return events;
    },
    ended,
    close: () => res.destroy(),
  };
}
