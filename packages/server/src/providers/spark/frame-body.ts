import { Readable } from 'node:stream';

/** The answer body a transport fills with Spark frames as they arrive. */
export interface FrameBody {
  readonly body: Readable;
  readonly contentType: string;
  push(frame: string): void;
  /** The exchange is complete. */
  end(): void;
  /** The exchange broke: readers get `err`. */
  fail(err: Error): void;
}

/**
 * Frames as an HTTP-like body the relay core can read. Streams get newline-delimited frames
 * (`application/x-ndjson`, split again by the adapter's frame decoder); non-stream calls get
 * ONE JSON array of all frames, written as they come so nothing is buffered twice. The socket
 * cannot be paused, so pushes ignore back-pressure: Spark answers are a few kilobytes.
 * `onDestroy` runs when the reader gives up (the relay destroys bodies it stops reading).
 */
export function frameBody(stream: boolean, onDestroy: () => void): FrameBody {
  let count = 0;
  let closed = false;
  const body = new Readable({
    read() {},
    destroy(err, callback) {
      closed = true;
      onDestroy();
      callback(err);
    },
  });
  return {
    body,
    contentType: stream ? 'application/x-ndjson' : 'application/json',
    push(frame) {
      if (closed) return;
      body.push(stream ? `${frame}\n` : `${count === 0 ? '[' : ','}${frame}`);
      count++;
    },
    end() {
      if (closed) return;
      closed = true;
      if (!stream) body.push(count === 0 ? '[]' : ']');
      body.push(null);
    },
    fail(err) {
      if (closed) return;
      body.destroy(err);
    },
  };
}
