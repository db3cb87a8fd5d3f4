import type { FastifyInstance } from 'fastify';
import { loadCodec } from './codecs.js';
import { relayGeneration } from '../generate/generate.js';
import { inboundRequest } from '../generate/inbound.js';
import { checkModelAllowed } from '../v1-auth.js';
import type { V1Route } from '../v1-route.js';
import { decodeBody, objectBody, relayCallOf } from './body.js';

/** POST /v1/responses: OpenAI's Responses API, served from any channel. */
export function registerResponsesRoutes(app: FastifyInstance, route: V1Route): void {
  const onRequest = route.authenticate('openai-responses');
  app.post('/v1/responses', { onRequest }, async (request, reply) => {
    const startedAt = performance.now();
    const openaiResponsesCodec = await loadCodec('openai-responses');
    const caller = route.callerOf(request);
    const body = objectBody(request.body);
    const ir = decodeBody(openaiResponsesCodec, body);
    checkModelAllowed(caller, ir.model);
    const inbound = inboundRequest(
      { codec: openaiResponsesCodec, endpoint: 'responses', model: ir.model, stream: ir.stream, includeUsage: true,
        ...(ir.maxOutputTokens !== undefined ? { maxOutputTokens: ir.maxOutputTokens } : {}), body, passHeaders: {} },
      () => ir,
    );
    await relayGeneration(route.deps, relayCallOf(request, reply, caller, inbound, startedAt));
    return reply;
  });
}
