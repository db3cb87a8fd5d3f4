import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { IrRequest, ProtocolCodec, WireSseEvent } from '@switchboard/protocol';
import type { UpstreamFailure } from './upstream-error.js';

/**
 * One upstream wire protocol as the relay core needs it. Adapters are pure apart from
 * what a protocol's auth forces (Vertex fetches OAuth tokens): they build the request,
 * name the codec that reads the answer, and classify errors. The core owns connections,
 * retries, streaming, usage and billing.
 */
export interface UpstreamRequest {
  /** Absolute origin to send to, when the key (not the channel's base URL) names it (Azure `key|endpoint`). */
  origin?: string;
  /** Path including the query string. */
  path: string;
  method?: 'POST' | 'GET';
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Whether the caller streams; only custom transports need to be told. */
  stream?: boolean;
}

/** An upstream answer as the relay core reads it (undici's response data satisfies it). */
export interface UpstreamResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** What a custom transport gets besides the request. */
export interface TransportContext {
  /** Origin to connect to (base URL's, or the request's own). */
  origin: string;
  /** The channel's connection pool or proxy agent, for transports that can use it. */
  dispatcher: Dispatcher;
  /** Emits 'abort' when the client went away; `aborted` tells after the fact. */
  signal: EventEmitter & { readonly aborted: boolean };
}

export interface BuildInput {
  /** The channel's base URL as configured (may carry a query, e.g. Azure `?api-version=`). */
  baseUrl: string;
  /** Path prefix of the channel's base URL, e.g. "/v1". */
  basePath: string;
  /** Host of the base URL, for protocols that sign it (SigV4, TC3). */
  host: string;
  /** The channel key chosen for this attempt (multi-part keys still joined by `|`). */
  key: string;
  upstreamModel: string;
  stream: boolean;
  /** The channel's extra headers; applied first, so protocol auth headers win. */
  extraHeaders: Readonly<Record<string, string>>;
  /** Protocol option headers from the caller (e.g. `anthropic-beta`), only when the caller speaks this protocol. */
  passHeaders: Readonly<Record<string, string>>;
  /**
   * The wire body in the adapter codec's protocol: either the caller's own body (same
   * protocol, passed through) or `codec.encodeRequest(ir)`. The adapter puts the upstream
   * model where its protocol wants it (body, URL) and sets the stream flag.
   */
  body: Record<string, unknown>;
}

/** Turns the upstream's stream bytes into events for the codec (SSE for most protocols). */
export interface FrameDecoder {
  push(chunk: Uint8Array): WireSseEvent[];
  end(): WireSseEvent[];
}

/**
 * The upstream half of a codec. The four public protocols use their full ProtocolCodec;
 * native vendor protocols (DashScope, Hunyuan …) implement only this half, with their own
 * `protocol` name, so callers are never passed through to them.
 */
export type UpstreamCodec = Pick<ProtocolCodec, 'encodeRequest' | 'decodeResponse' | 'createStreamDecoder' | 'decodeError'> & {
  protocol: string;
};

export interface ProviderAdapter {
  /** The wire format of request and answer bodies. */
  codec: UpstreamCodec;
  build(input: BuildInput): UpstreamRequest | Promise<UpstreamRequest>;
  /** Content types that mean "this is the stream" (default: text/event-stream). */
  streamContentType?: RegExp;
  /** Stream framing other than SSE (Bedrock's AWS event stream). */
  createFrameDecoder?(): FrameDecoder;
  /**
   * For protocols that are not one HTTP exchange (Spark's WebSocket): carries the request and
   * resolves with an answer shaped like an HTTP one, whose body the codec and frame decoder read.
   */
  transport?(request: UpstreamRequest, ctx: TransportContext): Promise<UpstreamResponse>;
  /** Adjusts an IR request before encoding (e.g. protocol limits); default none. */
  prepare?(ir: IrRequest): IrRequest;
  /** The vendor answers failures with HTTP 200 and an error body (Tencent): classify those too. */
  errorsAsOk?: boolean;
  /** Classifies an HTTP error answer; default `classifyHttpError`. */
  classifyError?(status: number, body: string): UpstreamFailure;
}
