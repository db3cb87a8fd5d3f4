import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBase62 } from '../crypto/tokens.js';

/**
 * This node's lasting identity: kept in the data directory, so a node that restarts (after a
 * crash, say) knows which reservations were its own and releases them at once. Nodes that share
 * a database need data directories of their own (or NODE_ID in the environment).
 */
export function nodeIdentity(dataDir: string, configured = process.env.NODE_ID): string {
  if (configured?.trim()) return configured.trim().slice(0, 32);
  const file = join(dataDir, 'node-id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const id = `n${randomBase62(15)}`;
  try {
    writeFileSync(file, `${id}\n`, { flag: 'wx' });
    return id;
  } catch {
    return readFileSync(file, 'utf8').trim(); // another process of this data directory won the race
  }
}
