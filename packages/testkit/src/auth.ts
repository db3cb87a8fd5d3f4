// Credential checks, one per protocol, each failing the way that provider does.
// They run before the body is looked at, so a rejected request never consumes a script.
import type { IncomingHttpHeaders } from 'node:http';
import type { MockState } from './state.js';
import type { Reply } from './respond.js';
import { invalidApiKey } from './openai-errors.js';
import { anthropicError } from './anthropic-errors.js';
import { GOOGLE_JSON_HEADERS, apiKeyInvalid, apiKeyMissing, vertexUnauthenticated } from './google-errors.js';
import { azureAuthError } from './azure-errors.js';
import { randomId } from './ids.js';

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(header);
  return m ? m[1]!.trim() : undefined;
}

/** `Authorization: Bearer <key>`. */
export function checkOpenAI(state: MockState, headers: IncomingHttpHeaders): Reply | undefined {
  if (!state.apiKeys) return undefined;
  const token = bearer(headers.authorization);
  if (token !== undefined && state.apiKeys.has(token)) return undefined;
  return { status: 401, body: invalidApiKey(token) };
}

/** `x-api-key`, then the mandatory `anthropic-version` header. */
export function checkAnthropic(state: MockState, headers: IncomingHttpHeaders): Reply | undefined {
  const key = headers['x-api-key'];
  if (state.apiKeys && (typeof key !== 'string' || !state.apiKeys.has(key))) {
    return anthropicReply(401, typeof key === 'string' ? 'invalid x-api-key' : 'x-api-key header is required');
  }
  if (!headers['anthropic-version']) return anthropicReply(400, 'anthropic-version: header is required');
  return undefined;
}

export function anthropicReply(status: number, message: string): Reply {
  const requestId = randomId('req_011', 21);
  return { status, body: anthropicError(status, message, requestId), headers: { 'request-id': requestId } };
}

/** `x-goog-api-key` header or `?key=`; a wrong key is a 400 at Google, a missing one a 403. */
export function checkGemini(state: MockState, headers: IncomingHttpHeaders, query: URLSearchParams): Reply | undefined {
  if (!state.apiKeys) return undefined;
  const header = headers['x-goog-api-key'];
  const key = typeof header === 'string' ? header : (query.get('key') ?? undefined);
  if (key === undefined || key === '') return { status: 403, body: apiKeyMissing(), headers: GOOGLE_JSON_HEADERS };
  if (!state.apiKeys.has(key)) return { status: 400, body: apiKeyInvalid(), headers: GOOGLE_JSON_HEADERS };
  return undefined;
}

/** `api-key` header; Azure also takes an Entra ID bearer token, checked against the same keys here. */
export function checkAzure(state: MockState, headers: IncomingHttpHeaders): Reply | undefined {
  if (!state.apiKeys) return undefined;
  const header = headers['api-key'];
  const key = typeof header === 'string' ? header : bearer(headers.authorization);
  if (key !== undefined && state.apiKeys.has(key)) return undefined;
  return { status: 401, body: azureAuthError(key === undefined) };
}

/** OAuth access token as `Authorization: Bearer`; enforced once tokens or a service account are configured. */
export function checkVertex(state: MockState, headers: IncomingHttpHeaders): Reply | undefined {
  if (!state.vertexTokens) return undefined;
  const token = bearer(headers.authorization);
  if (token !== undefined && state.vertexTokens.has(token)) return undefined;
  return {
    status: 401,
    body: vertexUnauthenticated(token === undefined),
    headers: { ...GOOGLE_JSON_HEADERS, 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
  };
}
