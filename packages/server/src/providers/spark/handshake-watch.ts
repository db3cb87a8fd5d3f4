import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';

/** The HTTP answer that refused a WebSocket upgrade (Spark: 401 with a JSON message). */
interface HandshakeRefusal {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HandshakeWatch {
  /** The channel's dispatcher, observed: pass it to the WebSocket. */
  dispatcher: Dispatcher;
  /** What refused the upgrade, once its body is complete. */
  refusal(): HandshakeRefusal | undefined;
  /** The connection error, when the upgrade request failed before any answer (refused, reset …). */
  failure(): Error | undefined;
}

/** Enough of a refusal body to classify it; the rest is read and dropped. */
const MAX_REFUSAL_BODY = 64 * 1024;

/**
 * The WHATWG WebSocket hides why a handshake failed: a 401 and a refused connection both end in
 * a bare `error` event and close code 1006. The relay needs the difference (a bad key fails
 * over as an auth failure, a dead host as a network failure), so the upgrade request goes
 * through an interceptor that records the connection error or the non-101 answer. The answer
 * is held back from the WebSocket until its body is complete: the WebSocket aborts the request
 * as soon as it sees the status, which would cut the body short.
 */
export function watchHandshake(dispatcher: Dispatcher): HandshakeWatch {
  let refusal: HandshakeRefusal | undefined;
  let failure: Error | undefined;
  const watched = dispatcher.compose(
    (dispatch) => (opts, handler) =>
      dispatch(
        opts,
        new Observer(handler, {
          refused: (r) => (refusal = r),
          failed: (e) => (failure = e),
        }),
      ),
  );
  return { dispatcher: watched, refusal: () => refusal, failure: () => failure };
}

interface Report {
  refused(r: HandshakeRefusal): void;
  failed(e: Error): void;
}

class Observer implements Dispatcher.DispatchHandler {
  private held: { controller: Dispatcher.DispatchController; status: number; headers: IncomingHttpHeaders; message: string | undefined } | undefined;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private ended = false;

  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly report: Report,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders, socket: Duplex): void {
    this.inner.onRequestUpgrade?.(controller, status, headers, socket);
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders, message?: string): void {
    // A 1xx is informational; anything else to an upgrade request is a refusal.
    if (status < 200) return this.inner.onResponseStart?.(controller, status, headers, message);
    this.held = { controller, status, headers, message };
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.held) return this.inner.onResponseData?.(controller, chunk);
    if (this.size < MAX_REFUSAL_BODY) {
      this.chunks.push(chunk);
      this.size += chunk.length;
    }
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    // undici may report the end of a refused upgrade twice; the WebSocket must hear it once.
    if (this.ended) return;
    this.ended = true;
    const held = this.held;
    if (!held) return this.inner.onResponseEnd?.(controller, trailers);
    const body = Buffer.concat(this.chunks);
    this.report.refused({ status: held.status, headers: held.headers, body: body.subarray(0, MAX_REFUSAL_BODY).toString('utf8') });
    this.inner.onResponseStart?.(held.controller, held.status, held.headers, held.message);
    if (body.length > 0) this.inner.onResponseData?.(controller, body);
    this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    if (this.ended) return;
    this.ended = true;
    const held = this.held;
    if (held) {
      // The refusal's body was cut off (the server closed mid-body): report what came.
      this.report.refused({ status: held.status, headers: held.headers, body: Buffer.concat(this.chunks).toString('utf8') });
    } else this.report.failed(error);
    this.inner.onResponseError?.(controller, error);
  }
}
