// Maps method + path (+ the headers that tell protocols apart) to what the mock
// does: a fixed reply (model lists, credential and URL failures), the OAuth token
// endpoint, or a chat answer in one protocol's dialect. Every protocol lives on the
// same server so one mock can stand in for several upstreams of a gateway.
import type { IncomingHttpHeaders } from 'node:http';
import type { MockState } from './state.js';
import type { Dialect } from './dialect.js';
import type { Reply } from './respond.js';
import { anthropicReply, checkAnthropic, checkAzure, checkGemini, checkOpenAI, checkVertex } from './auth.js';
import { openaiDialect } from './openai-wire.js';
import { azureDialect } from './azure-wire.js';
import { anthropicDialect } from './anthropic-wire.js';
import { geminiDialect } from './gemini-wire.js';
import { checkResponsesBody, responsesDialect } from './responses-wire.js';
import { invalidJson, invalidUrl } from './openai-errors.js';
import { azureNotFound } from './azure-errors.js';
import { GOOGLE_JSON_HEADERS, googleError } from './google-errors.js';

export interface ChatRoute {
  dialect: Dialect;
  /** Fixed by the URL (Gemini, Vertex); undefined = the body's `stream: true` decides. */
  stream: boolean | undefined;
  /** Model named by the URL (Gemini, Vertex, Azure deployment); undefined = the body's. */
  model: string | undefined;
  /** Answer to a body that is not a JSON object. */
  invalidJson: Reply;
  /** Further body checks; like every failure before the answer, they consume no script. */
  check?: (body: Record<string, unknown>) => Reply | undefined;
}

export type Route = { kind: 'reply'; reply: Reply } | { kind: 'token' } | { kind: 'chat'; chat: ChatRoute };

const GEMINI_PATH = /^\/(?:v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const VERTEX_PATH =
  /^\/(?:v1|v1beta1)\/projects\/[^/]+\/locations\/[^/]+\/publishers\/(google|anthropic)\/models\/([^/:]+):(generateContent|streamGenerateContent|rawPredict|streamRawPredict)$/;
const AZURE_DEPLOYMENT_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;

const GOOGLE_BAD_JSON: Reply = { status: 400, body: googleError(400, 'Invalid JSON payload received.'), headers: GOOGLE_JSON_HEADERS };
const OPENAI_BAD_JSON: Reply = { status: 400, body: invalidJson() };

const geminiSse = geminiDialect({ vertex: false, sse: true });
const geminiArray = geminiDialect({ vertex: false, sse: false });
const vertexSse = geminiDialect({ vertex: true, sse: true });
const vertexArray = geminiDialect({ vertex: true, sse: false });

const reply = (r: Reply): Route => ({ kind: 'reply', reply: r });
const list = (json: string, headers?: Record<string, string>): Route => reply({ status: 200, body: undefined, json, ...(headers ? { headers } : {}) });

export function route(state: MockState, method: string, url: URL, headers: IncomingHttpHeaders): Route {
  const path = url.pathname;
  const post = method === 'POST';
  const get = method === 'GET';

  if (post && path === '/v1/chat/completions') {
    return gate(checkOpenAI(state, headers), { dialect: openaiDialect, stream: undefined, model: undefined, invalidJson: OPENAI_BAD_JSON });
  }
  if (post && path === '/v1/responses') {
    return gate(checkOpenAI(state, headers), {
      dialect: responsesDialect,
      stream: undefined,
      model: undefined,
      invalidJson: OPENAI_BAD_JSON,
      check: checkResponsesBody,
    });
  }
  if (get && path === '/v1/models') {
    // Both APIs list models here; Anthropic clients always send their own headers.
    if (headers['anthropic-version'] !== undefined || headers['x-api-key'] !== undefined) {
      return failed(checkAnthropic(state, headers)) ?? list(state.modelLists.anthropic);
    }
    return failed(checkOpenAI(state, headers)) ?? list(state.modelLists.openai);
  }
  if (post && path === '/v1/messages') {
    return gate(checkAnthropic(state, headers), {
      dialect: anthropicDialect,
      stream: undefined,
      model: undefined,
      invalidJson: anthropicReply(400, 'There was an error parsing the body of your request as JSON'),
      check: (body) => checkMessagesBody(body, false),
    });
  }
  if (post && path === '/token') return { kind: 'token' };

  let m = GEMINI_PATH.exec(path);
  if (post && m) {
    const stream = m[2] === 'streamGenerateContent';
    return gate(checkGemini(state, headers, url.searchParams), {
      dialect: stream && url.searchParams.get('alt') !== 'sse' ? geminiArray : geminiSse,
      stream,
      model: decodeURIComponent(m[1]!),
      invalidJson: GOOGLE_BAD_JSON,
      check: checkContents,
    });
  }
  if (get && path === '/v1beta/models') {
    return failed(checkGemini(state, headers, url.searchParams)) ?? list(state.modelLists.gemini, GOOGLE_JSON_HEADERS);
  }

  m = VERTEX_PATH.exec(path);
  if (post && m) {
    const [, publisher, model, action] = m;
    const anthropic = publisher === 'anthropic';
    if (anthropic !== (action === 'rawPredict' || action === 'streamRawPredict')) return notFound(path);
    const stream = action === 'streamGenerateContent' || action === 'streamRawPredict';
    const sse = url.searchParams.get('alt') === 'sse';
    return gate(checkVertex(state, headers), {
      dialect: anthropic ? anthropicDialect : stream && !sse ? vertexArray : vertexSse,
      stream,
      model: decodeURIComponent(model!),
      invalidJson: GOOGLE_BAD_JSON,
      check: anthropic ? (body) => checkMessagesBody(body, true) : checkContents,
    });
  }

  m = AZURE_DEPLOYMENT_PATH.exec(path);
  if (post && m) {
    if (!url.searchParams.get('api-version')) return reply({ status: 404, body: azureNotFound() });
    return gate(checkAzure(state, headers), {
      dialect: azureDialect,
      stream: undefined,
      model: decodeURIComponent(m[1]!),
      invalidJson: OPENAI_BAD_JSON,
    });
  }
  // The v1 API needs no api-version and takes the deployment name as `model`.
  if (post && path === '/openai/v1/chat/completions') {
    return gate(checkAzure(state, headers), { dialect: azureDialect, stream: undefined, model: undefined, invalidJson: OPENAI_BAD_JSON });
  }
  if (get && path === '/openai/v1/models') return failed(checkAzure(state, headers)) ?? list(state.modelLists.openai);

  return notFound(path, method);
}

function gate(failure: Reply | undefined, chat: ChatRoute): Route {
  return failure ? reply(failure) : { kind: 'chat', chat };
}

function failed(failure: Reply | undefined): Route | undefined {
  return failure && reply(failure);
}

/** An unknown path, in the shape of the API family its prefix belongs to. */
function notFound(path: string, method = 'POST'): Route {
  if (path.startsWith('/openai/')) return reply({ status: 404, body: azureNotFound() });
  if (/^\/(v1beta|v1beta1)\//.test(path) || path.startsWith('/v1/projects/')) {
    return reply({ status: 404, body: googleError(404), headers: GOOGLE_JSON_HEADERS });
  }
  return reply({ status: 404, body: invalidUrl(method, path) });
}

/**
 * Fields the Messages API rejects a request without. Claude on Vertex takes the model
 * from the URL and the version from the body, so there `model` is refused and
 * `anthropic_version` required; gateways that forward a native body unchanged fail here
 * as they would upstream.
 */
function checkMessagesBody(body: Record<string, unknown>, vertex: boolean): Reply | undefined {
  if (vertex) {
    if (typeof body.anthropic_version !== 'string') return anthropicReply(400, 'anthropic_version: Field required');
    if ('model' in body) return anthropicReply(400, 'model: Extra inputs are not permitted');
  } else if (typeof body.model !== 'string') {
    return anthropicReply(400, 'model: Field required');
  }
  if (typeof body.max_tokens !== 'number') return anthropicReply(400, 'max_tokens: Field required');
  if (!Array.isArray(body.messages)) return anthropicReply(400, 'messages: Field required');
  return undefined;
}

function checkContents(body: Record<string, unknown>): Reply | undefined {
  if (Array.isArray(body.contents) && body.contents.length > 0) return undefined;
  return { status: 400, body: googleError(400, '* GenerateContentRequest.contents: contents is not specified\n'), headers: GOOGLE_JSON_HEADERS };
}
