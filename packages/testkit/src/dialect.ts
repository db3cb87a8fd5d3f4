// The contract between the protocol-independent answer flow (answer.ts) and one
// protocol's wire format. Each *-wire.ts module implements it by hand from that
// provider's documentation, so the mock never shares code with the gateway's
// own converters and can catch their mistakes.
import type { Plan } from './plan.js';
import type { Reply } from './respond.js';
import type { UsageCounts } from './usage.js';

/** Everything a renderer needs to write one successful answer. */
export interface Answer {
  plan: Plan;
  /** Undefined when the script says usage: false. */
  usage: UsageCounts | undefined;
  /** The model to echo (script.model, else the request's or the URL's). */
  model: string;
  /** The request's JSON body. */
  request: Record<string, unknown>;
}

export interface Dialect {
  /** Prompt token estimate for this protocol's request shape (rules in usage.ts). */
  promptTokens(request: Record<string, unknown>): number;
  /** The non-stream response body. */
  body(a: Answer): object;
  /** The whole stream, one string per wire event; each goes out in one write. */
  events(a: Answer): string[];
  /**
   * The in-stream error event that replaces the rest of a stream after `index`
   * events (MockScript.streamError).
   */
  streamError(index: number, status: number, message: string | undefined): string;
  /**
   * The error response for a status: default body (`message` replaces only its
   * message) and the headers that go with it (retry-after, request ids). Body and
   * headers come together because Anthropic repeats the request id in both.
   */
  error(status: number, message: string | undefined): Reply;
  /** Headers of a successful non-stream answer, content-type included. */
  jsonHeaders(): Record<string, string>;
  /** Headers of a stream, content-type included. */
  streamHeaders(): Record<string, string>;
  /** Written between events when keepAliveComments is set; undefined if the protocol has none. */
  keepAlive: string | undefined;
}
