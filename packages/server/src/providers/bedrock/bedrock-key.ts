import type { AwsCredentials } from './sigv4.js';

/** A Bedrock channel key: `ACCESS_KEY_ID|SECRET_ACCESS_KEY|REGION[|SESSION_TOKEN]`. */
export interface BedrockKey {
  credentials: AwsCredentials;
  region: string;
}

const BEDROCK_KEY_FORMAT = 'ACCESS_KEY_ID|SECRET_ACCESS_KEY|REGION[|SESSION_TOKEN]';

// The region becomes part of a host name, so only region-shaped text is accepted.
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Throws an Error naming the malformed part; it never repeats the secret or the token. */
export function parseBedrockKey(key: string): BedrockKey {
  const parts = key.split('|').map((p) => p.trim());
  const [accessKeyId = '', secretAccessKey = '', region = ''] = parts;
  // STS tokens are base64 and never hold '|', but joining keeps an odd one intact.
  const sessionToken = parts.slice(3).join('|');
  if (parts.length < 3 || !accessKeyId || !secretAccessKey || !region) {
    throw new Error(`Bedrock key must be ${BEDROCK_KEY_FORMAT}`);
  }
  if (/\s/.test(accessKeyId) || /\s/.test(secretAccessKey)) throw new Error('Bedrock key: access key id and secret must not contain spaces');
  if (!REGION.test(region)) throw new Error(`Bedrock key: "${region.slice(0, 32)}" is not an AWS region (e.g. us-east-1)`);
  const credentials: AwsCredentials = sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
  return { credentials, region };
}
