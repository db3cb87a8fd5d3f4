import { anthropicEnvelopeSchema } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { loadCodec } from './codecs.js';
import { relayGeneration } from '../generate/generate.js';
import { inboundRequest } from '../generate/inbound.js';
import { checkModelAllowed } from '../v1-auth.js';
import type { V1Route } from '../v1-route.js';
import { checkEnvelope, objectBody, relayCallOf } from './body.js';

/**
 * POST /v1/messages: Anthropic's Messages API, served from any channel. Only the
 * envelope is checked here: roles, block types, tool types and fields Anthropic adds reach
 * an Anthropic upstream untouched, and are decoded (tolerantly) only for a conversion.
 */
export function registerAnthropicRoutes(app: FastifyInstance, route: V1Route): void {
  const onRequest = route.authenticate('anthropic');
  app.post('/v1/messages', { onRequest }, async (request, reply) => {
    const startedAt = performance.now();
    const anthropicCodec = await loadCodec('anthropic');
    const caller = route.callerOf(request);
    const body = objectBody(request.body);
    const envelope = checkEnvelope(anthropicEnvelopeSchema, body, { root: 'body' });
    checkModelAllowed(caller, envelope.model);
    const beta = request.headers['anthropic-beta'];
    const inbound = inboundRequest(
      {
        codec: anthropicCodec,
        endpoint: 'messages',
        model: envelope.model,
        stream: envelope.stream === true,
        includeUsage: true,
        maxOutputTokens: envelope.max_tokens,
        body,
        // Beta features ride on this header; only an Anthropic upstream understands it.
        passHeaders: typeof beta === 'string' && beta ? { 'anthropic-beta': beta } : {},
      },
      (dropped) => anthropicCodec.decodeRequest(body, { dropped }),
    );
    await relayGeneration(route.deps, relayCallOf(request, reply, caller, inbound, startedAt));
    return reply;
  });
}
