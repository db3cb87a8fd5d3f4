/** The three credentials of an iFlytek console application. */
export interface SparkCredentials {
  appId: string;
  apiSecret: string;
  apiKey: string;
}

/**
 * A Spark channel key: `APPID|APISecret|APIKey`, in Chat Nio's order (its sparkdesk adapter
 * reads the parts as AppId, ApiSecret, ApiKey), so migrated keys work unchanged. The APPID
 * goes into every request frame; the secret signs the URL; the API key is named in it.
 */
export function parseSparkKey(key: string): SparkCredentials {
  const parts = key.split('|').map((p) => p.trim());
  const [appId, apiSecret, apiKey] = parts;
  if (parts.length !== 3 || !appId || !apiSecret || !apiKey) {
    throw new Error('a Spark key must be APPID|APISecret|APIKey');
  }
  return { appId, apiSecret, apiKey };
}
