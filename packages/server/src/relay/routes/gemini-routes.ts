import { geminiEnvelopeSchema, quoted } from '@switchboard/protocol';
import type { FastifyInstance } from 'fastify';
import { loadCodec } from './codecs.js';
import { AppError } from '../../http/errors.js';
import { relayGeneration } from '../generate/generate.js';
import { inboundRequest } from '../generate/inbound.js';
import { checkModelAllowed } from '../v1-auth.js';
import type { V1Route } from '../v1-route.js';
import { checkEnvelope, objectBody, relayCallOf } from './body.js';

const ACTIONS = { generateContent: false, streamGenerateContent: true } as const;

/**
 * POST /v1beta/models/{model}:generateContent and :streamGenerateContent: the Gemini
 * API, served from any channel. The key may come as `x-goog-api-key` or `?key=`. Streams are
 * always SSE (what `alt=sse` asks for and what Google's SDKs use). Only the envelope is
 * checked here; parts, tools and fields Google adds reach a Gemini upstream untouched and are
 * decoded (tolerantly) only for a conversion.
 */
export function registerGeminiRoutes(app: FastifyInstance, route: V1Route): void {
  const onRequest = route.authenticate('gemini', { queryKey: true });
  app.post<{ Params: { target: string } }>('/v1beta/models/:target', { onRequest }, async (request, reply) => {
    const startedAt = performance.now();
    const geminiCodec = await loadCodec('gemini');
    const caller = route.callerOf(request);
    const colon = request.params.target.lastIndexOf(':');
    const model = colon > 0 ? request.params.target.slice(0, colon) : '';
    const action = colon > 0 ? request.params.target.slice(colon + 1) : '';
    if (!model || !(action in ACTIONS)) {
      throw new AppError(404, 'not_found', `unknown method ${quoted(request.params.target)}: use {model}:generateContent or {model}:streamGenerateContent`);
    }
    const stream = ACTIONS[action as keyof typeof ACTIONS];
    const body = objectBody(request.body);
    const envelope = checkEnvelope(geminiEnvelopeSchema, body, { brackets: true });
    checkModelAllowed(caller, model);
    const limit = envelope.generationConfig?.maxOutputTokens;
    const inbound = inboundRequest(
      { codec: geminiCodec, endpoint: action, model, stream, includeUsage: true,
        ...(limit != null ? { maxOutputTokens: limit } : {}), body, passHeaders: {} },
      (dropped) => geminiCodec.decodeRequest(body, { model, stream, dropped }),
    );
    await relayGeneration(route.deps, relayCallOf(request, reply, caller, inbound, startedAt));
    return reply;
  });
}
