import type { ServerResponse } from 'node:http';
import { SSE_KEEPALIVE } from '@switchboard/protocol';
import { drained } from '../../http/event-stream.js';
import type { StreamSink } from '../generate/call-output.js';

/**
 * The client side of a relayed stream. Nothing is sent until the first write ("commit"),
 * so a failure before it can still be retried elsewhere or answered with a normal JSON
 * error. Writes respect backpressure: a slow client slows the upstream read, never
 * buffers the whole answer in memory.
 */
export class SseWriter implements StreamSink {
  private committed = false;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly commitHeaders: () => void,
  ) {}

  get isCommitted(): boolean {
    return this.committed;
  }

  /** Sends `: keep-alive` comments whenever the stream has been quiet for `intervalMs`. */
  startKeepAlive(intervalMs: number): void {
    this.lastWrite = Date.now();
    this.timer = setInterval(() => {
      if (Date.now() - this.lastWrite >= intervalMs && !this.res.destroyed) void this.write(SSE_KEEPALIVE);
    }, Math.max(50, Math.floor(intervalMs / 2)));
    this.timer.unref();
  }

  async write(text: string): Promise<void> {
    if (!this.committed) {
      this.committed = true;
      this.commitHeaders();
    }
    this.lastWrite = Date.now();
    if (this.res.destroyed) return;
    if (!this.res.write(text)) await drained(this.res);
  }

  end(text?: string): void {
    clearInterval(this.timer);
    if (text !== undefined && !this.committed) {
      this.committed = true;
      this.commitHeaders();
    }
    if (!this.res.destroyed) this.res.end(text);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
