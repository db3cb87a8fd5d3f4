import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { rootPasswordBanner } from './root-banner.js';
import { ensureRootUser } from './root-user.js';

/**
 * Display width of a banner line. The banner may only hold printable ASCII and box-drawing
 * characters (U+2500–U+257F), each one terminal column; anything else fails the test rather
 * than being measured wrongly.
 */
function displayWidth(line: string): number {
  for (const ch of line) expect(ch, `unexpected character in ${JSON.stringify(line)}`).toMatch(/^[\x20-\x7e\u2500-\u257f]$/);
  return [...line].length;
}

function boxLines(banner: string): string[] {
  return banner.split('\n').filter((line) => line.trim() !== '');
}

describe('the first-start root password banner', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('prints a closed box whose lines all have the same display width', async () => {
    db = await openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrate(db);
    const shown: string[] = [];
    expect(await ensureRootUser(db, undefined, (m) => shown.push(m))).toBe(true);
    expect(shown).toHaveLength(1);
    const lines = boxLines(shown[0]!);
    expect(lines[0]!.trim()).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)!.trim()).toMatch(/^└─+┘$/);
    for (const line of lines.slice(1, -1)) expect(line.trim()).toMatch(/^│.*│$/);
    expect(lines.find((l) => l.includes('password:'))).toMatch(/password: [0-9A-Za-z]{20} /);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    // Root exists now: nothing is shown again.
    expect(await ensureRootUser(db, undefined, (m) => shown.push(m))).toBe(false);
    expect(shown).toHaveLength(1);
  });

  it('widens the box for a longer password instead of breaking the border', () => {
    const lines = boxLines(rootPasswordBanner('p'.repeat(60)));
    expect(lines).toHaveLength(6);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
    expect(lines.some((l) => l.includes('p'.repeat(60)))).toBe(true);
  });
});
