import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * The real coding CLIs (pinned in tools/real-clients), run the way a user runs them but
 * boxed in: a throwaway HOME and config dir, an environment built from nothing (so no
 * developer's own keys or settings leak in), every outside connection sent to a closed
 * local port, and the whole process group killed at a deadline so a stuck CLI cannot
 * hang the suite.
 */

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface Cli {
  name: string;
  /** The command line that starts it: node and the package's own launcher. */
  argv: string[];
  version: string;
}

// The CLIs live in their own package (tools/real-clients), so a deployment's `npm install`
// does not fetch them; `npm run clients:install` does (CI runs it).
const require = createRequire(new URL('../../../tools/real-clients/package.json', import.meta.url));

/**
 * The CLI if it is installed and starts on this platform; otherwise why not. Claude Code
 * is started through its package's `cli-wrapper.cjs`, which finds the native binary of
 * this platform, so its postinstall script (which only links that binary) need not run.
 */
export function findCli(name: 'claude' | 'codex'): Cli | string {
  let path: string;
  try {
    path = name === 'claude' ? require.resolve('@anthropic-ai/claude-code/cli-wrapper.cjs') : require.resolve('@openai/codex/bin/codex.js');
  } catch {
    return `${name === 'claude' ? '@anthropic-ai/claude-code' : '@openai/codex'} is not installed (run npm run clients:install)`;
  }
  const argv = [process.execPath, path];
  const probe = spawnSync(argv[0]!, [...argv.slice(1), '--version'], { encoding: 'utf8', timeout: 15_000, env: { PATH: process.env.PATH ?? '' } });
  if (probe.status !== 0) return `${name} --version failed on this platform: ${(probe.stderr || probe.error?.message || '').slice(0, 300)}`;
  return { name, argv, version: probe.stdout.trim() };
}

// Port 9 (discard) is closed here: anything a CLI tries to reach outside this machine
// fails at once instead of leaving it. Loopback stays direct.
const OFFLINE = { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', ALL_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1,localhost' };

export async function runCli(cli: Cli, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<CliRun> {
  const child = spawn(cli.argv[0]!, [...cli.argv.slice(1), ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? '', ...OFFLINE, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: the launchers start the native binary as a child, and the
    // deadline must end both.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killGroup(child.pid);
  }, opts.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => {
    clearTimeout(timer);
    // Nothing it started may outlive the test (a helper left behind would hold the port open).
    if (child.pid !== undefined) killGroup(child.pid);
  });
  return { code, stdout, stderr, timedOut };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group has already ended.
  }
}
