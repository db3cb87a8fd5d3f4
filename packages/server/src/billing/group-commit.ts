import type { Database as SqliteHandle } from 'better-sqlite3';

interface Queued {
  job: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit on the embedded database. Each reservation and settlement was a transaction of
 * its own, and committing (writing the changed pages to the WAL) cost more than its statements.
 * Jobs queued in one turn of the event loop now run in one transaction, each in a savepoint of
 * its own: a job that throws (a refusal) rolls back only itself. Every promise settles after the
 * commit, so a caller never goes on with money that is not yet written; when the commit itself
 * fails, every job of the batch is rejected.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(private readonly handle: SqliteHandle) {}

  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    // Someone else's transaction (Kysely's, between its awaits) is open on the handle: never join
    // it, whose fate is not ours. Try again once it has ended.
    if (this.handle.inTransaction) {
      setTimeout(() => this.flush(), 1);
      return;
    }
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const outcomes: Outcome[] = [];
    try {
      this.handle.transaction(() => {
        for (const { job } of batch) {
          try {
            // Nested: a savepoint, rolled back alone when the job throws.
            outcomes.push({ ok: true, value: this.handle.transaction(job)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }
}
