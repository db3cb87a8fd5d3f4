// Builds runnable JavaScript for the workspace packages in about a second, with no type
// check: `npm start` must not wait on one. Types are checked by `npm run typecheck` (tsc -b,
// which only writes declarations), and `npm test` runs both.
//
// Each TypeScript file is transpiled on its own into the same place under dist/ as under src/,
// so everything that depends on the file layout keeps working as it does under tsc: the lazy
// import()s of codecs and adapters, paths computed from import.meta.url (web dir,
// package.json), require.resolve() of drivers, and the package `exports` maps into dist/.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Workspace packages with TypeScript sources, and which of their files only the tests use
 * (the same files each package's tsconfig.json excludes). */
const packages = [
  { name: 'protocol', testOnly: [/\.test\.ts$/] },
  { name: 'testkit', testOnly: [/\.test\.ts$/, /(^|\/)test-[^/]*\.ts$/] },
  { name: 'server', testOnly: [/\.test\.ts$/] },
];

/** Every file under dir, as paths relative to dir. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

async function buildPackage({ name, testOnly }) {
  const pkgDir = join(root, 'packages', name);
  const src = join(pkgDir, 'src');
  const dist = join(pkgDir, 'dist');
  const entryPoints = filesUnder(src)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !testOnly.some((pattern) => pattern.test(file.split('\\').join('/'))))
    .map((file) => join(src, file));

  const result = await build({
    entryPoints,
    outdir: dist,
    outbase: src,
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    tsconfig: join(pkgDir, 'tsconfig.json'),
    sourcemap: true,
    sourcesContent: false, // the maps point at src/, which sits next to dist/
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
  });

  // A renamed or deleted source would otherwise leave its old .js behind in dist/, still
  // importable and silently out of date. Declarations (*.d.ts) belong to tsc and stay.
  const written = new Set(Object.keys(result.metafile.outputs).map((file) => join(root, file)));
  for (const file of filesUnder(dist)) {
    const path = join(dist, file);
    if (/\.js(\.map)?$/.test(file) && !written.has(path)) rmSync(path);
  }
  return entryPoints.length;
}

const web = join(root, 'packages', 'web');
const webStamp = join(web, 'dist', '.build-stamp');

/**
 * What the web bundle is made from: every source file's path, size and time, the lockfile's
 * (dependencies), and the VITE_ variables baked in at build time. A deleted or renamed file
 * changes it too.
 */
function webInputs() {
  const files = ['index.html', 'vite.config.ts', 'package.json', ...filesUnder(join(web, 'src')).map((f) => join('src', f))];
  const hash = createHash('sha256');
  for (const file of [...files.sort().map((f) => join(web, f)), join(root, 'package-lock.json')]) {
    const stat = statSync(file);
    hash.update(`${relative(root, file)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  for (const [name, value] of Object.entries(process.env).sort()) if (name.startsWith('VITE_')) hash.update(`${name}=${value}\n`);
  return hash.digest('hex');
}

/** The web app (Vite, no type check either); skipped when its inputs have not changed since the last build. */
async function buildWeb() {
  const inputs = webInputs();
  if (existsSync(webStamp) && readFileSync(webStamp, 'utf8') === inputs) return false;
  // Loaded only when needed: an unchanged app costs `npm start` nothing but the hash above.
  const { build: viteBuild } = await import('vite');
  await viteBuild({ root: web, configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(webStamp, inputs);
  return true;
}

const started = performance.now();
// Nothing is bundled across packages, so no package reads another's output while building:
// all of them at once.
const [webBuilt, ...counts] = await Promise.all([buildWeb(), ...packages.map(buildPackage)]);

const ms = Math.round(performance.now() - started);
if (!process.argv.includes('--quiet')) {
  const webNote = webBuilt ? 'and the web app' : 'web app unchanged';
  console.log(`built ${counts.reduce((a, b) => a + b, 0)} files ${webNote} in ${ms} ms (no type check: npm run typecheck)`);
}
