import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chatCompletionRequestSchema, describeZodError } from '@switchboard/protocol';
import type { ApiKeyService, ResolvedKey } from '../accounts/api-keys.js';
import { nextRequestId } from '../crypto/tokens.js';
import { AppError } from '../http/errors.js';
import { relayChat, type ChatRelayDeps } from './chat/chat-relay.js';
import { modelsFor } from './routing/router.js';
import { authenticateKey, checkModelAllowed } from './v1-auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key of a /v1 call, resolved in onRequest. */
    caller: ResolvedKey | null;
  }
}

export function registerV1Routes(app: FastifyInstance, deps: ChatRelayDeps & { keys: ApiKeyService; startedAt: number }): void {
  app.decorateRequest('caller', null);
  // The key is checked before the body is read: an unauthenticated client cannot make the
  // server receive and parse a large body.
  const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
    // Set first, so browsers can read the error of a rejected key too.
    reply.header('access-control-allow-origin', '*');
    request.caller = await authenticateKey(deps.keys, request);
  };
  const callerOf = (request: FastifyRequest): ResolvedKey => request.caller!;

  app.post('/v1/chat/completions', { onRequest }, async (request, reply) => {
    const startedAt = performance.now();
    const caller = callerOf(request);
    if (request.body === undefined || request.body === null || typeof request.body !== 'object' || Array.isArray(request.body)) {
      throw new AppError(400, 'invalid_body', 'the request body must be a JSON object');
    }
    const parsed = chatCompletionRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new AppError(400, 'invalid_request', describeZodError(parsed.error));
    checkModelAllowed(caller, parsed.data.model);
    await relayChat(deps, {
      requestId: nextRequestId(),
      caller,
      body: parsed.data,
      ip: request.ip,
      reply,
      startedAt,
    });
    return reply;
  });

  const created = Math.floor(deps.startedAt / 1000);
  const visibleModels = (key: ResolvedKey) =>
    modelsFor(deps.directory.snapshot, key.user.group).filter((m) => !key.models || key.models.has(m));

  app.get('/v1/models', { onRequest }, async (request) => {
    const caller = callerOf(request);
    return {
      object: 'list',
      data: visibleModels(caller).map((id) => ({ id, object: 'model', created, owned_by: 'switchboard' })),
    };
  });

  app.get<{ Params: { model: string } }>('/v1/models/:model', { onRequest }, async (request) => {
    const caller = callerOf(request);
    const id = request.params.model;
    if (!visibleModels(caller).includes(id)) throw new AppError(404, 'model_not_found', `model "${id}" does not exist or is not available to you`);
    return { id, object: 'model', created, owned_by: 'switchboard' };
  });
}
