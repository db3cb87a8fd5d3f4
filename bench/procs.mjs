// Process plumbing for the bench: pinned child processes that are always cleaned up,
// free loopback ports, and /proc readers (CPU time, RSS, per-CPU busy time).
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set();
const tempDirs = new Set();
let cleaned = false;

export function makeTempDir(prefix = 'switchboard-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Pins this process (all its threads) to `cpu`. */
export function pinSelf(cpu) {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(process.pid)], { stdio: 'ignore' });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <args>` pinned to `cpu` (taskset execs node, so the pid is node's), with
 * stdout+stderr going straight to `logFile` (never through this process), and waits until
 * the log contains `ready`.
 */
export async function startNode({ name, args, cpu, env, cwd, logFile, ready, timeoutMs = 15_000, nodeFlags = [] }) {
  const fd = openSync(logFile, 'a');
  const child = spawn('taskset', ['-c', String(cpu), process.execPath, ...nodeFlags, ...args], {
    stdio: ['ignore', fd, fd],
    env: { ...process.env, ...env },
    ...(cwd ? { cwd } : {}),
  });
  closeSync(fd);
  const proc = { name, child, pid: child.pid, logFile, exited: false, exitCode: null };
  children.add(proc);
  child.on('exit', (code, signal) => {
    proc.exited = true;
    proc.exitCode = code ?? signal;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = readLog(logFile);
    const m = ready.exec(log);
    if (m) {
      proc.match = m;
      return proc;
    }
    if (proc.exited) throw new Error(`${name} exited (${proc.exitCode}) before it was ready:\n${tail(log)}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${timeoutMs} ms:\n${tail(log)}`);
    await sleep(50);
  }
}

/** The load generator: a node child pinned to `cpu` with an IPC channel; returns an RPC handle. */
export async function startLoadgen(script, cpu) {
  const child = spawn('taskset', ['-c', String(cpu), process.execPath, script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const proc = { name: 'loadgen', child, pid: child.pid, exited: false, exitCode: null };
  children.add(proc);
  const waiting = new Map();
  let nextId = 1;
  let ready;
  const readyP = new Promise((resolve, reject) => (ready = { resolve, reject }));
  child.on('message', (msg) => {
    if (msg.ready) return ready.resolve();
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.error) w.reject(new Error(`loadgen: ${msg.error}`));
    else w.resolve(msg.result);
  });
  child.on('exit', (code, signal) => {
    proc.exited = true;
    proc.exitCode = code ?? signal;
    const err = new Error(`loadgen exited (${code ?? signal})`);
    ready.reject(err);
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  });
  await readyP;
  return {
    pid: child.pid,
    /** One RPC; fails if no answer within the cell's duration plus a generous margin. */
    call(op, spec) {
      const id = nextId++;
      const limitMs = ((spec?.seconds ?? 0) + 45) * 1000;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`loadgen: no answer to ${op} within ${limitMs / 1000} s`));
        }, limitMs);
        const done = (f) => (v) => {
          clearTimeout(timer);
          f(v);
        };
        waiting.set(id, { resolve: done(resolve), reject: done(reject) });
        child.send({ id, op, spec });
      });
    },
  };
}

/** SIGTERM every child still running, SIGKILL what is left after `graceMs`, remove temp dirs. */
export async function cleanup(graceMs = 3000) {
  if (cleaned) return;
  cleaned = true;
  const live = [...children].filter((p) => !p.exited);
  signalAll(live, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (live.some((p) => !p.exited) && Date.now() < deadline) await sleep(25);
  signalAll(live, 'SIGKILL');
  removeTempDirs();
}

/** Last resort from a synchronous 'exit' handler. */
export function killNowSync() {
  signalAll(children, 'SIGKILL');
  removeTempDirs();
}

/** Signals every process that has not exited; one already gone is not an error. */
function signalAll(procs, signal) {
  for (const p of procs) {
    if (p.exited) continue;
    try {
      process.kill(p.pid, signal);
    } catch {
      // It exited between the check and the signal: nothing left to stop.
    }
  }
}

function removeTempDirs() {
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort on the way out: what cannot be removed stays in the system's temp directory.
    }
  }
  tempDirs.clear();
}

export function readLog(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function fileSize(file) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function tail(text, lines = 20) {
  return text.split('\n').slice(-lines - 1).join('\n');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process (all threads), in milliseconds. */
export function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memoryMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Busy and total jiffies per CPU from /proc/stat, for per-core utilisation over an interval. */
export function cpuTimes() {
  const out = {};
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const m = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2].split(/\s+/).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    // task: user + nice + system, the part that is charged to processes (not irq/softirq/steal).
    out[m[1]] = { busy: total - idle, total, task: v[0] + v[1] + v[2] };
  }
  return out;
}

/**
 * CPU used by processes other than `oursMs` over an interval, as % of one core: task time of
 * all CPUs (from /proc/stat) minus the CPU time of our own processes. Another job on the
 * machine during a measurement shows up here.
 */
export function foreignPercent(before, after, oursMs, wallMs) {
  let taskJiffies = 0;
  for (const cpu of Object.keys(after)) if (before[cpu]) taskJiffies += after[cpu].task - before[cpu].task;
  return Math.max(0, (100 * ((taskJiffies * 1000) / CLK_TCK - oursMs)) / wallMs);
}

export function busyPercent(before, after, cpu) {
  const b = before[cpu];
  const a = after[cpu];
  if (!a || !b || a.total === b.total) return null;
  return (100 * (a.busy - b.busy)) / (a.total - b.total);
}

export function machineInfo() {
  const cpuinfo = readLog('/proc/cpuinfo');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  let kernel = '';
  try {
    kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  } catch {
    // Not Linux: the report just has no kernel version.
  }
  const git = (...args) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'packages');
  return {
    cpuModel: model,
    commit: git('rev-parse', '--short', 'HEAD'),
    packagesDirty: status === null ? null : status.length > 0,
    cpus: (cpuinfo.match(/^processor\s*:/gm) ?? []).length,
    node: process.version,
    kernel,
    date: new Date().toISOString(),
  };
}
