import { createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * A Google service-account key as Switchboard keeps it. The private key is held only as a
 * KeyObject, which never prints its material, so an account that reaches a log or an
 * error leaks nothing.
 */
export interface ServiceAccount {
  clientEmail: string;
  privateKeyId: string;
  projectId: string;
  tokenUri: string;
  privateKey: KeyObject;
}

export const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';

const schema = z.object({
  type: z.literal('service_account').optional(),
  client_email: z.string().min(3).regex(/^[^\s@]+@[^\s@]+$/),
  private_key: z.string().min(1),
  private_key_id: z.string().min(1),
  project_id: z.string().min(1),
  token_uri: z.url({ protocol: /^https?$/ }).optional(),
});

/** A service-account JSON that cannot be used; the message names fields, never values. */
export class ServiceAccountError extends Error {
  override readonly name = 'ServiceAccountError';
}

export function parseServiceAccount(json: string): ServiceAccount {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    // JSON.parse's own message quotes the text around the error: it could be the key.
    throw new ServiceAccountError('service-account key is not valid JSON (paste the whole key file on one line)');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // zod messages describe the expected shape; built from field names only, to be certain no value is echoed.
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    throw new ServiceAccountError(`service-account key has missing or invalid fields: ${fields.join(', ')}`);
  }
  const account = parsed.data;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: account.private_key, format: 'pem' });
  } catch {
    throw new ServiceAccountError('service-account private_key is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw new ServiceAccountError('service-account private_key is not an RSA key');
  return {
    clientEmail: account.client_email,
    privateKeyId: account.private_key_id,
    projectId: account.project_id,
    tokenUri: account.token_uri ?? DEFAULT_TOKEN_URI,
    privateKey,
  };
}
