// Standalone mock upstream for the benchmark:
//   node packages/testkit/dist/cli.js --port 9100 [--latency 20] [--chunk-delay 0] [--api-key sk-x]
// Prints one line "mock listening <url>" and runs until SIGTERM/SIGINT.
// No per-request logging or capture: it is a load-test target.
import { startMockOpenAI } from './openai-mock.js';
import { parseCliArgs } from './cli-args.js';

let opts;
try {
  opts = parseCliArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(2);
}
const mock = await startMockOpenAI(opts);
process.stdout.write(`mock listening ${mock.url}\n`);

const stop = (): void => {
  // Exit even if close() stalls: the benchmark expects the process to go away promptly.
  setTimeout(() => process.exit(0), 1000).unref();
  void mock.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
