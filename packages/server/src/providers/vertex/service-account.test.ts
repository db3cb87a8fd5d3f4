import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_URI, parseServiceAccount, ServiceAccountError } from './service-account.js';
import { parseVertexKey } from './vertex-key.js';

const privatePem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
// The base64 body of the key: what must never show up in an error or a log line.
const keyBody = privatePem.split('\n')[5]!;
const account = {
  type: 'service_account',
  project_id: 'my-project-123',
  private_key_id: 'kid-1',
  private_key: privatePem,
  client_email: 'relay@my-project-123.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
};

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('parseServiceAccount', () => {
  it('reads a key file', () => {
    const parsed = parseServiceAccount(JSON.stringify(account));
    expect(parsed).toMatchObject({
      clientEmail: account.client_email,
      privateKeyId: 'kid-1',
      projectId: 'my-project-123',
      tokenUri: account.token_uri,
    });
    expect(parsed.privateKey.asymmetricKeyType).toBe('rsa');
    // A logged account shows no key material.
    expect(inspect(parsed, { depth: 5 })).not.toContain(keyBody);
    expect(JSON.stringify(parsed)).not.toContain(keyBody);
  });

  it('defaults the token URI', () => {
    const { token_uri: _t, ...rest } = account;
    expect(parseServiceAccount(JSON.stringify(rest)).tokenUri).toBe(DEFAULT_TOKEN_URI);
  });

  it('rejects broken JSON without quoting it', () => {
    const broken = JSON.stringify(account).slice(0, -5);
    const err = errorOf(() => parseServiceAccount(broken));
    expect(err).toBeInstanceOf(ServiceAccountError);
    expect(err.message).toMatch(/not valid JSON/);
    expect(err.message).not.toContain(keyBody);
    expect(err.message).not.toContain('PRIVATE KEY');
  });

  it('names missing or invalid fields, not their values', () => {
    const { client_email: _e, ...noEmail } = account;
    const err = errorOf(() => parseServiceAccount(JSON.stringify({ ...noEmail, private_key_id: 7 })));
    expect(err.message).toBe('service-account key has missing or invalid fields: client_email, private_key_id');
    expect(err.message).not.toContain(keyBody);
  });

  it('rejects a private key that is not PEM without echoing it', () => {
    const mangled = privatePem.replace('-----BEGIN PRIVATE KEY-----', '');
    const err = errorOf(() => parseServiceAccount(JSON.stringify({ ...account, private_key: mangled })));
    expect(err.message).toBe('service-account private_key is not a PEM private key');
  });

  it('rejects a token URI that is not http(s)', () => {
    const err = errorOf(() => parseServiceAccount(JSON.stringify({ ...account, token_uri: 'file:///etc/passwd' })));
    expect(err.message).toContain('token_uri');
  });
});

describe('parseVertexKey', () => {
  const line = JSON.stringify(account);

  it('reads REGION|JSON with the project of the key file', () => {
    const key = parseVertexKey(`us-east5|${line}`);
    expect(key.region).toBe('us-east5');
    expect(key.projectId).toBe('my-project-123');
    expect(key.account.clientEmail).toBe(account.client_email);
    // Parsed once per distinct key.
    expect(parseVertexKey(`us-east5|${line}`)).toBe(key);
  });

  it('reads REGION|PROJECT|JSON', () => {
    const key = parseVertexKey(`global|other-project-9|${line}`);
    expect(key).toMatchObject({ region: 'global', projectId: 'other-project-9' });
  });

  it('rejects bad regions, projects and JSON without leaking the key', () => {
    for (const bad of [`us-east5`, `evil.com/|${line}`, `us-east5|Bad_Project|${line}`, `us-east5|not json`, `us-east5|{"private_key":"${keyBody}"`]) {
      const err = errorOf(() => parseVertexKey(bad));
      expect(err).toBeInstanceOf(ServiceAccountError);
      expect(err.message).toMatch(/Vertex key|service-account/);
      expect(err.message).not.toContain(keyBody);
    }
  });
});
