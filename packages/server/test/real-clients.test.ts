import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockUpstream, type CapturedRequest, type MockUpstream } from '@switchboard/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createKey, startTestServer, stopAll, type TestServer } from './harness.js';
import { findCli, runCli, type Cli, type CliRun } from './real-cli.js';

/**
 * Issue 16: Claude Code and Codex CLI themselves, unmodified, pointed at a running
 * Switchboard whose channels are the testkit's mock upstreams. Each run asks for one tool
 * call (reading a file in the CLI's working directory) and then the answer, so the CLI's
 * own tool loop crosses the gateway twice. The settings used here are the ones the README
 * gives ("Use with Claude Code / Codex / Cursor / Cline").
 */

const claude = findCli('claude');
const codex = findCli('codex');
for (const cli of [claude, codex]) if (typeof cli === 'string') console.warn(`real-clients: skipped, ${cli}`);

const CLI_TIMEOUT_MS = 25_000;
const SECRET = 'The secret word is marmalade.';
const ANSWER = 'The word is marmalade.';

let server: TestServer;
let mock: MockUpstream;
let key: string;
let scratch: string;

beforeAll(async () => {
  server = await startTestServer();
  const root = await server.rootToken();
  key = await createKey(server, root);
  mock = await startMockUpstream({ apiKeys: ['sk-upstream'] });
  await createChannel(server, root, {
    name: 'anthropic',
    type: 'anthropic',
    base_url: mock.url,
    keys: 'sk-upstream',
    models: ['claude-opus-4-8', 'claude-sonnet-4-5', 'codex-via-anthropic'],
    mapping: 'codex-via-anthropic>claude-sonnet-4-5',
  });
  await createChannel(server, root, {
    name: 'openai',
    type: 'openai',
    base_url: mock.url,
    keys: 'sk-upstream',
    // Claude Code shapes its requests by the model's name: a dated Sonnet 4.5 id gets the
    // Sonnet 4.5 request, any name it does not know gets its newest model's request.
    models: ['codex-via-openai', 'claude-sonnet-4-5-20250929', 'claude-via-openai'],
    mapping: 'codex-via-openai>gpt-5-codex\nclaude-sonnet-4-5-20250929>gpt-4o-mini\nclaude-via-openai>gpt-4o-mini',
  });
  scratch = mkdtempSync(join(tmpdir(), 'sb-real-clients-'));
});

afterEach(() => mock.reset());
afterAll(async () => {
  await stopAll();
  await mock.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh home and working directory per run, with the file the mock asks the CLI to read. */
function sandbox(name: string): { home: string; cwd: string; file: string } {
  const home = mkdtempSync(join(scratch, `${name}-home-`));
  const cwd = mkdtempSync(join(scratch, `${name}-work-`));
  const file = join(cwd, 'hello.txt');
  writeFileSync(file, `${SECRET}\n`);
  return { home, cwd, file };
}

const generationCalls = (): CapturedRequest[] => mock.requests.filter((r) => r.method === 'POST');

/** The CLI printed the mock's final answer, exited 0, and sent the file back as the tool result. */
function expectToolLoop(run: CliRun): void {
  expect(run.timedOut, 'the CLI hit its deadline').toBe(false);
  expect(run.code, `exit code; stdout: ${run.stdout.slice(-1000)} stderr: ${run.stderr.slice(-1500)}`).toBe(0);
  expect(run.stdout).toContain(ANSWER);
  const calls = generationCalls();
  expect(calls).toHaveLength(2);
  expect(JSON.stringify(calls[1]!.body)).toContain(SECRET.slice(0, 20));
}

describe.skipIf(typeof claude === 'string')('Claude Code', () => {
  const cli = claude as Cli;

  async function runClaude(model: string | undefined): Promise<CliRun> {
    const box = sandbox('claude');
    mock.enqueue(
      { toolCalls: [{ name: 'Read', arguments: JSON.stringify({ file_path: box.file }), id: 'toolu_01' }] },
      { text: ANSWER },
    );
    return runCli(cli, ['-p', ...(model ? ['--model', model] : []), 'Read hello.txt and tell me the word in it.'], {
      cwd: box.cwd,
      timeoutMs: CLI_TIMEOUT_MS,
      env: {
        HOME: box.home,
        CLAUDE_CONFIG_DIR: join(box.home, '.claude'),
        ANTHROPIC_BASE_URL: server.base,
        ANTHROPIC_API_KEY: key,
        // Its documented switches for telemetry, error reports, updates and other background traffic.
        DISABLE_TELEMETRY: '1',
        DISABLE_ERROR_REPORTING: '1',
        DISABLE_AUTOUPDATER: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        // A failing gateway fails the test at once instead of after the CLI's backoff.
        CLAUDE_CODE_MAX_RETRIES: '0',
      },
    });
  }

  it(`runs a tool loop with --model claude-sonnet-4-5 on an Anthropic channel (${cli.version})`, async () => {
    expectToolLoop(await runClaude('claude-sonnet-4-5'));
    expect(generationCalls().every((r) => r.path === '/v1/messages')).toBe(true);
  });

  it('runs a tool loop with --model claude-sonnet-4-5-20250929 on an OpenAI channel (converted to Chat Completions)', async () => {
    expectToolLoop(await runClaude('claude-sonnet-4-5-20250929'));
    expect(generationCalls().every((r) => r.path === '/v1/chat/completions')).toBe(true);
  });

  // On its default model, and on any model name it does not know, Claude Code sends a role
  // "system" message inside `messages` (beta mid-conversation-system-2026-04-07), adaptive
  // thinking and output_config.effort: passed through, or mapped when converted (issue 16).
  it('runs a tool loop on its default model (claude-opus-4-8) on an Anthropic channel', async () => {
    expectToolLoop(await runClaude(undefined));
  });

  it('runs a tool loop with a model name of the gateway (claude-via-openai) on an OpenAI channel', async () => {
    expectToolLoop(await runClaude('claude-via-openai'));
  });
});

describe.skipIf(typeof codex === 'string')('Codex CLI', () => {
  const cli = codex as Cli;

  async function runCodex(model: string): Promise<CliRun> {
    const box = sandbox('codex');
    const codexHome = join(box.home, '.codex');
    mkdirSync(codexHome);
    writeFileSync(
      join(codexHome, 'config.toml'),
      [
        `model = "${model}"`,
        'model_provider = "switchboard"',
        '',
        '[model_providers.switchboard]',
        'name = "Switchboard"',
        `base_url = "${server.base}/v1"`,
        'env_key = "SWITCHBOARD_API_KEY"',
        'wire_api = "responses"',
        // A failing gateway fails the test at once instead of after the CLI's backoff.
        'request_max_retries = 0',
        'stream_max_retries = 0',
        '',
        // Off: the plugin marketplace sync (a git clone from GitHub) and usage metrics.
        '[features]',
        'plugins = false',
        '',
        '[analytics]',
        'enabled = false',
        '',
      ].join('\n'),
    );
    mock.enqueue({ toolCalls: [{ name: 'exec_command', arguments: JSON.stringify({ cmd: 'cat hello.txt' }), id: 'call_01' }] }, { text: ANSWER });
    return runCli(cli, ['exec', '--skip-git-repo-check', '--ephemeral', '--sandbox', 'read-only', 'Read hello.txt and tell me the word in it.'], {
      cwd: box.cwd,
      timeoutMs: CLI_TIMEOUT_MS,
      env: { HOME: box.home, CODEX_HOME: codexHome, SWITCHBOARD_API_KEY: key },
    });
  }

  it(`runs a tool loop on an OpenAI channel (Responses passed through) (${cli.version})`, async () => {
    expectToolLoop(await runCodex('codex-via-openai'));
    expect(generationCalls().every((r) => r.path === '/v1/responses')).toBe(true);
  });

  it('runs a tool loop on an Anthropic channel (converted to Messages)', async () => {
    expectToolLoop(await runCodex('codex-via-anthropic'));
    expect(generationCalls().every((r) => r.path === '/v1/messages')).toBe(true);
  });
});
