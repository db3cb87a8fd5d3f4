import { write, writeSync } from 'node:fs';

export interface LogDestinationOptions {
  /** File descriptor the lines go to (stdout). */
  fd?: number;
  /** Buffered characters that start a write; quieter output waits for the periodic flush. */
  minLength?: number;
  /** Buffered characters kept while the reader does not keep up; lines beyond are dropped. */
  maxBuffered?: number;
  flushEveryMs?: number;
}

/**
 * Where pino writes: lines are buffered (one write per ~4 KB, not one per line) and written
 * with asynchronous `fs.write`, so a slow or stuck reader of stdout never blocks the event loop.
 *
 * It replaces `pino.destination` (sonic-boom) because that one's synchronous flush, which it
 * runs at shutdown and at exit, retries forever when stdout is a closed pipe (EPIPE) and blocks
 * or spins on a full one: a server whose supervisor went away never finished its SIGTERM.
 * Here a broken stdout turns logging off, a full one keeps at most `maxBuffered` characters, and
 * `close` waits for the last lines only up to a deadline.
 */
export class LogDestination {
  private readonly fd: number;
  private readonly minLength: number;
  private readonly maxBuffered: number;
  private buffered = '';
  /** The bytes of the write under way (or waiting to be retried); undefined when idle. */
  private inFlight: Buffer | undefined;
  private broken = false;
  private waiters: Array<() => void> = [];
  private readonly timer: NodeJS.Timeout;

  constructor(options: LogDestinationOptions = {}) {
    this.fd = options.fd ?? 1;
    this.minLength = options.minLength ?? 4096;
    this.maxBuffered = options.maxBuffered ?? 4 * 1024 * 1024;
    // At least once a second, so a quiet node's lines never wait long in the buffer.
    this.timer = setInterval(() => this.pump(), options.flushEveryMs ?? 1000).unref();
  }

  /** pino's DestinationStream contract: one serialized line. */
  write(line: string): void {
    if (this.broken || this.buffered.length + line.length > this.maxBuffered) return;
    this.buffered += line;
    if (this.buffered.length >= this.minLength) this.pump();
  }

  /** Resolves once everything logged so far was written, or logging broke. */
  flush(): Promise<void> {
    if (this.broken || (!this.inFlight && !this.buffered)) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.pump();
    });
  }

  /** Stops the periodic flush and waits for the last lines, at most `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    clearInterval(this.timer);
    let expire: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      expire = setTimeout(resolve, timeoutMs);
      expire.unref();
    });
    await Promise.race([this.flush(), deadline]);
    clearTimeout(expire);
  }

  /**
   * At process exit (no event loop left): one synchronous attempt for lines still buffered,
   * e.g. a crash's last words. Skipped while a write is under way or after one failed: the
   * reader is not keeping up, and exit must not wait on it.
   */
  flushAtExit(): void {
    if (this.broken || this.inFlight || !this.buffered) return;
    const text = this.buffered;
    this.buffered = '';
    try {
      writeSync(this.fd, text);
    } catch {
      // Nobody is reading: the lines are lost either way.
    }
  }

  private pump(): void {
    if (this.inFlight || this.broken) return;
    if (!this.buffered) {
      this.settle();
      return;
    }
    this.inFlight = Buffer.from(this.buffered);
    this.buffered = '';
    this.send();
  }

  private send(): void {
    const chunk = this.inFlight!;
    write(this.fd, chunk, 0, chunk.length, null, (err, written) => {
      if (err) {
        if (err.code === 'EAGAIN') {
          // A non-blocking pipe that is full: try again shortly, off the event loop's back.
          setTimeout(() => this.send(), 50).unref();
          return;
        }
        // EPIPE (the reader went away), EBADF …: nothing will ever read these lines.
        this.broken = true;
        this.inFlight = undefined;
        this.buffered = '';
        this.settle();
        return;
      }
      this.inFlight = written < chunk.length ? chunk.subarray(written) : undefined;
      if (this.inFlight) this.send();
      else if (this.buffered.length >= this.minLength || this.waiters.length) this.pump();
    });
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
