// Test credentials for the Vertex AI path: a fresh RSA key pair wrapped in the
// service-account key file format, so a gateway can run its real JWT-bearer flow
// against the mock's POST /token.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { TestServiceAccount } from './types.js';
import { GOOGLE_TOKEN_URL } from './google-oauth.js';

export interface TestServiceAccountOptions {
  /** Default "mock-project". */
  projectId?: string;
  /** Default `mock-sa@<projectId>.iam.gserviceaccount.com`. */
  clientEmail?: string;
  /** The key file's token_uri; set it to the mock's `tokenUrl`. Default Google's endpoint. */
  tokenUri?: string;
}

/**
 * Generates a service account. Start the mock with `serviceAccountPublicKey:
 * account.publicKey`, then point `account.json.token_uri` at `mock.tokenUrl`
 * (or pass `tokenUri` if the mock is already running).
 */
export function createTestServiceAccount(opts: TestServiceAccountOptions = {}): TestServiceAccount {
  const projectId = opts.projectId ?? 'mock-project';
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey,
    json: {
      type: 'service_account',
      project_id: projectId,
      private_key_id: randomBytes(20).toString('hex'),
      private_key: privateKey,
      client_email: opts.clientEmail ?? `mock-sa@${projectId}.iam.gserviceaccount.com`,
      client_id: String(100_000_000_000_000_000_000n + BigInt(randomBytes(6).readUIntBE(0, 6))),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: opts.tokenUri ?? GOOGLE_TOKEN_URL,
    },
  };
}
