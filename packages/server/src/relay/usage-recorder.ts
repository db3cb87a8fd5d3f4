import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { NewUsageLog } from '../db/schema.js';
import { createUsageBatchInsert, type BatchInsert } from './usage-batch-insert.js';

/**
 * Usage records leave the hot path: requests push into a queue; a timer writes it in
 * multi-row INSERTs. A failed write is retried on the next flush; the queue is bounded so
 * a database outage cannot exhaust memory (the oldest records are dropped, loudly).
 */
export class UsageRecorder {
  private queue: NewUsageLog[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly insert: BatchInsert;
  private written = 0;
  /** Keys' latest use (key id → created_at of its newest row), written at the next flush. */
  private keysUsed = new Map<number, number>();

  constructor(
    db: Db,
    private readonly log: Logger,
    private readonly flushMs: number,
    private readonly onKeysUsed: (lastUsed: Map<number, number>) => Promise<void>,
    private readonly maxQueue = 100_000,
  ) {
    this.insert = createUsageBatchInsert(db);
    this.startCheckpoints = db.startBackgroundCheckpoints;
  }

  /** SQLite: at sustained volume, checkpoints must leave the event loop (measured: 10–60 ms stalls). */
  private startCheckpoints: (() => void) | undefined;
  private static readonly SUSTAINED_ROWS = 5000;

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  push(row: NewUsageLog): void {
    this.queue.push(row);
    if (this.queue.length > this.maxQueue) {
      const dropped = this.queue.splice(0, this.queue.length - this.maxQueue);
      this.log.error({ dropped: dropped.length }, 'usage queue full; oldest records dropped');
    }
    if (this.queue.length >= 1000) void this.flush();
  }

  /**
   * A row another writer already committed (a charged call's row commits in its settlement's
   * transaction): nothing is queued, but its key's last use is recorded with the next flush,
   * like a queued row's.
   */
  recordedElsewhere(row: NewUsageLog): void {
    this.noteKeyUse(row);
    this.countWritten(1);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Writes everything queued so far; concurrent callers share one flush. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.queue.length) await this.flush();
  }

  /** Rows written either way count towards "sustained writes": settlements write on the same database. */
  private countWritten(rows: number): void {
    this.written += rows;
    if (this.startCheckpoints && this.written >= UsageRecorder.SUSTAINED_ROWS) {
      this.startCheckpoints();
      this.startCheckpoints = undefined;
    }
  }

  private noteKeyUse(row: NewUsageLog): void {
    if (row.key_id != null) this.keysUsed.set(row.key_id, Math.max(this.keysUsed.get(row.key_id) ?? 0, row.created_at));
  }

  private async write(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 100);
      try {
        await this.insert(batch);
      } catch (err) {
        this.queue.unshift(...batch);
        this.log.error({ err, pending: this.queue.length }, 'usage write failed; will retry');
        break;
      }
      for (const row of batch) this.noteKeyUse(row);
      this.countWritten(batch.length);
      // Let requests run between batches: a backlog must not become one long pause.
      if (this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const lastUsed = this.keysUsed;
    this.keysUsed = new Map();
    if (lastUsed.size) await this.onKeysUsed(lastUsed).catch((err) => this.log.warn({ err }, 'key last-used update failed'));
  }
}
