import type { FastifyInstance, FastifyRequest } from 'fastify';
import { openaiChatCodec, type IrRequest } from '@switchboard/protocol';
import { z } from 'zod';
import { describeZodError } from '@switchboard/protocol';
import { AppError } from '../../http/errors.js';
import { fastJsonAttempt } from '../generate/fast-json-attempt.js';
import { fastStreamAttempt } from '../generate/fast-stream-attempt.js';
import { relayAttempts, type AttemptRunner } from '../generate/generate.js';
import { inboundRequest } from '../generate/inbound.js';
import { objectBody, relayCallOf } from '../routes/body.js';
import { countTokens } from '../token-estimate.js';
import { checkModelAllowed } from '../v1-auth.js';
import type { V1Route } from '../v1-route.js';
import { readMultipart, rebuildMultipart } from './multipart.js';
import { openaiEndpointAdapter } from './openai-endpoint.js';
import { passthroughRunner } from './passthrough-attempt.js';

/**
 * The OpenAI endpoints beyond chat. Each is routed, metered and settled like a chat
 * call, and forwarded to OpenAI-compatible channels as the caller wrote it, with the model
 * mapped. Fields beyond those checked here pass through untouched: vendors extend them.
 */
const modelField = z.string().trim().min(1, 'model is required');
const text = z.union([z.string(), z.array(z.string())]);

const SPECS = {
  '/v1/embeddings': {
    path: '/embeddings',
    schema: z.looseObject({ model: modelField, input: z.union([text, z.array(z.number()), z.array(z.array(z.number()))]) }),
    inputText: (b: Record<string, unknown>) => joinText(b.input),
  },
  '/v1/moderations': {
    path: '/moderations',
    // OpenAI's default moderation model applies when the caller names none.
    schema: z.looseObject({ model: modelField.default('omni-moderation-latest'), input: z.union([text, z.array(z.looseObject({}))]) }),
    inputText: (b: Record<string, unknown>) => joinText(b.input),
  },
  '/v1/images/generations': {
    path: '/images/generations',
    schema: z.looseObject({ model: modelField.default('dall-e-3'), prompt: z.string().min(1, 'prompt is required'), n: z.number().int().min(1).max(10).optional() }),
    inputText: (b: Record<string, unknown>) => String(b.prompt ?? ''),
  },
  '/v1/audio/speech': {
    path: '/audio/speech',
    schema: z.looseObject({ model: modelField, input: z.string().min(1, 'input is required').max(4096), voice: z.string().min(1, 'voice is required') }),
    inputText: (b: Record<string, unknown>) => String(b.input ?? ''),
  },
  '/v1/rerank': {
    path: '/rerank',
    schema: z.looseObject({ model: modelField, query: z.string().min(1, 'query is required'), documents: z.array(z.union([z.string(), z.looseObject({})])).min(1) }),
    inputText: (b: Record<string, unknown>) => `${String(b.query ?? '')}\n${joinText(b.documents)}`,
  },
} as const;

export function registerPassthroughRoutes(app: FastifyInstance, route: V1Route): void {
  const onRequest = route.authenticate('openai-chat');

  for (const [url, spec] of Object.entries(SPECS)) {
    app.post(url, { onRequest }, async (request, reply) => {
      const startedAt = performance.now();
      const caller = route.callerOf(request);
      const parsed = spec.schema.safeParse(objectBody(request.body));
      if (!parsed.success) throw new AppError(400, 'invalid_request', describeZodError(parsed.error));
      const body = parsed.data as Record<string, unknown> & { model: string };
      checkModelAllowed(caller, body.model);
      const inbound = inboundRequest(
        {
          codec: openaiChatCodec,
          endpoint: spec.path.slice(1),
          model: body.model,
          stream: false,
          includeUsage: false,
          body,
          passHeaders: {},
          estimatePrompt: () => countTokens(spec.inputText(body)),
        },
        () => textIr(body.model, spec.inputText(body)),
      );
      const runner = passthroughRunner({ path: spec.path });
      await relayAttempts(route.deps, relayCallOf(request, reply, caller, inbound, startedAt), runner);
      return reply;
    });
  }

  registerLegacyCompletions(app, route);
  registerTranscriptions(app, route);
}

const completionSchema = z.looseObject({
  model: modelField,
  prompt: z.union([text, z.array(z.number()), z.array(z.array(z.number()))]),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
});

/** POST /v1/completions: the legacy text API, streamed on the same fast path as chat. */
function registerLegacyCompletions(app: FastifyInstance, route: V1Route): void {
  const run: AttemptRunner = async (ctx, inbound) => {
    const adapter = await openaiEndpointAdapter(ctx.attempt, '/completions');
    if (!adapter) {
      return {
        kind: 'failed',
        failure: { kind: 'not_found', status: 0, message: `channel type "${ctx.attempt.channel.type}" does not serve /v1/completions`, retryable: true },
      };
    }
    return inbound.stream ? fastStreamAttempt(ctx, adapter) : fastJsonAttempt(ctx, adapter);
  };
  app.post('/v1/completions', { onRequest: route.authenticate('openai-chat') }, async (request, reply) => {
    const startedAt = performance.now();
    const caller = route.callerOf(request);
    const parsed = completionSchema.safeParse(objectBody(request.body));
    if (!parsed.success) throw new AppError(400, 'invalid_request', describeZodError(parsed.error));
    const body = parsed.data;
    checkModelAllowed(caller, body.model);
    const inbound = inboundRequest(
      {
        codec: openaiChatCodec,
        endpoint: 'completions',
        model: body.model,
        stream: body.stream === true,
        includeUsage: body.stream_options?.include_usage === true,
        body,
        passHeaders: {},
        estimatePrompt: () => countTokens(joinText(body.prompt)),
      },
      () => textIr(body.model, joinText(body.prompt)),
    );
    await relayAttempts(route.deps, relayCallOf(request, reply, caller, inbound, startedAt), run);
    return reply;
  });
}

/** POST /v1/audio/transcriptions and /translations: multipart in, forwarded as multipart with the model mapped. */
function registerTranscriptions(app: FastifyInstance, route: V1Route): void {
  void app.register(async (scope) => {
    // Multipart is read whole (bounded by BODY_LIMIT_MB) and rebuilt per attempt with the upstream model.
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    for (const path of ['/audio/transcriptions', '/audio/translations']) {
      scope.post(`/v1${path}`, { onRequest: route.authenticate('openai-chat') }, async (request: FastifyRequest, reply) => {
        const startedAt = performance.now();
        const caller = route.callerOf(request);
        const form = await readMultipart(request);
        const model = form.get('model');
        if (typeof model !== 'string' || !model.trim()) throw new AppError(400, 'invalid_request', 'model is required');
        if (!(form.get('file') instanceof Blob)) throw new AppError(400, 'invalid_request', 'file is required (the audio to transcribe)');
        checkModelAllowed(caller, model);
        const inbound = inboundRequest(
          { codec: openaiChatCodec, endpoint: path.slice(1), model, stream: false, includeUsage: false, body: {}, passHeaders: {}, estimatePrompt: async () => 0 },
          () => textIr(model, ''),
        );
        const runner = passthroughRunner({ path, body: (upstreamModel) => rebuildMultipart(form, upstreamModel) });
        await relayAttempts(route.deps, relayCallOf(request, reply, caller, inbound, startedAt), runner);
        return reply;
      });
    }
  });
}

function joinText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v ? JSON.stringify(v) : '')).join('\n');
  return '';
}

/** A one-message IR, used only for local prompt counting. */
function textIr(model: string, text: string): IrRequest {
  return { model, stream: false, messages: [{ role: 'user', content: [{ type: 'text', text }] }] };
}
