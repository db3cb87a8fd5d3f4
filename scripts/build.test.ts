// What `npm start` and `npm run bench` rely on: scripts/build.mjs turns the sources into
// JavaScript that plain Node runs, laid out so the lazy imports, the paths computed from
// import.meta.url and the packages' `exports` maps all resolve.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
const dist = (pkg: string) => join(root, 'packages', pkg, 'dist');

/** Starts a Node process and resolves with the first URL it prints on a line matching `ready`. */
function startNode(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const url = ready.test(line) ? /https?:\/\/[^\s"]+/.exec(line)?.[0] : undefined;
        if (url) return resolve({ url, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`)));
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('scripts/build.mjs', () => {
  beforeAll(async () => {
    await run(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root });
  }, 120_000);

  it('writes a .js and a source map for every source file of the three packages', () => {
    for (const pkg of ['protocol', 'testkit', 'server']) {
      const built = readdirSync(dist(pkg), { recursive: true }).map(String);
      expect(built).toContain('index.js');
      expect(built).toContain('index.js.map');
    }
    expect(existsSync(join(dist('server'), 'main.js'))).toBe(true);
    expect(existsSync(join(dist('testkit'), 'cli.js'))).toBe(true);
    // Test-only sources are not shipped.
    expect(readdirSync(dist('protocol'), { recursive: true }).map(String).some((f) => f.includes('.test.'))).toBe(false);
  });

  it('gives modules that all load under plain Node, the lazily imported codecs and adapters included', async () => {
    // Entry scripts start servers when imported; everything else must import cleanly.
    const starters = new Set([join(dist('server'), 'main.js'), join(dist('testkit'), 'cli.js')]);
    const modules = ['protocol', 'testkit', 'server']
      .flatMap((pkg) => readdirSync(dist(pkg), { recursive: true }).map((f) => join(dist(pkg), String(f))))
      .filter((file) => file.endsWith('.js') && !starters.has(file));
    expect(modules.length).toBeGreaterThan(200);
    const script = `for (const url of ${JSON.stringify(modules.map((m) => pathToFileURL(m).href))}) await import(url);
      const { loadCodec } = await import(${JSON.stringify(pathToFileURL(join(dist('server'), 'relay/routes/codecs.js')).href)});
      for (const p of ['openai-responses', 'anthropic', 'gemini']) if (!(await loadCodec(p))) throw new Error(p);
      console.log('loaded');`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(stdout.trim()).toBe('loaded');
  }, 60_000);

  describe('the built programs', () => {
    let dataDir = '';
    let server: ChildProcess | undefined;
    let mock: ChildProcess | undefined;
    afterAll(async () => {
      await Promise.all([stop(server), stop(mock)]);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('serve: the server from dist/ (SQLite file, web page) and the testkit CLI the benchmark runs', async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'sb-build-test-'));
      const started = await startNode(
        [join(dist('server'), 'main.js')],
        { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ROOT_PASSWORD: 'build-test-password', NODE_ENV: 'development' },
        /Switchboard listening/,
      );
      server = started.child;
      const status = await fetch(`${started.url}/api/status`);
      expect(status.status).toBe(200);
      expect(await status.json()).toMatchObject({ name: 'Switchboard' });
      // The web directory is found from dist/ through import.meta.url.
      const page = await fetch(`${started.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      // The build wrote compressed copies of the app's files; the browser gets the one it accepts.
      const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(await page.text())?.[1];
      expect(entry).toMatch(/^\/assets\/index-.+\.js$/);
      const onDisk = readFileSync(join(root, 'packages/web/dist', entry!), 'utf8');
      for (const encoding of ['br', 'gzip']) {
        const script = await fetch(started.url + entry!, { headers: { 'accept-encoding': encoding } });
        expect(script.headers.get('content-encoding'), encoding).toBe(encoding);
        expect(Number(script.headers.get('content-length')), encoding).toBeLessThan(onDisk.length / 2);
        expect(await script.text(), encoding).toBe(onDisk);
      }
      const plain = await fetch(started.url + entry!, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(onDisk);

      const cli = await startNode([join(dist('testkit'), 'cli.js'), '--port', '0'], {}, /mock listening/);
      mock = cli.child;
      // The CLI prints its base URL, /v1 included, as the benchmark expects.
      const answer = await fetch(`${cli.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(answer.status).toBe(200);
    }, 60_000);
  });

  it('removes the output of a source that no longer exists, and leaves the declarations tsc writes', async () => {
    const stale = join(dist('server'), 'renamed-away.js');
    const declaration = join(dist('server'), 'kept-by-build.d.ts');
    writeFileSync(stale, 'export const stale = true;\n');
    writeFileSync(declaration, 'export declare const kept: true;\n');
    try {
      await run(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { cwd: root });
      expect(existsSync(stale), relative(root, stale)).toBe(false);
      expect(existsSync(declaration)).toBe(true);
    } finally {
      rmSync(stale, { force: true });
      rmSync(declaration, { force: true });
    }
  }, 120_000);
});
