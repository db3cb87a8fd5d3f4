// `Algorithm` is an ambient const enum, unusable under verbatimModuleSyntax; 2 is Argon2id.
const ARGON2ID = 2;

// Loaded on first use: a node that only relays never pays the native module's memory.
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const load = () => (argon2 ??= import('@node-rs/argon2'));

/**
 * argon2id at m=7 MiB, t=5, p=1: one of the settings OWASP lists as equal in strength to its
 * 19 MiB/t=2 baseline. The smaller working set matters on a server: every hash allocates it,
 * so ten sign-ins at once cost 70 MiB instead of 190. Verification reads the parameters from
 * the stored hash, so changing them later keeps existing hashes valid.
 */
export async function hashPassword(password: string): Promise<string> {
  return (await load()).hash(password, { algorithm: ARGON2ID, memoryCost: 7168, timeCost: 5, parallelism: 1 });
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await (await load()).verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs the same as a real one (no user-enumeration by timing). */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}
