import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text files worth compressing; images and fonts (woff2 is compressed already) are left alone. */
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/;
/** Below this, the headers cost more than compression saves. */
const minBytes = 1024;

/**
 * After the build, writes `<file>.br` (brotli, best) and `<file>.gz` (gzip, best) beside each
 * compressible file of the output, so the server sends them as they are (@fastify/static's
 * `preCompressed`) instead of compressing on every request or not at all. A variant that would not
 * be at least 10% smaller is not written.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'switchboard:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = filesUnder(outDir).filter((file) => compressible.test(file) && statSync(file).size >= minBytes);
      await Promise.all(
        files.map(async (file) => {
          const data = readFileSync(file);
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gzipped(data, { level: 9 }),
          ]);
          if (br.length < data.length * 0.9) writeFileSync(`${file}.br`, br);
          if (gz.length < data.length * 0.9) writeFileSync(`${file}.gz`, gz);
        }),
      );
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}
