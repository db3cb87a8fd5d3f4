import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Headers decided before the stream opened (CORS), as Fastify's reply.getHeaders() gives them. */
export type PresetHeaders = Readonly<Record<string, string | number | readonly string[] | undefined>>;
import { SSE_KEEPALIVE } from '@switchboard/protocol';

/**
 * A Server-Sent Events response written on Node's own response (no Fastify types), for
 * streams that outlive one answer: a job's events, a user's change notifications.
 */
const HEAD: OutgoingHttpHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  // nginx and friends buffer responses unless told not to; an event stream must not wait.
  'x-accel-buffering': 'no',
};

/** One SSE message. Data with line breaks becomes several `data:` lines, which clients join with "\n". */
export function sseMessage(event: string, data: string, id?: string): string {
  const lines = /[\r\n]/.test(data) ? data.split(/\r\n|\r|\n/).map((l) => `data: ${l}\n`).join('') : `data: ${data}\n`;
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\n${lines}\n`;
}

export class EventStream {
  private lastWrite = Date.now();
  private readonly timer: NodeJS.Timeout;

  /** Writes the head at once (so the client knows it is attached) and keeps the stream alive while it is quiet. */
  constructor(
    private readonly res: ServerResponse,
    keepAliveMs: number,
    headers: PresetHeaders = {},
  ) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.writeHead(200, HEAD);
    res.flushHeaders();
    this.timer = setInterval(() => {
      if (Date.now() - this.lastWrite >= keepAliveMs) this.write(SSE_KEEPALIVE);
    }, keepAliveMs);
    this.timer.unref();
  }

  /** True while the client is there to read. */
  get open(): boolean {
    return !this.res.destroyed && !this.res.writableEnded;
  }

  /** Bytes written but not yet taken by the client. */
  get backlog(): number {
    return this.res.writableLength;
  }

  /** Writes, then waits until the client has taken it (or left): a slow client slows the writer, never grows memory. */
  async send(text: string): Promise<void> {
    if (!this.write(text)) await drained(this.res);
  }

  /** Writes without waiting; false when the client is behind. */
  write(text: string): boolean {
    if (!this.open) return true;
    this.lastWrite = Date.now();
    return this.res.write(text);
  }

  end(): void {
    clearInterval(this.timer);
    if (this.open) this.res.end();
  }
}

/** Resolves when `res` can take more, or is gone. */
export function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
