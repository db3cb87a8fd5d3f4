import { Worker } from 'node:worker_threads';

/**
 * SQLite's WAL checkpoint copies the log into the database and fsyncs both. Left automatic it
 * runs inside whichever commit crosses the threshold — on the event loop, as a 10–60 ms stall
 * (measured under load). Instead a worker thread with its own connection checkpoints
 * passively every second; passive checkpoints never block the writer. The main connection
 * keeps a large automatic threshold only as a safety net should the worker stop.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick retries */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); process.exit(0); });
`;

export const SAFETY_NET_AUTOCHECKPOINT_PAGES = 20_000;

export function startCheckpointer(file: string, driverPath: string, intervalMs = 1000): () => Promise<void> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: driverPath, intervalMs } });
  worker.unref();
  return async () => {
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    await exited;
  };
}
