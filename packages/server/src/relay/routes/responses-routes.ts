import { responsesEnvelopeSchema } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { loadCodec } from './codecs.js';
import { relayGeneration } from '../generate/generate.js';
import { inboundRequest } from '../generate/inbound.js';
import { checkModelAllowed } from '../v1-auth.js';
import type { V1Route } from '../v1-route.js';
import { checkEnvelope, objectBody, relayCallOf } from './body.js';

/**
 * POST /v1/responses: OpenAI's Responses API, served from any channel. Only the
 * envelope is checked here; items, tools and fields OpenAI adds reach an OpenAI upstream
 * untouched and are decoded (tolerantly) only for a conversion.
 */
export function registerResponsesRoutes(app: FastifyInstance, route: V1Route): void {
  const onRequest = route.authenticate('openai-responses');
  app.post('/v1/responses', { onRequest }, async (request, reply) => {
    const startedAt = performance.now();
    const openaiResponsesCodec = await loadCodec('openai-responses');
    const caller = route.callerOf(request);
    const body = objectBody(request.body);
    const envelope = checkEnvelope(responsesEnvelopeSchema, body);
    checkModelAllowed(caller, envelope.model);
    const limit = envelope.max_output_tokens;
    const inbound = inboundRequest(
      { codec: openaiResponsesCodec, endpoint: 'responses', model: envelope.model, stream: envelope.stream === true, includeUsage: true,
        ...(limit != null ? { maxOutputTokens: limit } : {}), body, passHeaders: {} },
      (dropped) => openaiResponsesCodec.decodeRequest(body, { dropped }),
    );
    await relayGeneration(route.deps, relayCallOf(request, reply, caller, inbound, startedAt));
    return reply;
  });
}
