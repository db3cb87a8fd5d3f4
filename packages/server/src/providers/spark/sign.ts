import { createHmac } from 'node:crypto';

/**
 * iFlytek's WebSocket URL authentication ("通用鉴权URL"), step by step as the document lays
 * it out, so each step can be checked against its worked example:
 *   1. signature_origin     = "host: {host}\ndate: {date}\nGET {path} HTTP/1.1"
 *   2. signature            = base64(HMAC-SHA256(APISecret, signature_origin))
 *   3. authorization_origin = api_key="…", algorithm="hmac-sha256", headers="host date request-line", signature="…"
 *   4. authorization        = base64(authorization_origin)
 * The three values travel in the query (`authorization`, `date`, `host`), because a browser
 * WebSocket cannot set headers; the server recomputes step 1 from them and the request line.
 */

export interface SparkSignInput {
  apiKey: string;
  apiSecret: string;
  /** Host as sent in the Host header (with the port when it is not the default). */
  host: string;
  /** Request path without the query, e.g. "/v3.5/chat". */
  path: string;
  /** RFC 1123 date, see `sparkDate`. */
  date: string;
}

/** RFC 1123 in GMT ("Fri, 05 May 2023 10:43:39 GMT"); iFlytek refuses other zones and a skew over 300 s. */
export function sparkDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function signatureOrigin(host: string, date: string, path: string): string {
  return `host: ${host}\ndate: ${date}\nGET ${path} HTTP/1.1`;
}

export function sparkSignature(apiSecret: string, origin: string): string {
  return createHmac('sha256', apiSecret).update(origin, 'utf8').digest('base64');
}

export function authorizationOrigin(apiKey: string, signature: string): string {
  return `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`;
}

/** The `authorization` query value for one connection. */
export function sparkAuthorization(input: SparkSignInput): string {
  const signature = sparkSignature(input.apiSecret, signatureOrigin(input.host, input.date, input.path));
  return Buffer.from(authorizationOrigin(input.apiKey, signature), 'utf8').toString('base64');
}

/**
 * The query string to append to the path. Form encoding (spaces as "+", commas as %2C) is
 * what the document's Python `urlencode` produces; the server decodes it either way.
 */
export function sparkAuthQuery(input: SparkSignInput): string {
  return new URLSearchParams({ authorization: sparkAuthorization(input), date: input.date, host: input.host }).toString();
}
