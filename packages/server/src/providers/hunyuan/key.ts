import type { Tc3Credentials } from './tc3.js';

/**
 * A Hunyuan channel key: `SecretId|SecretKey` (a Tencent Cloud API key pair). Chat Nio
 * stored `AppId|SecretId|SecretKey`; the TC3 API does not use the AppId, so with three
 * parts the first is ignored and migrated keys keep working.
 */
export function parseHunyuanKey(key: string): Tc3Credentials {
  const parts = key.split('|').map((p) => p.trim());
  const [secretId, secretKey] = parts.length === 3 ? parts.slice(1) : parts;
  if ((parts.length !== 2 && parts.length !== 3) || !secretId || !secretKey) {
    throw new Error('a Hunyuan key must be SecretId|SecretKey (or AppId|SecretId|SecretKey)');
  }
  return { secretId, secretKey };
}
