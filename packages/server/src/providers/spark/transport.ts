import { Readable } from 'node:stream';
import type { TransportContext, UpstreamRequest, UpstreamResponse } from '../provider-adapter.js';
import { frameBody, type FrameBody } from './frame-body.js';
import { peekFrame } from './frame-peek.js';
import { watchHandshake, type HandshakeWatch } from './handshake-watch.js';

export interface SparkTransportOptions {
  /**
   * How long the socket may stay silent (before the first frame and between frames) before
   * the call fails. Spark itself drops a connection idle for 60 s; this only guards against
   * a peer that neither answers nor closes.
   */
  idleMs?: number;
}

const DEFAULT_IDLE_MS = 120_000;
/** Close code for an orderly end: the exchange is over, or the caller went away. */
const NORMAL_CLOSURE = 1000;

/** A transport failure; `code` is undici's name for the same situation, which the relay core words for callers. */
class SparkSocketError extends Error {
  override readonly name = 'SparkSocketError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Spark's chat is a WebSocket exchange: connect to the signed URL, send one request frame,
 * read frames until the one with `header.status` 2, close. This transport turns it into an
 * HTTP-like answer for the relay core, resolved at the first frame (so an error frame can still
 * fail over before anything reaches the client):
 * - first frame is an error (`header.code` ≠ 0): status 200, `application/json`, body `[frame]`
 *   — the codec's `decodeError` and the adapter's `classifyError` sort it (errorsAsOk);
 * - otherwise status 200 with the frames as they come (see frame-body.ts): ndjson for streams,
 *   one JSON array for non-stream calls;
 * - upgrade refused (401 for a bad signature or date): that status and body, so the core
 *   classifies it like any HTTP error;
 * - no answer at all (connection refused, socket closed, idle): rejects; the core reports a
 *   network failure. A socket lost after the first frame fails the body instead.
 * The caller going away (`ctx.signal`) or the body being destroyed closes the socket.
 */
export function createSparkTransport(opts: SparkTransportOptions = {}): (request: UpstreamRequest, ctx: TransportContext) => Promise<UpstreamResponse> {
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS;
  return async (request, ctx) => {
    if (ctx.signal.aborted) throw new SparkSocketError('the caller went away', 'ABORT_ERR');
    // undici is imported on first use: only Spark channels need its WebSocket.
    const { WebSocket } = await import('undici');
    const watch = watchHandshake(ctx.dispatcher);
    const headers = Object.keys(request.headers).length > 0 ? request.headers : undefined;
    const ws = new WebSocket(webSocketUrl(ctx.origin, request.path), { dispatcher: watch.dispatcher, ...(headers ? { headers } : {}) });
    ws.binaryType = 'arraybuffer';
    const frame = typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
    return new Promise<UpstreamResponse>((resolve, reject) => {
      new Exchange(ws, watch, ctx, request.stream === true, idleMs, frame, resolve, reject).listen();
    });
  };
}

/** The subset of undici's WebSocket the exchange uses (kept structural: undici is loaded lazily). */
interface Socket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number): void;
  addEventListener(type: 'open' | 'message' | 'close', listener: (event: { data?: unknown; code?: number }) => void): void;
}

const CONNECTING = 0;
const OPEN = 1;

/** One request/answer over one socket. */
class Exchange {
  private answer: FrameBody | undefined;
  private settled = false;
  private over = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = () => this.abort();

  constructor(
    private readonly ws: Socket,
    private readonly watch: HandshakeWatch,
    private readonly ctx: TransportContext,
    private readonly stream: boolean,
    private readonly idleMs: number,
    private readonly frame: string,
    private readonly resolve: (res: UpstreamResponse) => void,
    private readonly reject: (err: Error) => void,
  ) {}

  listen(): void {
    this.ctx.signal.once('abort', this.onAbort);
    this.ws.addEventListener('open', () => {
      this.ws.send(this.frame);
      this.arm();
    });
    this.ws.addEventListener('message', (event) => this.message(textOf(event.data)));
    this.ws.addEventListener('close', (event) => this.closed(event.code ?? 1006));
    this.arm();
  }

  private message(text: string): void {
    if (this.over) return;
    this.arm();
    const { code, last } = peekFrame(text);
    const failed = code !== undefined && code !== 0;
    if (!this.settled) {
      if (failed) {
        this.settle({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: wholeBody(`[${text}]`) });
        return this.finish();
      }
      this.answer = frameBody(this.stream, () => this.close());
      this.settle({ statusCode: 200, headers: { 'content-type': this.answer.contentType }, body: this.answer.body });
    }
    this.answer?.push(text);
    if (last) {
      this.answer?.end();
      this.finish();
    }
  }

  private closed(code: number): void {
    if (this.over) return this.cleanup();
    this.over = true;
    this.cleanup();
    if (this.settled) return this.answer?.fail(new SparkSocketError(`Spark closed the connection before its last frame (close ${code})`, 'UND_ERR_SOCKET'));
    const refusal = this.watch.refusal();
    if (refusal) {
      const contentType = refusal.headers['content-type'];
      return this.settle({
        statusCode: refusal.status,
        headers: { 'content-type': typeof contentType === 'string' ? contentType : 'application/json' },
        body: wholeBody(refusal.body),
      });
    }
    this.fail(this.watch.failure() ?? new SparkSocketError(`Spark closed the connection before answering (close ${code})`, 'UND_ERR_SOCKET'));
  }

  private abort(): void {
    this.fail(new SparkSocketError('the caller went away', 'ABORT_ERR'));
    this.finish();
  }

  private idle(): void {
    const err = this.settled
      ? new SparkSocketError('Spark went silent mid-answer', 'UND_ERR_BODY_TIMEOUT')
      : new SparkSocketError('Spark did not answer in time', 'UND_ERR_HEADERS_TIMEOUT');
    this.fail(err);
    this.finish();
  }

  /** Rejects the call, or fails the body when the call already resolved. */
  private fail(err: Error): void {
    if (this.settled) this.answer?.fail(err);
    else {
      this.settled = true;
      this.reject(err);
    }
  }

  private settle(res: UpstreamResponse): void {
    this.settled = true;
    this.resolve(res);
  }

  /** The exchange is over on our side: close the socket, stop listening. */
  private finish(): void {
    this.over = true;
    this.cleanup();
    this.close();
  }

  private close(): void {
    if (this.ws.readyState === CONNECTING || this.ws.readyState === OPEN) this.ws.close(NORMAL_CLOSURE);
  }

  private cleanup(): void {
    clearTimeout(this.timer);
    this.ctx.signal.off('abort', this.onAbort);
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (!this.over) this.timer = setTimeout(() => this.idle(), this.idleMs);
  }
}

/** `https:` → `wss:`, `http:` → `ws:` (tests and plain-HTTP proxies); ws(s) origins are kept. */
export function webSocketUrl(origin: string, path: string): string {
  return origin.replace(/^http(s?):\/\//i, (_m, s: string) => `ws${s}://`).replace(/\/+$/, '') + path;
}

/** A body already complete. Buffer chunks, as from a socket: the core concatenates them as Buffers. */
function wholeBody(text: string): Readable {
  return Readable.from([Buffer.from(text, 'utf8')]);
}

function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return String(data);
}
