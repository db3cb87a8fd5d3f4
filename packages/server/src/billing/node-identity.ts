import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBase62 } from '../crypto/tokens.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../data-dir.js';

/**
 * This node's lasting identity: kept in the data directory, so a node that restarts (after a
 * crash, say) knows which reservations were its own and releases them at once. Nodes that share
 * a database need data directories of their own (or NODE_ID in the environment).
 */
export function nodeIdentity(dataDir: string, configured = process.env.NODE_ID): string {
  if (configured?.trim()) return configured.trim().slice(0, 32);
  const file = join(dataDir, 'node-id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  ensurePrivateDir(dataDir);
  const id = `n${randomBase62(15)}`;
  try {
    writeFileSync(file, `${id}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    return id;
  } catch {
    return readFileSync(file, 'utf8').trim(); // another process of this data directory won the race
  }
}
