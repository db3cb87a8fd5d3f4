import { DROPPED_HEADER } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { registerPassthroughRoutes } from './passthrough/passthrough-routes.js';
import { registerAnthropicRoutes } from './routes/anthropic-routes.js';
import { loadCodec } from './routes/codecs.js';
import { registerGeminiRoutes } from './routes/gemini-routes.js';
import { registerModelListRoutes } from './routes/model-lists.js';
import { registerOpenAIChatRoutes } from './routes/openai-chat-routes.js';
import { registerResponsesRoutes } from './routes/responses-routes.js';
import { authenticateKey } from './v1-auth.js';
import { installV1RequestLog } from './v1-request-log.js';
import type { V1Deps, V1Route } from './v1-route.js';

const EXPOSED_HEADERS = `x-request-id, ${DROPPED_HEADER}`;

/** Registers every /v1 and /v1beta route of the relay; returns the route kit for endpoints other features add there. */
export function registerV1Routes(app: FastifyInstance, deps: V1Deps): V1Route {
  app.decorateRequest('caller', null);
  app.decorateRequest('errorProtocol', null);
  installV1RequestLog(app, deps.log);
  const route: V1Route = {
    deps,
    // The key is checked before the body is read: an unauthenticated client cannot make the
    // server receive and parse a large body.
    authenticate: (protocol, opts) => async (request, reply) => {
      request.errorProtocol = protocol;
      // Loaded before anything can fail, so every error of this request leaves in its caller's shape.
      const codec = loadCodec(protocol);
      if (codec instanceof Promise) await codec;
      // Set first, so browsers can read the error of a rejected key too; browser apps may also
      // read the request id and what a conversion dropped.
      reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSED_HEADERS);
      request.caller = await authenticateKey(deps.keys, deps.badKeys, request, opts?.queryKey === true);
    },
    callerOf: (request) => request.caller!,
  };
  registerOpenAIChatRoutes(app, route);
  registerResponsesRoutes(app, route);
  registerAnthropicRoutes(app, route);
  registerGeminiRoutes(app, route);
  registerModelListRoutes(app, route);
  registerPassthroughRoutes(app, route);
  return route;
}
