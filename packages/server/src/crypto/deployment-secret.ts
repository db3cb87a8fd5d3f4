import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../data-dir.js';
import { randomBase62 } from './tokens.js';

/**
 * The SECRET from configuration, or (outside production) one generated on first start and
 * kept in the data directory so encrypted channel keys stay readable across restarts.
 */
export function resolveDeploymentSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  ensurePrivateDir(dataDir);
  const secret = randomBase62(48);
  writeFileSync(file, `${secret}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return secret;
}
