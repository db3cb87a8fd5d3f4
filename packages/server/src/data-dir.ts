import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DATA_DIR holds the SQLite database (password hashes, sealed channel keys, balances), the
 * deployment secret and the node id: nothing in it is for other users of the machine. The
 * directory is 0700 and every file the server creates there 0600. Directories and files made by
 * older versions (0755 / 0644) are tightened at start-up.
 */
const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The files of DATA_DIR other than the database, which `prepareSqliteFile` handles wherever it lives. */
const DATA_FILES = ['secret', 'node-id'];

/**
 * Makes an existing DATA_DIR and its files private. It does not create the directory: a node
 * given SECRET, NODE_ID and a server database never needs one (its filesystem may be read-only);
 * whatever writes there first creates it with `ensurePrivateDir`. Returns the paths it could not
 * tighten (owned by another user): the server still starts, and the caller warns about them.
 */
export function tightenDataDir(dataDir: string): string[] {
  const paths: Array<[string, number]> = [[dataDir, PRIVATE_DIR_MODE], ...DATA_FILES.map((name): [string, number] => [join(dataDir, name), PRIVATE_FILE_MODE])];
  return paths.filter(([path, mode]) => !tighten(path, mode)).map(([path]) => path);
}

/** Creates a directory (and missing parents) that only this user can enter. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes a SQLite database and its companions private before SQLite opens it. SQLite creates
 * -wal and -shm itself, with the permissions of the database file, so the file is created
 * 0600 first rather than left for SQLite to create with the process's default (0644).
 */
export function prepareSqliteFile(file: string): string[] {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  return ['', '-wal', '-shm', '-journal'].map((suffix) => file + suffix).filter((path) => !tighten(path, PRIVATE_FILE_MODE));
}

/** chmod that tolerates a missing file; false when the file exists and could not be changed. */
function tighten(path: string, mode: number): boolean {
  try {
    chmodSync(path, mode);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
