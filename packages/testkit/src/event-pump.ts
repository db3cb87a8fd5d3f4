// Writes pre-built SSE events one `res.write` at a time, so the client sees
// realistic chunking and the configured pacing between events.
import type { ServerResponse } from 'node:http';

export interface PumpOptions {
  /** Wait between events; 0 writes everything in the current tick. */
  delayMs: number;
  /**
   * Written before every event except the first (the protocol's keep-alive:
   * an SSE comment for OpenAI, `event: ping` for Anthropic); undefined = none.
   */
  keepAlive: string | undefined;
  /** Stop after this many events (midstream fault); default all. */
  limit?: number;
}

/**
 * Starts writing `events` and calls `done` after the last one (or after `limit`).
 * Returns a cancel function: the caller invokes it when the client disconnects so
 * no timer outlives the response.
 */
export function pumpEvents(res: ServerResponse, events: string[], o: PumpOptions, done: () => void): () => void {
  const limit = Math.min(o.limit ?? events.length, events.length);
  let i = 0;
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  const step = (): void => {
    timer = undefined;
    while (!cancelled) {
      if (i >= limit) {
        done();
        return;
      }
      if (i > 0 && o.keepAlive !== undefined) res.write(o.keepAlive);
      res.write(events[i++]!);
      if (o.delayMs > 0 && i < limit) {
        timer = setTimeout(step, o.delayMs);
        return;
      }
    }
  };
  step();
  return () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
  };
}
