import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './child-server.js';

/**
 * SIGTERM to the built server (`npm run build` first, as for the crash test in billing.test.ts)
 * after its supervisor went away: stdout and stderr are closed pipes, so every log write fails
 * with EPIPE. Shutdown must still finish, within the 30 s drain timeout of main.ts, with code 0.
 */
const DRAIN_TIMEOUT_MS = 30_000;

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function startServerProcess(): Promise<ChildServer> {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-shutdown-'));
  const server = await startChildServer({ DATA_DIR: dataDir, DATABASE_URL: '', ROOT_PASSWORD: 'shutdown-root-password', SECRET: 'shutdown-test-secret-that-is-long-enough' });
  child = server.proc;
  return server;
}

/** The exit code, or 'still running' once the drain timeout (plus start-up slack) has passed. */
function exitWithinDrainTimeout(proc: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), DRAIN_TIMEOUT_MS + 5_000);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

describe('shutdown when nobody reads the logs any more', () => {
  it('exits cleanly on SIGTERM after its stdout and stderr pipes closed', async () => {
    const { proc, base } = await startServerProcess();
    // The supervisor goes away: its ends of the pipes close.
    proc.stdout!.destroy();
    proc.stderr!.destroy();
    // The node keeps serving (and logging into the void) …
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: 'shutdown-root-password' }),
    });
    expect(login.status).toBe(200);
    // … and stops when told to.
    const exited = exitWithinDrainTimeout(proc);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, DRAIN_TIMEOUT_MS + 30_000);
});
