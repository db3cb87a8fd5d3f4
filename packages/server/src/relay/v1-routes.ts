import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IrProtocol } from '@switchboard/protocol';
import type { ApiKeyService, ResolvedKey } from '../accounts/api-keys.js';
import { registerOpenAIBillingRoutes, type Display } from '../billing/balance-routes.js';
import type { LedgerService } from '../billing/ledger.js';
import type { Db } from '../db/database.js';
import { loadCodec } from './routes/codecs.js';
import type { GenerationDeps } from './generate/generate.js';
import { registerPassthroughRoutes } from './passthrough/passthrough-routes.js';
import { registerAnthropicRoutes } from './routes/anthropic-routes.js';
import { registerGeminiRoutes } from './routes/gemini-routes.js';
import { registerModelListRoutes } from './routes/model-lists.js';
import { registerOpenAIChatRoutes } from './routes/openai-chat-routes.js';
import { registerResponsesRoutes } from './routes/responses-routes.js';
import { authenticateKey, type BadKeyGuard } from './v1-auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key of a /v1 call, resolved in onRequest. */
    caller: ResolvedKey | null;
    /** The protocol whose error shape this request's errors take (default: OpenAI's on /v1). */
    errorProtocol: IrProtocol | null;
  }
}

export type V1Deps = GenerationDeps & {
  keys: ApiKeyService;
  badKeys: BadKeyGuard;
  startedAt: number;
  /** For OpenAI's billing endpoints. */
  billing: { db: Db; ledger: LedgerService; display: Display };
};

/** What every /v1 and /v1beta route shares: key authentication before the body, CORS, error shape. */
export interface V1Route {
  deps: V1Deps;
  /** onRequest hook for a route whose callers speak `protocol`. */
  authenticate(protocol: IrProtocol, opts?: { queryKey?: boolean }): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  callerOf(request: FastifyRequest): ResolvedKey;
}

export function registerV1Routes(app: FastifyInstance, deps: V1Deps): void {
  app.decorateRequest('caller', null);
  app.decorateRequest('errorProtocol', null);
  const route: V1Route = {
    deps,
    // The key is checked before the body is read: an unauthenticated client cannot make the
    // server receive and parse a large body.
    authenticate: (protocol, opts) => async (request, reply) => {
      request.errorProtocol = protocol;
      // Loaded before anything can fail, so every error of this request leaves in its caller's shape.
      const codec = loadCodec(protocol);
      if (codec instanceof Promise) await codec;
      // Set first, so browsers can read the error of a rejected key too.
      reply.header('access-control-allow-origin', '*');
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
  registerOpenAIBillingRoutes(app, route, deps.billing.db, deps.billing.ledger, deps.billing.display);
}
