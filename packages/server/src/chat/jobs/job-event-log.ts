/**
 * The replayable event log of generation jobs (W-2, W-3). A job appends its SSE events as it
 * runs; clients read them with the id of the last one they saw (`Last-Event-ID`), possibly
 * through another node, and get what they missed, then the live rest until the job ends.
 * In memory on one node (memory-job-event-log.ts), in Redis Streams when Redis is configured
 * (redis-job-event-log.ts).
 */
export interface JobEvent {
  id: string;
  event: string;
  /** JSON text. */
  data: string;
}

export interface JobEventLog {
  /** Appends events of a running job (called often; must not await a round trip per delta). */
  append(jobId: string, event: string, data: string): void;
  /**
   * The job ended: `last` (if given) is its final event, then no more; readers drain and finish.
   * The log is trimmed after `retainMs`. Any node may end a job: one that takes over a dead node's
   * job appends `last` after the dead node's final event.
   */
  end(jobId: string, last?: { event: string; data: string }): void;
  /**
   * Every event after `afterId` (all when undefined), then live ones until the job ends or
   * `signal` aborts. When events the reader asked for are no longer held (trimmed, expired,
   * an id this log never gave, a job unknown here after `unknownJobGraceMs`), it first gets
   * `RESET_EVENT`, then whatever is still held.
   */
  read(jobId: string, afterId: string | undefined, signal: AbortSignal): AsyncIterable<JobEvent>;
  /** Whether any event of the job is still held (one cheap check, without reading them). */
  holds(jobId: string): Promise<boolean>;
  /** All events still held (for a node that saves a dead node's job), or undefined if unknown here. */
  snapshot(jobId: string): Promise<JobEvent[] | undefined>;
  close(): Promise<void>;
}

/**
 * "Events you asked for are gone: fetch the message from the API, then continue with what
 * follows." Its id is the one just before the first event still held, so a client that
 * reconnects right after it resumes there instead of being reset again.
 */
export const RESET_EVENT = 'reset';

export function resetEvent(id: string): JobEvent {
  return { id, event: RESET_EVENT, data: '{}' };
}

export interface JobEventLogLimits {
  /** The most events one job's log holds; the oldest go first. */
  maxEvents: number;
  /** The most bytes (event names and data) one job's log holds; the oldest go first. */
  maxBytes: number;
  /** How long an ended job's events stay readable (a reload right after the end still replays). */
  retainMs: number;
  /** A job with no event for this long is dropped as dead (its node died without ending it). */
  idleTtlMs: number;
  /** How long a reader waits for a job this log does not know to appear before it is told to reset. */
  unknownJobGraceMs: number;
}

export const DEFAULT_LIMITS: JobEventLogLimits = {
  maxEvents: 20_000,
  maxBytes: 8 * 1024 * 1024,
  retainMs: 5 * 60_000,
  idleTtlMs: 60 * 60_000,
  unknownJobGraceMs: 2_000,
};

/** What one event weighs against `maxBytes`. */
export function eventBytes(event: string, data: string): number {
  return event.length + Buffer.byteLength(data);
}
