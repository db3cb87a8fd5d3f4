import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IrProtocol } from '@switchboard/protocol';
import type { ApiKeyService, ResolvedKey } from '../accounts/api-keys.js';
import type { GenerationDeps } from './generate/generate.js';
import type { BadKeyGuard } from './v1-auth.js';

/**
 * What every /v1 and /v1beta route is given: the services of the relay, key authentication
 * that runs before the body is read, and the caller it resolved. A leaf module, so route files
 * (here and in billing/) depend on it and `v1-routes.ts` depends on them, never the reverse.
 */
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
};

export interface V1Route {
  deps: V1Deps;
  /** onRequest hook for a route whose callers speak `protocol`. */
  authenticate(protocol: IrProtocol, opts?: { queryKey?: boolean }): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  callerOf(request: FastifyRequest): ResolvedKey;
}
