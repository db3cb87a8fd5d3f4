import type { JobEventLogLimits } from './job-event-log.js';

/**
 * A job's newest events within the log's caps (count and bytes), numbered 1, 2, 3… as they
 * are pushed. The oldest go first; the newest is always kept, whatever its size.
 */
export class BoundedWindow<T> {
  private items: T[] = [];
  private sizes: number[] = [];
  /** Index in `items` of the oldest held item: dropping moves it, compaction resets it. */
  private head = 0;
  private bytes = 0;
  /** The number of the oldest held item (the next one's when empty). */
  firstSeq = 1;

  constructor(private readonly limits: Pick<JobEventLogLimits, 'maxEvents' | 'maxBytes'>) {}

  get count(): number {
    return this.items.length - this.head;
  }

  /** The number the next pushed item gets. */
  get nextSeq(): number {
    return this.firstSeq + this.count;
  }

  /** Adds the newest item; returns its number. */
  push(item: T, size: number): number {
    this.items.push(item);
    this.sizes.push(size);
    this.bytes += size;
    while (this.count > 1 && (this.count > this.limits.maxEvents || this.bytes > this.limits.maxBytes)) {
      this.bytes -= this.sizes[this.head]!;
      this.head++;
      this.firstSeq++;
    }
    // Shifting arrays on every drop would copy them each time; compact once half is dead.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
    return this.nextSeq - 1;
  }

  /** The item numbered `seq`, if still held. */
  get(seq: number): T | undefined {
    return seq >= this.firstSeq && seq < this.nextSeq ? this.items[this.head + seq - this.firstSeq] : undefined;
  }

  /** Every held item, oldest first. */
  held(): T[] {
    return this.items.slice(this.head);
  }
}
