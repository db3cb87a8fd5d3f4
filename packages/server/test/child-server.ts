import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Switchboard as a real child process (the built `dist/main.js`), for tests that must kill it
 * with SIGKILL: a crash no in-process server can imitate.
 */
export interface ChildServer {
  proc: ChildProcess;
  /** http://127.0.0.1:PORT */
  base: string;
  /** A JSON call against the child; resolves to the status and the parsed body. */
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** SIGKILL, resolved once the process is gone. */
  crash(): Promise<void>;
}

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const proc = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-500)}`)));
    setTimeout(() => reject(new Error(`server did not start: ${out.slice(-500)}`)), 20_000).unref();
  });
  return {
    proc,
    base,
    async api<T>(method: string, path: string, body?: unknown, token?: string) {
      const res = await fetch(base + path, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    crash() {
      if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });
    },
  };
}
