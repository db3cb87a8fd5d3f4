import { ConfigError, loadConfig } from './config.js';
import { startServer, type RunningServer } from './server.js';

/** Shutdown lets in-flight requests finish for this long, then exits anyway (code 1). */
const DRAIN_TIMEOUT_MS = 30_000;

/** `npm start`: load and check configuration, start the node, stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  // Whatever this process creates (DATA_DIR, the database, files SQLite adds next to it) is for
  // this user alone. data-dir.ts sets the same modes explicitly; the mask covers what it cannot name.
  process.umask(0o077);
  // A supervisor that went away closes our stdout: the first-start banner written there must not
  // crash the node with an unhandled EPIPE (logs have their own destination, which stops quietly).
  process.stdout.on('error', () => {});
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  // Signals are handled from the start: one that arrives while the node is still starting (or
  // right after it printed its address) stops it as soon as it is up, rather than killing it mid-way.
  let server: RunningServer | undefined = undefined;
  let stopping: string | undefined;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = signal;
    // The drain deadline holds whatever else happens, logging included.
    const force = setTimeout(() => process.exit(1), DRAIN_TIMEOUT_MS);
    force.unref();
    if (server) shutDown(server, signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  server = await startServer(config);
  if (stopping) shutDown(server, stopping);
}

function shutDown(server: RunningServer, signal: string): void {
  server.ctx.log.info({ signal }, 'shutting down: draining requests');
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      server.ctx.log.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`Switchboard failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
