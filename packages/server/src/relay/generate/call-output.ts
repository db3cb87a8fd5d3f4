import type { Readable } from 'node:stream';
import type { SettledCall } from '../accounting.js';

/**
 * The caller's side of a streamed answer. Nothing goes out before the first write (the
 * "commit"), so an attempt that fails before it can still fail over to the next channel or
 * end as a plain error.
 */
export interface StreamSink {
  readonly isCommitted: boolean;
  /** Resolves when the caller can take more (backpressure: a slow reader slows the upstream read). */
  write(text: string): Promise<void>;
  end(text?: string): void;
  /** Stops keep-alives without ending: the call was aborted. */
  stop(): void;
}

/**
 * Where one relayed call's answer goes: the door it came in by. The HTTP door (`/v1`, in
 * `relay/routes/reply-output.ts`) writes to the caller's response; the chat door feeds a
 * generation job. The relay core writes answers already encoded by the caller's codec and
 * never knows which door it serves.
 */
export interface CallOutput {
  /** Sets (or, with undefined, removes) a header of the answer; only before anything is sent. */
  header(name: string, value: string | undefined): void;
  /** A whole answer with status 200. A readable body (speech audio) flows through as it arrives. */
  send(contentType: string, body: string | Readable): Promise<void> | void;
  /** The stream side of the answer; keep-alive comments every `keepAliveMs` of quiet (0: none). */
  openStream(keepAliveMs: number): StreamSink;
  /** `listener` runs when the caller goes away before the answer is complete; returns the unsubscribe. */
  onGone(listener: () => void): () => void;
  /** The relay core writes this call's log line itself (the door's request log leaves it alone). */
  markLogged(): void;
  /** The call once it is settled (its usage row: cost, tokens, timings; the plan item that paid), for a door that shows them. */
  settled?(call: SettledCall): void;
}
