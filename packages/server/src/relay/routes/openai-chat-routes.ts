import type { FastifyInstance } from 'fastify';
import { chatCompletionRequestSchema, describeZodError, openaiChatCodec } from '@switchboard/protocol';
import { AppError } from '../../http/errors.js';
import { relayGeneration } from '../generate/generate.js';
import { inboundRequest } from '../generate/inbound.js';
import { estimatePromptTokens } from '../token-estimate.js';
import { checkModelAllowed } from '../v1-auth.js';
import type { V1Route } from '../v1-route.js';
import { objectBody, relayCallOf } from './body.js';

/** POST /v1/chat/completions. */
export function registerOpenAIChatRoutes(app: FastifyInstance, route: V1Route): void {
  const onRequest = route.authenticate('openai-chat');
  app.post('/v1/chat/completions', { onRequest }, async (request, reply) => {
    const startedAt = performance.now();
    const caller = route.callerOf(request);
    const parsed = chatCompletionRequestSchema.safeParse(objectBody(request.body));
    if (!parsed.success) throw new AppError(400, 'invalid_request', describeZodError(parsed.error));
    const body = parsed.data;
    checkModelAllowed(caller, body.model);
    const inbound = inboundRequest(
      {
        codec: openaiChatCodec,
        endpoint: 'chat.completions',
        model: body.model,
        stream: body.stream === true,
        includeUsage: body.stream_options?.include_usage === true,
        body,
        fastPath: true,
        ...maxTokens(body.max_completion_tokens ?? body.max_tokens),
        estimatePrompt: () => estimatePromptTokens(body.messages),
        passHeaders: {},
      },
      (dropped) => openaiChatCodec.decodeRequest(body, { dropped }),
    );
    await relayGeneration(route.deps, relayCallOf(request, reply, caller, inbound, startedAt));
    return reply;
  });
}

/** The optional field, present only when the caller set a limit. */
function maxTokens(value: number | null | undefined): { maxOutputTokens?: number } {
  return typeof value === 'number' ? { maxOutputTokens: value } : {};
}
