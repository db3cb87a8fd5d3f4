import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogDestination } from './log-destination.js';

/** A named pipe: a reader end (non-blocking, so opening does not wait) and a blocking writer end, like a supervisor's stdout pipe. */
function pipe(): { reader: number; writer: number; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-log-'));
  const path = join(dir, 'fifo');
  execFileSync('mkfifo', [path]);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, 'w');
  return { reader, writer, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function readAll(fd: number): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(65536);
  for (;;) {
    try {
      const n = readSync(fd, buf);
      if (n <= 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
    } catch {
      break; // EAGAIN: nothing more for now
    }
  }
  return Buffer.concat(chunks).toString();
}

const line = (i: number) => `${JSON.stringify({ level: 30, msg: `line ${i}`, pad: 'x'.repeat(200) })}\n`;
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

describe('LogDestination', () => {
  it('buffers lines and writes them all by the time flush resolves', async () => {
    const p = pipe();
    cleanups.push(p.cleanup, () => closeSync(p.reader), () => closeSync(p.writer));
    const dest = new LogDestination({ fd: p.writer });
    for (let i = 0; i < 50; i++) dest.write(line(i));
    await dest.close(5000);
    const text = readAll(p.reader);
    expect(text.split('\n').filter(Boolean)).toHaveLength(50);
    expect(text).toContain('"line 49"');
  });

  it('stops logging, without throwing or waiting, once the reader went away (EPIPE)', async () => {
    const p = pipe();
    cleanups.push(p.cleanup, () => closeSync(p.writer));
    closeSync(p.reader);
    const dest = new LogDestination({ fd: p.writer, minLength: 10 });
    dest.write(line(1));
    await dest.flush(); // resolves: the failed write turned logging off
    for (let i = 0; i < 1000; i++) dest.write(line(i));
    await dest.close(60_000); // nothing left to wait for: returns at once, not after the deadline
    expect(() => dest.flushAtExit()).not.toThrow();
  });

  it('gives up on a reader that never reads at the close deadline, and never blocks at exit', async () => {
    const p = pipe();
    cleanups.push(p.cleanup, () => closeSync(p.writer));
    const dest = new LogDestination({ fd: p.writer, minLength: 10 });
    // Far more than a pipe holds: the write under way blocks until someone reads.
    for (let i = 0; i < 5000; i++) dest.write(line(i));
    await dest.close(200);
    dest.write(line(5001));
    dest.flushAtExit(); // returns: a write is still under way, so it does not queue behind it
    // Releasing the stuck write: the reader goes away and the pending write fails with EPIPE.
    closeSync(p.reader);
    await dest.flush();
  });
});
