import { BoundedWindow } from './bounded-window.js';
import { DEFAULT_LIMITS, eventBytes, resetEvent, type JobEvent, type JobEventLog, type JobEventLogLimits } from './job-event-log.js';

interface MemoryJob {
  window: BoundedWindow<JobEvent>;
  ended: boolean;
  /** Readers waiting for the next event or the end; each removes itself when woken. */
  waiters: Set<() => void>;
  lastAppendAt: number;
  /** The idle TTL while running, the retention once ended. */
  timer: NodeJS.Timeout;
}

/**
 * The job event log of a single node: per job a bounded window of events with ids "1", "2"…
 * An ended job leaves the map after `retainMs`, an idle one after `idleTtlMs`; readers still
 * attached hold the job's window and finish reading it, so memory returns to its baseline as
 * soon as they are gone.
 */
export class MemoryJobEventLog implements JobEventLog {
  private readonly jobs = new Map<string, MemoryJob>();
  /** Readers of jobs not started yet (within the grace): woken by the job's first append. */
  private readonly pending = new Map<string, Set<() => void>>();
  private readonly limits: JobEventLogLimits;
  private closed = false;

  constructor(limits: Partial<JobEventLogLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Jobs held now (ended ones until their retention passes). */
  get jobCount(): number {
    return this.jobs.size;
  }

  append(jobId: string, event: string, data: string): void {
    if (this.closed) return;
    let job = this.jobs.get(jobId);
    if (!job) {
      job = { window: new BoundedWindow(this.limits), ended: false, waiters: new Set(), lastAppendAt: 0, timer: this.idleTimer(jobId, this.limits.idleTtlMs) };
      this.jobs.set(jobId, job);
      wakeAll(this.pending.get(jobId));
    }
    if (job.ended) return;
    const seq = job.window.nextSeq;
    job.window.push({ id: String(seq), event, data }, eventBytes(event, data));
    job.lastAppendAt = Date.now();
    wakeAll(job.waiters);
  }

  end(jobId: string, last?: { event: string; data: string }): void {
    // A job of an earlier run of this node (saved as interrupted after a restart) still gets its last event.
    if (last) this.append(jobId, last.event, last.data);
    const job = this.jobs.get(jobId);
    if (!job || job.ended) return;
    job.ended = true;
    clearTimeout(job.timer);
    job.timer = setTimeout(() => this.jobs.delete(jobId), this.limits.retainMs).unref();
    wakeAll(job.waiters);
  }

  async *read(jobId: string, afterId: string | undefined, signal: AbortSignal): AsyncIterable<JobEvent> {
    const job = this.jobs.get(jobId) ?? (await this.awaitStart(jobId, signal));
    if (this.closed || signal.aborted) return;
    if (!job) {
      yield resetEvent('0');
      return;
    }
    const asked = afterId === undefined ? 0 : parseId(afterId);
    let next = asked === undefined || asked >= job.window.nextSeq ? 0 : asked + 1;
    for (;;) {
      const first = job.window.firstSeq;
      if (next < first) {
        // Asked for events no longer held (or an id never given): the client starts over from the API.
        yield resetEvent(String(first - 1));
        next = first;
      }
      const event = job.window.get(next);
      if (event) {
        yield event;
        next++;
        continue;
      }
      if (job.ended || this.closed || signal.aborted) return;
      await nextChange(job.waiters, signal);
    }
  }

  async holds(jobId: string): Promise<boolean> {
    return this.jobs.has(jobId);
  }

  async snapshot(jobId: string): Promise<JobEvent[] | undefined> {
    return this.jobs.get(jobId)?.window.held();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      wakeAll(job.waiters);
    }
    for (const readers of this.pending.values()) wakeAll(readers);
    this.jobs.clear();
  }

  /** Drops a job whose last event is older than `ttlMs`; re-arms itself for the rest otherwise (no timer reset per append). */
  private idleTimer(jobId: string, delayMs: number): NodeJS.Timeout {
    return setTimeout(() => {
      const job = this.jobs.get(jobId);
      if (!job || job.ended) return;
      const idleMs = Date.now() - job.lastAppendAt;
      if (idleMs < this.limits.idleTtlMs) {
        job.timer = this.idleTimer(jobId, this.limits.idleTtlMs - idleMs);
        return;
      }
      // Its runner is gone without ending it: readers finish with what was held.
      job.ended = true;
      this.jobs.delete(jobId);
      wakeAll(job.waiters);
    }, delayMs).unref();
  }

  private async awaitStart(jobId: string, signal: AbortSignal): Promise<MemoryJob | undefined> {
    let readers = this.pending.get(jobId);
    if (!readers) this.pending.set(jobId, (readers = new Set()));
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        readers.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.limits.unknownJobGraceMs);
      readers.add(done);
      signal.addEventListener('abort', done);
    });
    if (readers.size === 0) this.pending.delete(jobId);
    return this.jobs.get(jobId);
  }
}

/** An id this log gave ("1", "2"…; "0" is "before the first"), else undefined. */
function parseId(id: string): number | undefined {
  return /^(0|[1-9]\d{0,14})$/.test(id) ? Number(id) : undefined;
}

function wakeAll(waiters: Set<() => void> | undefined): void {
  if (!waiters?.size) return;
  for (const wake of [...waiters]) wake();
}

/** Resolves on the next wake of `waiters` or on abort; leaves nothing registered behind. */
function nextChange(waiters: Set<() => void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      waiters.delete(wake);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    waiters.add(wake);
    signal.addEventListener('abort', wake);
  });
}
